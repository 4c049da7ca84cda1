"""`manage.py load_demo` builds the bilingual demo site where it is missing, never undoing edits."""

import datetime
import io
import json
import re

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from articles.models import ArticlePage, ArticleTag, Category, Disclaimer, NewsIndexPage
from cms.demo.site import SITE_SETTINGS
from cms.models import ContactPage, HomePage
from publisher.models import SiteSettings
from registry.models import ClinicalTrial, Publication

pytestmark = pytest.mark.django_db

LANGUAGES = ("zh-hans", "en")
NCT_IDS = ("NCT03265808", "NCT03522545", "NCT02675556")
DOI_LINK = 'href="https://doi.org/10.3390/ijms26178306"'
ARTICLE_TITLES = [
    "心脏病人新希望?干细胞治疗如何让心脏“重获活力”,远超传统治疗",
    "干细胞疗法为治疗抑郁症患者带来新希望:从临床前证据到早期临床试验",
    "快讯!博鳌乐城又公布3项细胞治疗技术的价格及落地医院",
]


def load_demo(*args, **options):
    """Run the command and return what it printed."""
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out, **options)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_output(module_db):
    """The demo site, built once for this module (tests that change files build their own)."""
    return load_demo()


@pytest.fixture
def home(demo_output):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def articles(home):
    """The demo articles in reading order (date, then id)."""
    index = NewsIndexPage.objects.child_of(home).get()
    return list(ArticlePage.objects.child_of(index).live().order_by("date", "pk"))


@pytest.fixture
def seed_article(articles):
    return articles[1]


def url_in(page, language):
    with translation.override(language):
        return page.get_url()


