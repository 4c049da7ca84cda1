"""Build the demo site: home page, settings, news index, the seed article and its neighbours."""

import copy
import io
import json
from collections import Counter

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import translation
from wagtail.blocks import StreamValue
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from articles.models import ArticlePage, Category, Disclaimer, NewsIndexPage
from cms.demo import site as site_data
from cms.demo.depression_article import ARTICLE as DEPRESSION_ARTICLE
from cms.demo.depression_article import FIGURE_IMAGE, LEAD_IMAGE
from cms.demo.figure import lead_png, schematic_png
from cms.demo.medical_review import build_medical_review
from cms.demo.neighbour_articles import BOAO_ARTICLE, HEART_ARTICLE
from cms.models import ContactPage, HomePage
from publisher.models import SiteSettings

# Articles of the same day are ordered by id, so creation order is reading order:
# the heart article comes before the seed article, the Boao news after it.
ARTICLES = (HEART_ARTICLE, DEPRESSION_ARTICLE, BOAO_ARTICLE)
IMAGES = {
    FIGURE_IMAGE: {
        "title": "干细胞缓解抑郁症示意图 / Stem cells in depression (schematic)",
        "filename": "stem-cells-depression-figure-1.png",
        "draw": schematic_png,
    },
    LEAD_IMAGE: {
        "title": "干细胞与神经元插图 / Stem cells and a neuron (illustration)",
        "filename": "stem-cells-depression-lead.png",
        "draw": lead_png,
    },
}


def suffix(language):
    """The field-name suffix of a language code: zh-hans → zh_hans."""
    return language.replace("-", "_")


