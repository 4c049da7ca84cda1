"""The public API at /api/v2/: pages, trials and publications in each language, public data only."""

import datetime
import json
import re
from urllib.parse import urlsplit

import pytest
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from articles.models import ArticleTag, Category, MedicalReviewer, NewsIndexPage
from registry.models import ClinicalTrial, Publication, PublicationAuthor
from registry.samples import load_samples
from tests.factories import (
    make_article,
    make_contact_page,
    make_disclaimer,
    make_image,
    make_site,
    paragraph,
)
from tests.test_article_share import Elements, canonical

pytestmark = pytest.mark.django_db

HIDDEN = "机密内部稿"  # text only a private or draft page carries


def api(client, path, **params):
    """GET /api/v2/<path> with query `params`."""
    return client.get(f"/api/v2/{path}", params)


def data(response, status=200):
    """The JSON of `response`, after checking its status."""
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def titles(response):
    """The titles of a listing's items, in order."""
    return [item["title"] for item in data(response)["items"]]


def articles(client, **params):
    """The article listing with the titles of its items."""
    return titles(api(client, "pages/", type="articles.ArticlePage", **params))


def follow_find(client, path, **params):
    """Where a find/ request leads: (the final JSON response, the redirects it took)."""
    response = api(client, path, **params)
    hops = []
    while response.status_code == 302:
        hops.append(response["Location"])
        response = client.get(response["Location"])
    return response, hops


@pytest.fixture(scope="class")
def site(class_db):
    """A translated article (category, tag), an untranslated one and the contact page."""
    home, index = make_site()
    trials = Category.objects.create(name_zh_hans="临床试验", name_en="Trials", slug="trials")
    translated = make_article(index, 1, category=trials)
    translated.tags.add(
        ArticleTag.objects.create(name_zh_hans="抑郁症", name_en="Depression", slug="depression")
    )
    translated.save_revision().publish()
    untranslated = make_article(index, 2, en=False)
    contact = make_contact_page(home)
    return {
        "home": home,
        "index": index,
        "translated": translated,
        "untranslated": untranslated,
        "contact": contact,
        "category": trials,
    }


