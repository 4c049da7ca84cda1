"""Create the missing parts of the demo site: home, settings, news index and three articles."""

import copy
import io
from collections import Counter

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from articles.models import ArticlePage, ArticleTag, Category, Disclaimer, NewsIndexPage
from cms.demo import site as site_data
from cms.demo.depression_article import ARTICLE as DEPRESSION_ARTICLE
from cms.demo.depression_article import FIGURE_IMAGE, LEAD_IMAGE
from cms.demo.figure import lead_png, schematic_png
from cms.demo.medical_review import build_medical_review
from cms.demo.neighbour_articles import BOAO_ARTICLE, HEART_ARTICLE
from cms.models import ContactPage, HomePage
from publisher.models import SiteSettings
from registry.samples import delete_samples, load_missing_samples

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


class Report:
    """What the command created, and what it found already there and left alone."""

    def __init__(self):
        self.lines = []
        self.counts = Counter()

    def record(self, action, obj):
        """Note what happened to `obj`: created, restored or exists."""
        self.counts[action] += 1
        note = "  (nothing to do)" if action == "exists" else ""
        self.lines.append(f"{action:>9}  {obj._meta.label}: {str(obj) or obj.pk}{note}")

    def summary(self):
        """One line: what was added, or that there was nothing to do."""
        if not self.counts["created"] and not self.counts["restored"]:
            return f"Demo site: nothing to do, all {self.counts['exists']} demo objects exist."
        added = ", ".join(f"{self.counts[a]} {a}" for a in ("created", "restored"))
        return f"Demo site ready: {added}; {self.counts['exists']} left as they were."


def ensure_object(model, data, key, report):
    """The object whose `key` field equals data[key], created from `data` if missing."""
    obj = model.objects.filter(**{key: data[key]}).first()
    if obj is not None:
        report.record("exists", obj)
        return obj
    obj = model(**data)
    obj.full_clean()
    obj.save()
    report.record("created", obj)
    return obj


def ensure_page(existing, parent, model, values, report, *, tags=None, prepare=None):
    """`existing` as it is, or a new page under `parent` built from `values` and published."""
    if existing is not None:
        report.record("exists", existing)
        return existing.specific
    page = model(**values)
    if tags is not None:
        page.tags.set(tags)
    if prepare:
        prepare(page)
    parent.add_child(instance=page)
    page.save_revision().publish()
    report.record("created", page)
    return page


def ensure_tags(report):
    """The articles' tags, found by their Chinese name; one without an English name gets it."""
    for data in site_data.TAGS:
        tag = ArticleTag.objects.filter(name_zh_hans=data["name_zh_hans"]).first()
        if tag is None:
            ensure_object(ArticleTag, data, "name_zh_hans", report)
        elif not tag.name_en:
            # A tag made before tags had English names keeps its slug: its page stays where it is.
            tag.name_en = data["name_en"]
            tag.save()
            report.record("restored", tag)
        else:
            report.record("exists", tag)


def ensure_images(report):
    """The demo images, drawn once, found again by title, and redrawn if their file was lost."""
    image_model = get_image_model()
    images = {}
    for key, spec in IMAGES.items():
        image = image_model.objects.filter(title=spec["title"]).first()
        if image is not None and image.file.storage.exists(image.file.name):
            report.record("exists", image)
        else:
            if image is None:
                image, action = image_model(title=spec["title"]), "created"
            else:
                image.renditions.all().delete()
                action = "restored"
            image.file = ImageFile(io.BytesIO(spec["draw"]()), name=spec["filename"])
            image.save()
            report.record(action, image)
        images[key] = image
    return images


def ensure_home(report):
    """Our home page, under the tree's root."""
    return ensure_page(
        HomePage.objects.first(), Page.get_first_root_node(), HomePage, site_data.HOME_PAGE, report
    )


def ensure_site(home, report):
    """The default site, rooted at the home page in place of Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).first()
    welcome = ContentType.objects.get_for_model(Page)
    if site is not None and site.root_page.content_type_id != welcome.pk:
        report.record("exists", site)
        return site
    site = site or Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = site_data.SITE_SETTINGS["site_name_zh_hans"]
    site.full_clean()
    site.save()
    report.record("created", site)
    welcome_pages = Page.objects.filter(depth=2, numchild=0, content_type=welcome).exclude(
        sites_rooted_here__isnull=False
    )
    for page in welcome_pages:
        page.delete()
    return site


def ensure_settings(site, report):
    """The publisher's identity, contact details and default disclaimer, unless already filled in.

    Wagtail creates an empty settings row when a page is first shown; that one is filled in.
    """
    row = SiteSettings.objects.filter(site=site).first() or SiteSettings(site=site)
    if row.default_disclaimer_zh_hans:
        report.record("exists", row)
        return row
    for name, value in site_data.SITE_SETTINGS.items():
        setattr(row, name, value)
    row.full_clean()
    row.save()
    report.record("created", row)
    return row


def ensure_news_index(home, report):
    """The news index under the home page."""
    return ensure_page(
        NewsIndexPage.objects.child_of(home).first(),
        home,
        NewsIndexPage,
        site_data.NEWS_INDEX,
        report,
    )


def ensure_records(report):
    """The sample trials and publications that the demo articles cite."""
    records = load_missing_samples()
    for record in [*records.trials.values(), *records.publications.values()]:
        report.record("created" if record in records.created else "exists", record)
    return records


def resolve(block_type, value, images, records):
    """A demo block's raw value with its image and records named by key replaced by their ids."""
    if block_type == "figure":
        value["image"] = images[value["image"]].pk
    elif block_type == "trial_record":
        value["trial"] = records.trials[value["trial"]].pk
    elif block_type == "study_record":
        value["publication"] = records.publications[value["publication"]].pk
    elif block_type == "reference_list":
        value["references"] = [records.publications[doi].pk for doi in value["references"]]
    return value