def snapshot():
    """Everything a repeated run must leave as it was."""
    return {
        "pages": list(Page.objects.order_by("pk").values_list("pk", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "disclaimers": Disclaimer.objects.count(),
        "categories": Category.objects.count(),
        "tags": list(ArticleTag.objects.order_by("pk").values_list("pk", "name_en", "slug")),
        "site_settings": SiteSettings.objects.count(),
        "sites": list(Site.objects.values_list("pk", "root_page_id")),
    }


def test_home_page_replaces_the_wagtail_welcome_page(home):
    assert isinstance(home, HomePage)
    assert (home.title_zh_hans, home.title_en) == ("首页", "Home")
    assert home.intro_zh_hans
    assert home.intro_en
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()


def test_site_settings_are_filled_in_both_languages(home):
    site_settings = SiteSettings.for_site(home.get_site())
    assert site_settings.site_name_zh_hans == "杭吉干细胞资讯"
    assert site_settings.site_name_en == "Hangji Stem Cell News"
    assert site_settings.address_en == "Hangzhou, Zhejiang, China"
    assert (site_settings.hotline, site_settings.telegram) == ("400-622-0089", "+86-139-6700-7000")
    assert site_settings.default_disclaimer_zh_hans.startswith("免责说明:本文仅用于传播科普知识")
    assert site_settings.default_disclaimer_en.startswith("Disclaimer:")


def test_news_index_and_contact_page_are_under_the_home_page(home):
    index = NewsIndexPage.objects.child_of(home).live().get()
    contact = ContactPage.objects.child_of(home).live().get()
    assert (index.title_zh_hans, index.title_en) == ("新闻资讯", "News")
    assert (contact.title_zh_hans, contact.title_en) == ("联系我们", "Contact us")


def test_three_articles_of_one_day_are_published_in_both_languages(articles):
    assert [article.title_zh_hans for article in articles] == ARTICLE_TITLES
    for article in articles:
        assert article.date == datetime.date(2025, 8, 29)
        assert article.translated_en
        assert article.slug_zh_hans == article.slug_en
        assert article.slug_en.isascii()
        assert article.category.slug == "stem-cell-news"
        assert article.tags.exists()


def test_every_tag_is_named_in_both_languages(articles):
    tags = ArticleTag.objects.filter(tagged_articles__content_object__in=articles).distinct()
    names = {tag.name_zh_hans: tag.name_en for tag in tags}
    assert names == {
        "干细胞": "Stem cells",
        "抑郁症": "Depression",
        "间充质干细胞": "Mesenchymal stem cells",
        "临床试验": "Clinical trials",
        "心脏病": "Heart disease",
        "细胞治疗": "Cell therapy",
        "博鳌乐城": "Boao Lecheng",
    }


def test_the_english_seed_article_names_its_tags_in_english(client, seed_article):
    html = client.get(url_in(seed_article, "en")).text
    links = html[html.index('<ul class="topic-links"') :]
    links = links[: links.index("</ul>")]
    assert '<a href="/en/news/tag/depression/">Depression</a>' in links
    assert not re.search(r"[\u4e00-\u9fff]", links)
    keywords = ["Clinical trials", "Depression", "Mesenchymal stem cells", "Stem cells"]
    assert f'"keywords": {json.dumps(keywords)}' in html


def test_a_run_names_an_old_tag_in_english_and_keeps_its_slug(demo_output):
    ArticleTag.objects.filter(name_zh_hans="心脏病").update(name_en=None, slug="心脏病")

    load_demo()

    tag = ArticleTag.objects.get(name_zh_hans="心脏病")
    assert (tag.name_en, tag.slug) == ("Heart disease", "心脏病")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_seed_article_sits_between_its_two_neighbours(articles, seed_article, language):
    with translation.override(language):
        assert seed_article.previous_article() == articles[0]
        assert seed_article.next_article() == articles[2]


def test_the_seed_article_uses_every_current_body_block_in_both_languages(seed_article):
    stream_block = ArticlePage._meta.get_field("body").stream_block
    block_types = set(stream_block.child_blocks) - set(stream_block.legacy_types)
    for language in LANGUAGES:
        body = getattr(seed_article, f"body_{language.replace('-', '_')}")
        assert {child.block_type for child in body} == block_types


def cited_records(body):
    """(block type, cited record ids) of each citing block of `body`, in order."""
    cited = []
    for child in body:
        if child.block_type == "trial_record":
            cited.append((child.block_type, [child.value["trial"].pk]))
        elif child.block_type == "study_record":
            cited.append((child.block_type, [child.value["publication"].pk]))
        elif child.block_type == "reference_list":
            cited.append((child.block_type, [p.pk for p in child.value["references"]]))
    return cited


def test_both_bodies_cite_the_same_sample_records(seed_article):
    chinese = cited_records(seed_article.body_zh_hans)
    assert chinese == cited_records(seed_article.body_en)
    trial_ids = [ids[0] for kind, ids in chinese if kind == "trial_record"]
    trials = [ClinicalTrial.objects.get(pk=pk) for pk in trial_ids]
    assert [trial.registry_id for trial in trials] == list(NCT_IDS)
    assert Publication.objects.filter(pk__in=[i for _k, ids in chinese for i in ids]).count() == 2


def test_the_english_says_what_the_chinese_says(seed_article):
    english = " ".join(str(child.value) for child in seed_article.body_en)
    assert "two active clinical trials" in english
    assert "one of which was terminated for lack of funding" in english
    assert "weekly injections" in english
    assert "once every four weeks" in english
    assert "low-contextualised symptoms (translator's note" in english
    assert "hypothymic" not in english


def test_a_second_run_keeps_an_editor_s_change_to_a_record(demo_output):
    trial = ClinicalTrial.objects.get(registry_id="NCT03522545")
    original, trial.title_en = trial.title_en, "Edited by an editor"
    trial.save()
    load_demo()
    assert ClinicalTrial.objects.get(pk=trial.pk).title_en == "Edited by an editor"
    trial.title_en = original
    trial.save()


def test_the_english_body_follows_the_chinese_block_for_block(seed_article):
    chinese = [child.block_type for child in seed_article.body_zh_hans]
    english = [child.block_type for child in seed_article.body_en]
    assert english == chinese


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_seed_article_renders_its_trials_doi_and_disclaimer(client, seed_article, language):
    response = client.get(url_in(seed_article, language))

    assert response.status_code == 200
    for nct_id in NCT_IDS:
        assert nct_id in response.text
    assert DOI_LINK in response.text
    assert 'href="#ref-1"' in response.text
    assert SITE_SETTINGS[f"default_disclaimer_{language.replace('-', '_')}"] in response.text


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_demo_page_renders_in_each_language(client, home, language):
    for page in Page.objects.descendant_of(home, inclusive=True).live().specific():
        response = client.get(url_in(page, language))
        assert response.status_code == 200, page
        with translation.override(language):
            assert str(page.title) in response.text


def test_the_command_reports_what_it_built(demo_output):
    assert demo_output.startswith("Demo site ready: ")
    assert len(demo_output.splitlines()) == 1


def test_each_object_is_listed_at_verbosity_2(demo_output):
    output = load_demo(verbosity=2)
    assert "exists  articles.ArticlePage: " in output
    assert "(nothing to do)" in output


def test_a_second_run_changes_nothing(demo_output):
    before = snapshot()

    output = load_demo()

    assert snapshot() == before
    assert output.startswith("Demo site: nothing to do, all ")


def test_a_run_keeps_the_hotline_an_editor_changed(home):
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.hotline = "400-000-1234"
    site_settings.save()

    load_demo()
    load_demo()

    site_settings.refresh_from_db()
    assert site_settings.hotline == "400-000-1234"


def test_a_run_keeps_an_article_summary_an_editor_published(seed_article):
    seed_article.summary_zh_hans = "编辑改过的摘要"
    seed_article.save_revision().publish()
    revisions = Revision.objects.count()

    load_demo()
    load_demo()

    seed_article.refresh_from_db()
    assert seed_article.summary_zh_hans == "编辑改过的摘要"
    assert Revision.objects.count() == revisions


def test_a_run_keeps_a_draft_an_editor_saved(seed_article):
    seed_article.summary_en = "A draft summary"
    seed_article.save_revision()
    latest = seed_article.get_latest_revision()

    load_demo()

    assert seed_article.get_latest_revision() == latest


def test_a_run_fills_settings_wagtail_created_empty(home):
    SiteSettings.objects.filter(site=home.get_site()).delete()
    SiteSettings.for_site(home.get_site())

    load_demo()

    assert SiteSettings.for_site(home.get_site()).hotline == SITE_SETTINGS["hotline"]


def test_reset_without_noinput_asks_and_a_no_changes_nothing(seed_article, monkeypatch):
    questions = []
    monkeypatch.setattr("builtins.input", lambda prompt: questions.append(prompt) or "no")
    before = snapshot()

    output = load_demo("--reset")

    assert "EVERY page under it" in questions[0]
    assert output == "Reset cancelled; nothing was changed.\n"
    assert snapshot() == before