class TestPagesInEachLanguage:
    def test_chinese_is_the_default(self, client, site):
        assert articles(client) == ["干细胞新闻1", "干细胞新闻2"]
        response = api(client, "pages/")
        assert response["Content-Language"] == "zh-hans"
        urls = [item["meta"]["html_url"] for item in data(response)["items"]]
        assert all("/zh-hans/" in url for url in urls)

    def test_english_leaves_out_the_untranslated_article(self, client, site):
        assert articles(client, lang="en") == ["Stem cell news 1"]
        every_page = titles(api(client, "pages/", lang="en"))
        assert "干细胞新闻2" not in every_page
        assert {"Home", "News", "Contact us", "Stem cell news 1"} == set(every_page)

    def test_an_article_in_english(self, client, site):
        page = data(api(client, f"pages/{site['translated'].pk}/", lang="en"))
        assert page["title"] == "Stem cell news 1"
        assert page["summary"] == "Summary 1"
        assert page["body"][0]["type"] == "paragraph"
        assert page["body"][0]["value"] == "<p>Body 1</p>"
        assert page["meta"]["slug"] == "article-1-en"
        assert page["meta"]["html_url"].endswith("/en/news/article-1-en/")
        assert page["meta"]["detail_url"].endswith(f"/api/v2/pages/{page['id']}/?lang=en")
        assert page["meta"]["parent"]["title"] == "News"
        assert page["meta"]["parent"]["meta"]["detail_url"].endswith("?lang=en")
        assert page["category"] == {"id": site["category"].pk, "name": "Trials", "slug": "trials"}
        assert page["tags"] == ["Depression"]
        assert page["disclaimer"].startswith("Disclaimer:")
        assert page["languages"] == ["zh-hans", "en"]

    def test_the_same_article_in_chinese(self, client, site):
        page = data(api(client, f"pages/{site['translated'].pk}/"))
        assert page["title"] == "干细胞新闻1"
        assert page["summary"] == "摘要1"
        assert page["body"][0]["value"] == "<p>正文1</p>"
        assert page["meta"]["slug"] == "article-1"
        assert page["meta"]["html_url"].endswith("/zh-hans/news/article-1/")
        assert page["category"]["name"] == "临床试验"
        assert page["tags"] == ["抑郁症"]
        assert page["disclaimer"].startswith("免责说明")

    def test_an_untranslated_article_is_not_found_in_english(self, client, site):
        response = api(client, f"pages/{site['untranslated'].pk}/", lang="en")
        assert data(response, 404)["message"]
        assert data(api(client, f"pages/{site['untranslated'].pk}/"))["languages"] == ["zh-hans"]

    @pytest.mark.parametrize("lang", ["xx", "EN", "zh", "zh-Hans", "", "en\x00", "e" * 5000])
    def test_an_unknown_language_is_refused_with_the_choices(self, client, site, lang):
        message = data(api(client, "pages/", lang=lang), 400)["message"]
        assert "zh-hans" in message
        assert "en" in message
        assert len(message) < 300

    def test_the_refusal_reads_in_the_browsers_language(self, client, site):
        response = client.get("/api/v2/trials/", {"lang": "fr"}, HTTP_ACCEPT_LANGUAGE="zh-hans")
        assert "必须" in data(response, 400)["message"]
        response = client.get("/api/v2/trials/", {"lang": "fr"}, HTTP_ACCEPT_LANGUAGE="en")
        assert data(response, 400)["message"].startswith("lang must be one of")

    def test_find_by_the_sites_address_in_each_language(self, client, site):
        pk = site["translated"].pk
        response, hops = follow_find(client, "pages/find/", html_path="/en/news/article-1-en/")
        assert data(response)["title"] == "Stem cell news 1"
        assert hops[-1].endswith(f"/api/v2/pages/{pk}/?lang=en")
        response, _hops = follow_find(client, "pages/find/", html_path="/zh-hans/news/article-1/")
        assert data(response)["title"] == "干细胞新闻1"
        response, _hops = follow_find(client, "pages/find/", html_path="/news/")
        assert data(response)["id"] == site["index"].pk

    @pytest.mark.parametrize(
        "path",
        ["/en/news/article-2/", "/nope/", "/zh-hans/news/nope/", "/xx/news/", "/news/\x00/"],
    )
    def test_find_an_address_without_a_public_page(self, client, site, path):
        response, _hops = follow_find(client, "pages/find/", html_path=path)
        assert data(response, 404)["message"]

    def test_a_missing_page_is_a_404_not_a_redirect(self, client, site):
        assert data(api(client, "pages/999999/"), 404)["message"]
        assert data(api(client, "pages/999999/", lang="en"), 404)["message"]
        assert api(client, "nothing-here/").status_code == 404
        # Site pages without their language prefix still are.
        assert client.get("/news/")["Location"] == "/zh-hans/news/"


class TestPageFiltersAndOrder:
    def test_filter_by_category_tag_and_date(self, client, site):
        assert articles(client, category=site["category"].pk) == ["干细胞新闻1"]
        assert articles(client, tags="抑郁症", lang="en") == ["Stem cell news 1"]
        assert articles(client, tags="Depression", lang="en") == ["Stem cell news 1"]
        assert articles(client, tags="Depression") == ["干细胞新闻1"]
        assert articles(client, date="2025-08-03") == ["干细胞新闻2"]
        assert articles(client, child_of=site["index"].pk, order="-date") == [
            "干细胞新闻2",
            "干细胞新闻1",
        ]

    def test_filter_by_the_title_in_the_requested_language(self, client, site):
        assert articles(client, title="Stem cell news 1", lang="en") == ["Stem cell news 1"]
        assert articles(client, title="干细胞新闻1") == ["干细胞新闻1"]

    def test_order_by_date_either_way(self, client, site):
        assert articles(client, order="date") == ["干细胞新闻1", "干细胞新闻2"]
        assert articles(client, order="-date") == ["干细胞新闻2", "干细胞新闻1"]

    def test_search_in_each_language(self, client, site):
        assert articles(client, search="干细胞新闻2") == ["干细胞新闻2"]
        assert articles(client, search="Stem", lang="en") == ["Stem cell news 1"]

    @pytest.mark.parametrize(
        "params",
        [
            {"date": "not-a-date"},
            {"date": "2025-02-30"},
            {"category": "trials"},
            {"show_in_menus": "maybe"},
            {"body": "x"},
            {"owner": "1"},
            {"locale": "en"},
            {"translation_of": "3"},
            {"nonsense": "1"},
            {"order": "body"},
            {"order": "owner"},
            {"order": "-nonsense"},
            {"order": "random", "offset": "1"},
            {"order": "date,random"},
        ],
    )
    def test_an_unknown_or_malformed_filter_or_order_is_refused(self, client, site, params):
        message = data(api(client, "pages/", type="articles.ArticlePage", **params), 400)
        assert message["message"]