def without_ids(data):
    """StreamField JSON without block ids, which are random and say nothing about content."""
    if isinstance(data, dict):
        return {key: without_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [without_ids(item) for item in data]
    return data


def stream_data(value):
    """A StreamField value as the JSON it is stored as, without its block ids."""
    data = value.stream_block.get_prep_value(value)
    return without_ids(json.loads(json.dumps(data, cls=DjangoJSONEncoder)))


def same(current, wanted):
    """Whether a stored field value already equals the wanted one."""
    if isinstance(wanted, StreamValue):
        return isinstance(current, StreamValue) and stream_data(current) == stream_data(wanted)
    if isinstance(wanted, models.Model):
        # A page and its specific subclass are the same row but not equal objects.
        return current is not None and current.pk == wanted.pk
    return current == wanted


def assign(obj, values):
    """Set the attributes that differ from `values`; return whether any did."""
    changed = False
    for name, wanted in values.items():
        if not same(getattr(obj, name), wanted):
            setattr(obj, name, wanted)
            changed = True
    return changed


class Changes:
    """What the command created, updated or left as it was."""

    def __init__(self):
        self.lines = []
        self.counts = Counter()

    def record(self, action, obj):
        """Note what happened to `obj`."""
        self.counts[action] += 1
        self.lines.append(f"{action:>9}  {obj._meta.label}: {str(obj) or obj.pk}")

    def summary(self):
        """One line per object, then the totals."""
        counts = ", ".join(f"{self.counts[a]} {a}" for a in ("created", "updated", "unchanged"))
        return "\n".join([*self.lines, f"Demo site ready: {counts}."])


def save_if_changed(obj, values, changes):
    """Bring `obj` up to date with `values`, validating and saving only when new or changed."""
    created = obj.pk is None
    if assign(obj, values) or created:
        obj.full_clean()
        obj.save()
        changes.record("created" if created else "updated", obj)
    else:
        changes.record("unchanged", obj)
    return obj


def sync_object(model, data, key, changes):
    """The object whose `key` field equals data[key], created or updated from `data`."""
    lookup = {key: data[key]}
    obj = model.objects.filter(**lookup).first() or model(**lookup)
    return save_if_changed(obj, {k: v for k, v in data.items() if k != key}, changes)


def sync_page(existing, parent, model, values, changes, *, tags=None, prepare=None):
    """Create the page under `parent`, or update `existing` in place, publishing only on change."""
    if existing is None:
        page = model(**values)
        if tags is not None:
            page.tags.set(tags)
        if prepare:
            prepare(page)
        parent.add_child(instance=page)
        action = "created"
    else:
        page = existing.specific
        changed = assign(page, values)
        if tags is not None and set(page.tags.names()) != set(tags):
            page.tags.set(tags)
            changed = True
        if page.live and not changed:
            changes.record("unchanged", page)
            return page
        action = "updated"
    page.save_revision().publish()
    changes.record(action, page)
    return page


def build_images(changes):
    """The demo images, drawn once, found again by title, and redrawn if their file was lost."""
    image_model = get_image_model()
    images = {}
    for key, spec in IMAGES.items():
        image = image_model.objects.filter(title=spec["title"]).first()
        if image is not None and image.file.storage.exists(image.file.name):
            changes.record("unchanged", image)
        else:
            if image is None:
                image, action = image_model(title=spec["title"]), "created"
            else:
                image.renditions.all().delete()
                action = "updated"
            image.file = ImageFile(io.BytesIO(spec["draw"]()), name=spec["filename"])
            image.save()
            changes.record(action, image)
        images[key] = image
    return images


def build_home(changes):
    """Our home page as the default site's root, in place of Wagtail's welcome page."""
    home = sync_page(
        HomePage.objects.first(), Page.get_first_root_node(), HomePage, site_data.HOME_PAGE, changes
    )
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    save_if_changed(
        site,
        {"root_page": home, "site_name": site_data.SITE_SETTINGS["site_name_zh_hans"]},
        changes,
    )
    welcome_pages = Page.objects.filter(
        depth=2, numchild=0, content_type=ContentType.objects.get_for_model(Page)
    ).exclude(sites_rooted_here__isnull=False)
    for page in welcome_pages:
        changes.record("deleted", page)
        page.delete()
    return home


def build_settings(home, changes):
    """The publisher's identity, contact details and default disclaimer."""
    site = Site.objects.get(root_page=home, is_default_site=True)
    return sync_object(SiteSettings, {"site": site, **site_data.SITE_SETTINGS}, "site", changes)


def build_news_index(home, changes):
    """The news index under the home page."""
    return sync_page(
        NewsIndexPage.objects.child_of(home).first(),
        home,
        NewsIndexPage,
        site_data.NEWS_INDEX,
        changes,
    )


def body_value(language, blocks, images):
    """The article body in `language`, validated by the same rules editors meet."""
    field = ArticlePage._meta.get_field(f"body_{suffix(language)}")
    raw = []
    for block_type, value in copy.deepcopy(blocks):
        if block_type == "figure":
            value["image"] = images[value["image"]].pk
        raw.append({"type": block_type, "value": value})
    return field.stream_block.clean(field.to_python(raw))


def build_article(index, data, category, images, changes):
    """One article, published in both languages."""
    values = {"date": data["date"], "category": category, "lead_image": None, "source": ""}
    if data["lead_image"]:
        values["lead_image"] = images[data["lead_image"]]
    for language, _name in settings.LANGUAGES:
        values |= {
            f"title_{suffix(language)}": data["title"][language],
            f"slug_{suffix(language)}": data["slug"],
            f"summary_{suffix(language)}": data["summary"][language],
            f"body_{suffix(language)}": body_value(language, data["body"][language], images),
        }
    existing = ArticlePage.objects.child_of(index).filter(slug_zh_hans=data["slug"]).first()
    return sync_page(existing, index, ArticlePage, values, changes, tags=data["tags"])


def build_contact_page(home, changes):
    """The contact page under the home page, with its standard form fields."""
    return sync_page(
        ContactPage.objects.child_of(home).first(),
        home,
        ContactPage,
        site_data.CONTACT_PAGE,
        changes,
        prepare=ContactPage.create_default_fields,
    )


class Command(BaseCommand):
    """Build the demo site; a second run changes nothing."""

    help = "Build or update the bilingual demo site. Running it again changes nothing."

    def handle(self, *args, **options):
        changes = Changes()
        with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
            home = build_home(changes)
            build_settings(home, changes)
            index = build_news_index(home, changes)
            category = sync_object(Category, site_data.CATEGORY, "slug", changes)
            sync_object(Disclaimer, site_data.TRIAL_NEWS_DISCLAIMER, "name", changes)
            images = build_images(changes)
            for article in ARTICLES:
                build_article(index, article, category, images, changes)
            build_medical_review(index, changes)
            build_contact_page(home, changes)
        self.stdout.write(changes.summary())