def body_value(language, blocks, images, records):
    """The article body in `language`, validated by the same rules editors meet."""
    field = ArticlePage._meta.get_field(f"body_{suffix(language)}")
    raw = [
        {"type": block_type, "value": resolve(block_type, value, images, records)}
        for block_type, value in copy.deepcopy(blocks)
    ]
    return field.stream_block.clean(field.to_python(raw))


def ensure_article(index, data, category, report, *, images, records):
    """One article, published in both languages, found again by its Chinese slug."""
    values = {"date": data["date"], "category": category, "lead_image": None, "source": ""}
    if data["lead_image"]:
        values["lead_image"] = images[data["lead_image"]]
    for language, _name in settings.LANGUAGES:
        values |= {
            f"title_{suffix(language)}": data["title"][language],
            f"slug_{suffix(language)}": data["slug"],
            f"summary_{suffix(language)}": data["summary"][language],
            f"body_{suffix(language)}": body_value(
                language, data["body"][language], images, records
            ),
        }
    existing = ArticlePage.objects.child_of(index).filter(slug_zh_hans=data["slug"]).first()
    return ensure_page(existing, index, ArticlePage, values, report, tags=data["tags"])


def ensure_contact_page(home, report):
    """The contact page under the home page, with its standard form fields."""
    return ensure_page(
        ContactPage.objects.child_of(home).first(),
        home,
        ContactPage,
        site_data.CONTACT_PAGE,
        report,
        prepare=ContactPage.create_default_fields,
    )


def ensure_demo_site(report):
    """Every piece of demo content, each created only where it is missing."""
    home = ensure_home(report)
    site = ensure_site(home, report)
    ensure_settings(site, report)
    index = ensure_news_index(home, report)
    category = ensure_object(Category, site_data.CATEGORY, "slug", report)
    ensure_object(Disclaimer, site_data.TRIAL_NEWS_DISCLAIMER, "name", report)
    ensure_tags(report)
    images = ensure_images(report)
    records = ensure_records(report)
    for article in ARTICLES:
        ensure_article(index, article, category, report, images=images, records=records)
    build_medical_review(index, report)
    ensure_contact_page(home, report)


def delete_demo_site():
    """Delete the home pages with every page under them, and the demo's other objects."""
    for home in HomePage.objects.all():
        # Deleting the root page also deletes its Site and that site's settings.
        home.delete()
    get_image_model().objects.filter(title__in=[spec["title"] for spec in IMAGES.values()]).delete()
    Disclaimer.objects.filter(name=site_data.TRIAL_NEWS_DISCLAIMER["name"]).delete()
    Category.objects.filter(slug=site_data.CATEGORY["slug"]).delete()
    ArticleTag.objects.filter(
        name_zh_hans__in=[tag["name_zh_hans"] for tag in site_data.TAGS]
    ).delete()
    delete_samples()


class Command(BaseCommand):
    """Create the demo content that is missing; never change what an editor changed."""

    help = (
        "Create the bilingual demo site where it is missing. Existing objects are left as they "
        "are, so a second run has nothing to do. --reset deletes the demo site and rebuilds it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Delete the home page, every page under it and the demo objects, then rebuild.",
        )
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask before --reset deletes anything.",
        )

    def handle(self, *args, reset, interactive, verbosity, **options):
        if reset and interactive and not self.confirm_reset():
            self.stdout.write("Reset cancelled; nothing was changed.")
            return
        report = Report()
        with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
            if reset:
                delete_demo_site()
            ensure_demo_site(report)
        if verbosity >= 2:
            self.stdout.write("\n".join(report.lines))
        if verbosity >= 1:
            self.stdout.write(report.summary())

    def confirm_reset(self):
        """Whether the user typed "yes" to deleting the demo site and everything under it."""
        answer = input(
            "This deletes the home page, EVERY page under it (also pages editors added), the "
            "site settings and the demo images, then rebuilds the demo.\n"
            "Type 'yes' to continue, or 'no' to cancel: "
        )
        return answer.strip().lower() == "yes"