class TestHostileParameters:
    """Whatever the query string says, no 5xx, and nothing beyond what readers may see."""

    @pytest.fixture(scope="class")
    @classmethod
    def private(cls, site):
        """A private article under the site's index."""
        page = make_article(site["index"], 9, title_zh_hans=HIDDEN, title_en=HIDDEN)
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="pw"
        )
        return page

    @pytest.mark.parametrize("path", ["pages/", "trials/", "publications/"])
    @pytest.mark.parametrize(
        "params",
        [
            {"limit": "9" * 30},
            {"limit": "-1"},
            {"limit": "abc"},
            {"offset": "-1"},
            {"offset": "9" * 30},
            {"offset": "1e9"},
            {"fields": "*"},
            {"fields": "*", "limit": "20", "offset": "0"},
            {"fields": "owner"},
            {"fields": "*,owner"},
            {"fields": "owner(*)"},
            {"fields": "parent(*)"},
            {"fields": "body(*)"},
            {"fields": "(("},
            {"fields": "_,title"},
            {"fields": "-id,-title"},
            {"fields": "x" * 5000},
            {"order": "-"},
            {"order": ","},
            {"order": "random"},
            {"order": "id\x00"},
            {"id": "9" * 30},
            {"id": "\x00"},
            {"type": "auth.User"},
            {"type": "cms.ContactSubmission"},
            {"type": "wagtailcore.Page,auth.User"},
            {"type": "\x00"},
            {"child_of": "9" * 30},
            {"child_of": "-1"},
            {"descendant_of": "abc"},
            {"ancestor_of": "999999999"},
            {"site": "evil.example"},
            {"site": "localhost:abc"},
            {"search": "\x00"},
            {"search": "干细胞 " * 500},
            {"search": "x", "search_operator": "xor"},
            {"search": "x", "order": "title"},
            {"rich_text_format": "bogus"},
            {"title": "\x00"},
            {"format": "api"},
            {"format": "xml"},
            {"_": "123"},
        ],
    )
    def test_never_a_server_error_nor_a_private_field(self, client, private, path, params):
        response = api(client, path, **params)
        assert response.status_code < 500
        body = response.content.decode()
        for leaked in (HIDDEN, '"owner"', '"locked_by"', '"latest_revision"', '"draft_title"'):
            assert leaked not in body
        if response.status_code == 400:
            assert json.loads(body)["message"]

    @pytest.mark.parametrize("path", ["pages/", "pages/1/", "trials/", "publications/"])
    @pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
    def test_nothing_can_be_written(self, client, site, path, method):
        response = getattr(client, method)(f"/api/v2/{path}", {}, content_type="application/json")
        assert response.status_code == 405

    def test_a_signed_in_editor_sees_only_public_data_too(self, client, private, django_user_model):
        client.force_login(django_user_model.objects.create_superuser("boss", "b@x.cn", "pw"))
        assert HIDDEN not in api(client, "pages/", fields="*").content.decode()
        assert api(client, f"pages/{private.pk}/").status_code == 404

    def test_the_contact_page_shows_no_enquiry_or_address(self, client, site):
        page = data(api(client, f"pages/{site['contact'].pk}/", fields="*"))
        assert page["title"] == "联系我们"
        text = json.dumps(page, ensure_ascii=False)
        assert "enquiries@example.com" not in text
        assert "form_fields" not in text
        response = api(client, "pages/", type="cms.ContactPage", fields="to_address")
        assert data(response, 400)["message"] == "unknown fields: to_address"


class TestOnlyLivePublicContent:
    def test_a_draft_change_is_never_shown(self, client, site_tree):
        _home, index = site_tree
        article = make_article(index, 1)
        with translation.override("zh-hans"):
            article.title_zh_hans = article.title_en = HIDDEN
            article.summary_zh_hans = article.summary_en = HIDDEN
            article.body_zh_hans = article.body_en = paragraph(HIDDEN)
            article.save_revision()
        article.refresh_from_db()
        assert article.has_unpublished_changes
        for lang in ("zh-hans", "en"):
            for response in (
                api(client, f"pages/{article.pk}/", lang=lang),
                api(client, "pages/", lang=lang, fields="*", type="articles.ArticlePage"),
            ):
                assert response.status_code == 200
                assert HIDDEN not in response.content.decode()
            assert articles(client, lang=lang, search=HIDDEN) == []
        assert data(api(client, f"pages/{article.pk}/", lang="en"))["body"][0]["value"] == (
            "<p>Body 1</p>"
        )
        article.get_latest_revision().publish()
        assert data(api(client, f"pages/{article.pk}/", lang="en"))["title"] == HIDDEN

    def test_removing_the_english_in_a_draft_keeps_the_published_english(self, client, site_tree):
        _home, index = site_tree
        article = make_article(index, 1)
        article.title_en = ""
        article.save_revision()
        assert articles(client, lang="en") == ["Stem cell news 1"]

    @pytest.mark.parametrize(
        ("kind", "restricted"),
        [("password", "article"), ("login", "article"), ("login", "index")],
    )
    def test_a_private_page_is_absent(self, client, site_tree, kind, restricted):
        _home, index = site_tree
        article = make_article(index, 1, title_zh_hans=HIDDEN, title_en=HIDDEN)
        PageViewRestriction.objects.create(
            page=article if restricted == "article" else index, restriction_type=kind, password="p"
        )
        for lang in ("zh-hans", "en"):
            listing = api(client, "pages/", lang=lang, fields="*")
            assert HIDDEN not in listing.content.decode()
            assert api(client, f"pages/{article.pk}/", lang=lang).status_code == 404
            assert titles(api(client, "pages/", search=HIDDEN, lang=lang)) == []
        response, _hops = follow_find(client, "pages/find/", html_path="/zh-hans/news/article-1/")
        assert response.status_code == 404

    def test_an_unpublished_page_is_absent(self, client, site_tree):
        _home, index = site_tree
        withdrawn = make_article(index, 1)
        never_published = make_article(index, 2, live=False)
        withdrawn.unpublish()
        assert articles(client) == []
        for page in (withdrawn, never_published):
            assert api(client, f"pages/{page.pk}/").status_code == 404

    def test_a_publish_shows_at_once_with_the_page_cache_on(self, client, site_tree, settings):
        settings.PAGE_CACHE = True
        _home, index = site_tree
        article = make_article(index, 1)
        first = api(client, f"pages/{article.pk}/")
        assert "no-store" in first["Cache-Control"]
        article.title_zh_hans = "新标题"
        article.save_revision().publish()
        assert data(api(client, f"pages/{article.pk}/"))["title"] == "新标题"


def aliased(site_tree, variant):
    """An article under a second section and its alias in the news index, after `variant`."""
    home, index = site_tree
    with translation.override("zh-hans"):
        section = NewsIndexPage(
            title_zh_hans="专题", title_en="Features", slug_zh_hans="features", slug_en="features"
        )
        home.add_child(instance=section)
    original = make_article(section, 5)
    alias = original.create_alias(parent=index)
    if variant == "private original":
        PageViewRestriction.objects.create(page=original, restriction_type="password", password="p")
    elif variant == "private section":
        PageViewRestriction.objects.create(page=section, restriction_type="login")
    elif variant == "withdrawn original":
        # Withdrawn without Wagtail's unpublish (which takes the aliases down too), as an
        # import or a bulk update would.
        Page.objects.filter(pk=original.pk).update(live=False)
    return original, alias


class TestAliases:
    @pytest.mark.parametrize(
        "variant", ["private original", "private section", "withdrawn original"]
    )
    def test_an_alias_never_names_an_original_readers_cannot_see(self, client, site_tree, variant):
        original, alias = aliased(site_tree, variant)
        for lang in ("zh-hans", "en"):
            page = data(api(client, f"pages/{alias.pk}/", lang=lang))
            assert page["meta"]["alias_of"] is None
            listing = data(api(client, "pages/", lang=lang, fields="*"))["items"]
            listed = next(item for item in listing if item["id"] == alias.pk)
            assert listed["meta"]["alias_of"] is None
            assert original.pk not in [item["id"] for item in listing]
            assert (
                f"/pages/{original.pk}/"
                not in api(client, "pages/", lang=lang, fields="*").content.decode()
            )
            assert api(client, f"pages/{original.pk}/", lang=lang).status_code == 404

    @pytest.mark.parametrize("lang", ["zh-hans", "en"])
    def test_an_alias_of_a_public_page_names_it(self, client, site_tree, lang):
        original, alias = aliased(site_tree, "public")
        page = data(api(client, f"pages/{alias.pk}/", lang=lang))
        named = page["meta"]["alias_of"]
        assert named["id"] == original.pk
        assert named["title"] == ("干细胞新闻5" if lang == "zh-hans" else "Stem cell news 5")
        suffix = "" if lang == "zh-hans" else "?lang=en"
        assert (
            named["meta"]["detail_url"] == f"http://testserver/api/v2/pages/{original.pk}/{suffix}"
        )
        assert named["meta"]["html_url"] == canonical(
            client.get(named["meta"]["html_url"]).content.decode()
        )
        assert named["meta"]["html_url"].endswith(
            "/features/article-5/" if lang == "zh-hans" else "/features/article-5-en/"
        )
        listing = data(api(client, "pages/", lang=lang, fields="*"))["items"]
        assert next(item for item in listing if item["id"] == alias.pk)["meta"]["alias_of"] == named


@pytest.fixture(scope="class")
def registry(class_db):
    """The sample trials and publications."""
    trials, publications = load_samples()
    return {
        "trials": {trial.registry_id: trial for trial in trials},
        "publications": {publication.doi: publication for publication in publications},
    }


def registry_ids(response):
    """The registry ids of a trial listing, in order."""
    return [item["registry_id"] for item in data(response)["items"]]


class TestTrials:
    def test_listing_by_registry_id(self, client, registry):
        assert registry_ids(api(client, "trials/")) == ["NCT02675556", "NCT03265808", "NCT03522545"]

    def test_a_trial_in_each_language(self, client, registry):
        pk = registry["trials"]["NCT03265808"].pk
        english = data(api(client, f"trials/{pk}/", lang="en"))
        chinese = data(api(client, f"trials/{pk}/"))
        for trial in (english, chinese):
            assert trial["registry_id"] == "NCT03265808"
            assert trial["status"] == "ACTIVE_NOT_RECRUITING"
            assert trial["phases"] == ["PHASE1", "PHASE2"]
            assert trial["enrollment"] == 80
            assert trial["start_date"] == "2018-03-01"
            assert trial["registry_url"] == "https://clinicaltrials.gov/study/NCT03265808"
        assert english["title"].startswith("Allogeneic Human Mesenchymal Stem Cell")
        assert english["phase_label"] == "Phase 1/2"
        assert english["conditions"] == ["Alcohol Use Disorder", "Major Depressive Disorder"]
        assert chinese["title"].startswith("同种异体")
        assert chinese["phase_label"] == "I/II期"
        assert chinese["status_label"] != english["status_label"]
        assert english["meta"]["detail_url"].endswith(f"/api/v2/trials/{pk}/?lang=en")

    def test_a_stopped_trial_says_why_in_each_language(self, client, registry):
        pk = registry["trials"]["NCT02675556"].pk
        assert data(api(client, f"trials/{pk}/", lang="en"))["why_stopped"]
        assert data(api(client, f"trials/{pk}/"))["why_stopped"]

    @pytest.mark.parametrize(
        ("params", "expected"),
        [
            ({"status": "RECRUITING"}, ["NCT03522545"]),
            ({"status": "TERMINATED"}, ["NCT02675556"]),
            ({"phases": "PHASE2"}, ["NCT03265808"]),
            ({"registry_id": "nct03265808"}, ["NCT03265808"]),
            ({"placebo_controlled": "true", "phases": "PHASE2"}, ["NCT03265808"]),
            ({"placebo_controlled": "false"}, ["NCT02675556"]),
            ({"status": "COMPLETED"}, []),
            ({"order": "-registry_id"}, ["NCT03522545", "NCT03265808", "NCT02675556"]),
            ({"order": "start_date"}, ["NCT02675556", "NCT03265808", "NCT03522545"]),
            ({"order": "-enrollment,registry_id", "limit": "1"}, ["NCT03265808"]),
        ],
    )
    def test_filters_and_order(self, client, registry, params, expected):
        assert registry_ids(api(client, "trials/", **params)) == expected

    @pytest.mark.parametrize(
        "params",
        [
            {"status": "recruiting"},
            {"status": "BOGUS"},
            {"phases": "PHASE9"},
            {"placebo_controlled": "perhaps"},
            {"enrollment": "80"},
            {"conditions": "x"},
            {"search": "depression"},
            {"order": "title"},
            {"order": "conditions"},
            {"order": "nonsense"},
        ],
    )
    def test_a_filter_or_order_it_cannot_apply_is_refused(self, client, registry, params):
        assert data(api(client, "trials/", **params), 400)["message"]

    def test_a_bad_status_names_the_statuses(self, client, registry):
        message = data(api(client, "trials/", status="BOGUS"), 400)["message"]
        assert "RECRUITING" in message
        assert "BOGUS" in message

    def test_find_by_registry_id(self, client, registry):
        response, _hops = follow_find(client, "trials/find/", registry_id="nct03522545", lang="en")
        trial = data(response)
        assert trial["registry_id"] == "NCT03522545"
        assert trial["status_label"] == "Recruiting"
        response, _hops = follow_find(client, "trials/find/", registry_id="NCT00000000")
        assert response.status_code == 404

    def test_a_missing_trial(self, client, registry):
        assert data(api(client, "trials/999999/"), 404)["message"]


class TestPublications:
    def test_listing_newest_first(self, client, registry):
        years = [item["year"] for item in data(api(client, "publications/"))["items"]]
        assert years == sorted(years, reverse=True)
        assert len(years) == 2

    def test_a_publication_with_its_authors_in_order(self, client, registry):
        pk = registry["publications"]["10.3390/ijms26178306"].pk
        work = data(api(client, f"publications/{pk}/"))
        assert work["doi"] == "10.3390/ijms26178306"
        assert work["journal_abbreviation"] == "Int. J. Mol. Sci."
        assert work["year"] == 2025
        assert [author["family"] for author in work["authors"]] == [
            "Jurczenko",
            "Semeniuk",
            "Leszek",
        ]
        assert work["authors"][2]["citation_name"] == "Leszek, J.W."
        assert work["translated_title"] == "干细胞治疗抑郁症的潜力"
        assert work["study_type_label"] == "综述"
        assert data(api(client, f"publications/{pk}/", lang="en"))["study_type_label"] == "Review"

    def test_filters(self, client, registry):
        def ids(**params):
            return {item["id"] for item in data(api(client, "publications/", **params))["items"]}

        def expected(**lookup):
            return set(Publication.objects.filter(**lookup).values_list("pk", flat=True))

        assert len(ids()) == 2
        assert ids(year="2025") == expected(year=2025) != set()
        assert ids(study_type="review") == expected(study_type="review") != set()
        by_doi = api(client, "publications/", doi="https://doi.org/10.3390/IJMS26178306")
        assert [item["doi"] for item in data(by_doi)["items"]] == ["10.3390/ijms26178306"]
        assert data(api(client, "publications/", year="1900"))["items"] == []
        assert data(api(client, "publications/", year="9" * 30))["items"] == []

    @pytest.mark.parametrize(
        "params",
        [
            {"year": "abc"},
            {"year": "20.25"},
            {"study_type": "bogus"},
            {"authors": "1"},
            {"search": "stem"},
            {"order": "authors"},
            {"order": "translated_title"},
        ],
    )
    def test_a_filter_or_order_it_cannot_apply_is_refused(self, client, registry, params):
        assert data(api(client, "publications/", **params), 400)["message"]

    def test_find_by_doi_as_pasted(self, client, registry):
        response, _hops = follow_find(
            client, "publications/find/", doi="https://doi.org/10.3390/IJMS26178306"
        )
        assert data(response)["doi"] == "10.3390/ijms26178306"

    def test_order_by_year(self, client, registry):
        years = [item["year"] for item in data(api(client, "publications/", order="year"))["items"]]
        assert years == sorted(years)

    def test_a_missing_publication(self, client, registry):
        assert data(api(client, "publications/999999/"), 404)["message"]


def test_a_status_change_shows_at_once(client, db):
    trial = ClinicalTrial.objects.create(
        registry_id="NCT12345678", title_zh_hans="试验", status="RECRUITING"
    )
    assert registry_ids(api(client, "trials/", status="RECRUITING")) == ["NCT12345678"]
    trial.status = "COMPLETED"
    trial.save()
    assert registry_ids(api(client, "trials/", status="RECRUITING")) == []
    assert registry_ids(api(client, "trials/", status="COMPLETED")) == ["NCT12345678"]


def test_a_trial_dated_by_month_reads_so(client, db):
    ClinicalTrial.objects.create(
        registry_id="NCT12345678",
        title_zh_hans="试验",
        title_en="A trial",
        status="RECRUITING",
        start_date=datetime.date(2020, 5, 1),
        start_date_precision="MONTH",
    )
    trial = data(api(client, "trials/", fields="*", lang="en"))["items"][0]
    assert trial["start_date_precision"] == "MONTH"
    assert trial["dates_text"] == "since May 2020"


URL = re.compile(r"https?://[^\s\"'<>]+")


@pytest.fixture(
    params=[
        # `PORT=8099 make run`: the Site record says localhost:80, readers ask 127.0.0.1:8099.
        (("localhost", 80), {"HTTP_HOST": "127.0.0.1:8099"}, "http://127.0.0.1:8099"),
        # Behind TLS, under a name the Site record does not have.
        (
            ("cms.internal", 8080),
            {"HTTP_HOST": "news.example.cn", "secure": True},
            "https://news.example.cn",
        ),
    ],
    ids=["local-port", "other-host"],
)
def served(request, site_tree, client):
    """An article with a lead image, and a GET as readers send it to a host the Site record lacks.

    Yields (get(path, **params), the origin every absolute URL must have, the Site's hostname).
    """
    (hostname, port), headers, origin = request.param
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = hostname, port
    site.save()
    _home, index = site_tree
    make_article(index, 1, lead_image=make_image())

    def get(path, **params):
        return client.get(path, params, **headers)

    return get, origin, hostname


class TestAddressesOnTheRequestsHost:
    """Every absolute URL the API gives is on the request's host, as the pages' own links are."""

    @pytest.mark.parametrize("lang", ["zh-hans", "en"])
    def test_an_article_links_where_its_page_says_it_is(self, served, lang):
        get, origin, _hostname = served
        items = data(get("/api/v2/pages/", type="articles.ArticlePage", lang=lang))["items"]
        page = data(get(f"/api/v2/pages/{items[0]['id']}/", lang=lang))
        html = get(urlsplit(page["meta"]["html_url"]).path).content.decode()
        assert page["meta"]["html_url"] == canonical(html)
        assert page["meta"]["html_url"].startswith(f"{origin}/{lang}/news/")
        og_image = Elements(html).first("meta", property="og:image")["content"]
        assert page["lead_image"]["full_url"] == og_image
        suffix = "" if lang == "zh-hans" else "?lang=en"
        assert page["meta"]["detail_url"] == f"{origin}/api/v2/pages/{page['id']}/{suffix}"
        assert items[0]["meta"]["detail_url"] == page["meta"]["detail_url"]
        parent = page["meta"]["parent"]["meta"]
        index_html = get(urlsplit(parent["html_url"]).path).content.decode()
        assert parent["html_url"] == canonical(index_html)
        assert parent["detail_url"].startswith(f"{origin}/api/v2/pages/")

    @pytest.mark.parametrize("lang", ["zh-hans", "en"])
    def test_no_url_names_the_site_records_host(self, served, lang):
        get, origin, hostname = served
        for path in ("/api/v2/pages/", f"/api/v2/pages/{Page.objects.last().pk}/"):
            body = get(path, fields="*", lang=lang).content.decode()
            urls = URL.findall(body)
            assert urls
            assert all(url.startswith(f"{origin}/") for url in urls), urls
            assert hostname not in body
            assert "testserver" not in body

    def test_find_redirects_on_the_requests_host(self, served):
        get, origin, _hostname = served
        response = get("/api/v2/pages/find/", html_path="/en/news/article-1-en/")
        while response.status_code == 302:
            assert response["Location"].startswith(("/", f"{origin}/"))
            response = get(response["Location"].removeprefix(origin))
        assert data(response)["meta"]["detail_url"].startswith(f"{origin}/api/v2/pages/")
        response = get("/api/v2/pages/find/", id=str(Page.objects.last().pk))
        assert response["Location"].startswith(f"{origin}/api/v2/pages/")

    @pytest.mark.parametrize("endpoint", ["trials", "publications"])
    def test_records_link_on_the_requests_host(self, served, endpoint):
        get, origin, _hostname = served
        load_samples()
        for lang in ("zh-hans", "en"):
            for item in data(get(f"/api/v2/{endpoint}/", lang=lang))["items"]:
                assert item["meta"]["detail_url"].startswith(f"{origin}/api/v2/{endpoint}/")
            first = data(get(f"/api/v2/{endpoint}/"))["items"][0]
            response = get(f"/api/v2/{endpoint}/find/", id=str(first["id"]), lang=lang)
            assert response["Location"].startswith(f"{origin}/api/v2/{endpoint}/{first['id']}/")


def add_articles(site_tree, numbers):
    """Articles with everything the API reads: category, tags, lead image, disclaimer, reviewer."""
    _home, index = site_tree
    category, _created = Category.objects.get_or_create(
        slug="trials", defaults={"name_zh_hans": "临床试验", "name_en": "Trials"}
    )
    reviewer, _created = MedicalReviewer.objects.get_or_create(name="王医生", title="主任医师")
    stem_cells, _created = ArticleTag.objects.get_or_create(
        slug="stem-cells", defaults={"name_zh_hans": "干细胞", "name_en": "Stem cells"}
    )
    for n in numbers:
        article = make_article(
            index,
            n,
            category=category,
            lead_image=make_image(f"图{n}"),
            disclaimer=make_disclaimer(f"免责{n}", zh=f"免责说明{n}", en=f"Disclaimer {n}"),
            reviewed_by=reviewer,
            last_reviewed=datetime.date(2025, 9, 1),
        )
        article.tags.add(f"标签{n}", stem_cells)
        article.save_revision().publish()


def add_trials(_site_tree, numbers):
    """Trials with text in both languages and a list of phases."""
    for n in numbers:
        ClinicalTrial.objects.create(
            registry_id=f"NCT{n:08d}",
            title_zh_hans=f"试验{n}",
            title_en=f"Trial {n}",
            status="RECRUITING",
            phases=["PHASE1", "PHASE2"],
            conditions_zh_hans="抑郁症\n焦虑症",
            conditions_en="Depression\nAnxiety",
        )


def add_publications(_site_tree, numbers):
    """Publications with two authors each."""
    for n in numbers:
        publication = Publication.objects.create(
            title=f"Paper {n}", translated_title=f"论文{n}", doi=f"10.1000/paper.{n}", year=2020
        )
        for family in ("Wang", "Li"):
            PublicationAuthor.objects.create(publication=publication, family=family, given="X.")


class TestQueriesDoNotGrowWithItems:
    """A listing with fields=* costs as many queries for 20 items as for 2, in both languages."""

    @pytest.mark.parametrize(
        "listing",
        [
            # (endpoint, its parameters, how to add items, the most queries a listing may take)
            ("pages/", {"type": "articles.ArticlePage"}, add_articles, 10),
            ("pages/", {}, add_articles, 7),
            ("trials/", {}, add_trials, 4),
            ("publications/", {}, add_publications, 5),
        ],
        ids=["articles", "pages", "trials", "publications"],
    )
    def test_a_listing_with_every_field(
        self, client, site_tree, django_assert_max_num_queries, listing
    ):
        path, params, add, most = listing
        counts = []
        for numbers in (range(1, 3), range(3, 21)):
            add(site_tree, numbers)
            for lang in ("zh-hans", "en"):
                query = {"fields": "*", "limit": "20", "lang": lang, **params}
                # The first request makes the new images' renditions, once for good.
                api(client, path, **query)
                with django_assert_max_num_queries(most) as captured:
                    items = data(api(client, path, **query))["items"]
                assert len(items) >= numbers[-1]
                counts.append(len(captured.captured_queries))
        assert len(set(counts)) == 1, counts

    @pytest.mark.parametrize(
        ("lang", "disclaimer", "tags"),
        [
            ("zh-hans", "免责说明1", sorted(["干细胞", "标签1"])),
            # 标签1 has no English name: English readers do not see it.
            ("en", "Disclaimer 1", ["Stem cells"]),
        ],
    )
    def test_the_prefetched_relations_read_as_before(
        self, client, site_tree, lang, disclaimer, tags
    ):
        add_articles(site_tree, [1])
        query = {"type": "articles.ArticlePage", "fields": "*", "lang": lang}
        [item] = data(api(client, "pages/", **query))["items"]
        assert item["tags"] == tags
        assert item["category"]["slug"] == "trials"
        assert item["disclaimer"].startswith(disclaimer)
        assert "王医生" in item["review_statement"]
        assert item["lead_image"]["url"].endswith(".png")
        assert item == data(api(client, f"pages/{item['id']}/", fields="*", lang=lang)) | {
            "meta": item["meta"]
        }
