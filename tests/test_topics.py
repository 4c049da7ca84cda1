"""Category and tag pages: both languages, paginated, with their own title, links and feeds."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from articles.models import ArticlePage, ArticleTag, Category
from cms import cache_invalidation
from tests import sitemaps
from tests.factories import bulk_articles, make_article, make_image, make_site, paragraph

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
TRIALS = "/zh-hans/news/category/trials/", "/en/news/category/trials/"
DEPRESSION = "/zh-hans/news/tag/%E6%8A%91%E9%83%81%E7%97%87/"
EXOSOMES = "/zh-hans/news/tag/exosomes/", "/en/news/tag/exosomes/"


def titles(response):
    """Article titles listed on the page, in order."""
    assert response.status_code == 200
    return re.findall(r'<h2><a href="[^"]+">([^<]+)</a></h2>', response.text)


def head_links(response, rel):
    """(hreflang or type, href) of the page's <link rel=`rel`> elements."""
    return re.findall(
        rf'<link rel="{rel}" (?:hreflang|type)="([^"]+)"[^>]* href="([^"]+)"', response.text
    )


def parse_xml(response):
    """The root element of a response of ours (trusted: no defusedxml needed)."""
    assert response.status_code == 200
    return ET.fromstring(response.content)  # noqa: S314


@pytest.fixture(scope="module")
def site(module_db):
    """A category with three articles (one only in Chinese), a tag only Chinese carries, 2 more."""
    _home, index = make_site()
    trials = Category.objects.create(
        name_zh_hans="临床试验", name_en="Clinical trials", slug="trials"
    )
    Category.objects.create(name_zh_hans="空分类", name_en="Empty", slug="empty")
    make_article(index, 1, category=trials, source="浙江大学")
    make_article(index, 2, category=trials)
    chinese_only = make_article(index, 3, category=trials, en=False)
    chinese_only.tags.add("抑郁症")
    chinese_only.save_revision().publish()
    ArticleTag.objects.create(name_zh_hans="外泌体", name_en="Exosomes", slug="exosomes")
    both = make_article(index, 4)
    # 干细胞 has no English name yet: English readers do not see it.
    both.tags.add("外泌体", "干细胞")
    both.save_revision().publish()
    many = Category.objects.create(name_zh_hans="细胞", name_en="Cells", slug="cells")
    bulk_articles(index, range(11, 23), category=many)
    return index


class TestCategoryPage:
    def test_lists_the_category_newest_first_in_chinese(self, client, site):
        assert titles(client.get(TRIALS[0])) == ["干细胞新闻3", "干细胞新闻2", "干细胞新闻1"]

    def test_english_lists_only_translated_articles(self, client, site):
        assert titles(client.get(TRIALS[1])) == ["Stem cell news 2", "Stem cell news 1"]

    @pytest.mark.parametrize(
        ("path", "title", "description"),
        [
            (TRIALS[0], "分类：临床试验", "临床试验"),
            (TRIALS[1], "Category: Clinical trials", "Hangji Stem Cell News articles on Clinical"),
        ],
    )
    def test_has_its_own_heading_title_and_description(
        self, client, site, path, title, description
    ):
        html = client.get(path).text
        assert f"<h1>{title}</h1>" in html
        assert f"<title>{title} · " in html
        meta = re.search(r'<meta name="description" content="([^"]+)">', html)[1]
        assert description in meta
        assert re.search(rf'<meta property="og:url" content="http://testserver{path}">', html)

    def test_canonical_and_hreflang_name_both_languages(self, client, site):
        response = client.get(TRIALS[1])
        assert f'<link rel="canonical" href="http://testserver{TRIALS[1]}">' in response.text
        assert ("zh-Hans", f"http://testserver{TRIALS[0]}") in head_links(response, "alternate")
        assert ("en", f"http://testserver{TRIALS[1]}") in head_links(response, "alternate")

    def test_the_language_switcher_stays_on_the_category(self, client, site):
        html = client.get(TRIALS[0]).text
        assert "next=%2Fen%2Fnews%2Fcategory%2Ftrials%2F" in html

    def test_links_its_feeds_in_the_head_and_the_page(self, client, site):
        response = client.get(TRIALS[1])
        feeds = head_links(response, "alternate")
        assert ("application/rss+xml", "/en/feed/category/trials/") in feeds
        assert ("application/atom+xml", "/en/feed/category/trials/atom/") in feeds
        assert 'href="/en/feed/category/trials/" type="application/rss+xml"' in response.text
        assert 'href="/en/feed/category/trials/atom/" type="application/atom+xml"' in response.text

    def test_a_category_without_articles_is_an_empty_page(self, client, site):
        response = client.get("/en/news/category/empty/")
        assert titles(response) == []
        assert "No articles yet." in response.text

    @pytest.mark.parametrize(
        "path",
        [
            "/zh-hans/news/category/nope/",
            "/en/news/category/nope/",
            "/en/news/category/trials/extra/",
            "/en/news/category/%3Cscript%3E/",
            "/en/news/category/" + "a" * 500 + "/",
        ],
    )
    def test_an_unknown_category_is_the_sites_own_404(self, client, site, path):
        response = client.get(path)
        assert response.status_code == 404
        assert 'class="site-header"' in response.text

    def test_articles_of_the_index_are_still_reached(self, client, site):
        with translation.override("en"):
            url = site.get_children().live().first().get_url()
        assert client.get(url).status_code == 200


class TestTagPage:
    def test_lists_the_tagged_articles(self, client, site):
        assert titles(client.get(DEPRESSION)) == ["干细胞新闻3"]
        assert "<h1>标签：抑郁症</h1>" in client.get(DEPRESSION).text

    def test_a_tag_no_english_article_carries_is_not_found_in_english(self, client, site):
        assert client.get(DEPRESSION.replace("/zh-hans/", "/en/")).status_code == 404

    def test_and_has_no_hreflang_alternates_in_chinese(self, client, site):
        response = client.get(DEPRESSION)
        assert not [link for link in head_links(response, "alternate") if link[0] == "en"]
        assert f'<link rel="canonical" href="http://testserver{DEPRESSION}">' in response.text

    def test_an_english_tag_page(self, client, site):
        assert titles(client.get("/en/news/tag/exosomes/")) == ["Stem cell news 4"]

    @pytest.mark.parametrize(
        ("path", "name", "title"),
        [(EXOSOMES[0], "外泌体", "标签：外泌体"), (EXOSOMES[1], "Exosomes", "Tag: Exosomes")],
    )
    def test_names_the_tag_in_each_language(self, client, site, path, name, title):
        html = client.get(path).text
        assert f"<h1>{title}</h1>" in html
        assert f"<title>{title} · " in html
        assert name in re.search(r'<meta name="description" content="([^"]+)">', html)[1]
        assert name in re.search(r'<meta property="og:title" content="([^"]+)">', html)[1]
        crumbs = html[html.index('<nav class="breadcrumbs"') :]
        assert f">{name}<" in crumbs[: crumbs.index("</nav>")]

    def test_a_tag_without_an_english_name_has_no_english_page(self, client, site):
        assert client.get("/zh-hans/news/tag/干细胞/").status_code == 200
        assert client.get("/en/news/tag/干细胞/").status_code == 404
        assert client.get("/en/feed/tag/干细胞/").status_code == 404
        assert client.get("/en/news/", {"tag": "干细胞"}).status_code == 404

    @pytest.mark.parametrize("slug", ["nope", "%00", "a%2Fb", "..", "x" * 300])
    def test_unknown_or_hostile_tags_are_not_found(self, client, site, slug):
        assert client.get(f"/zh-hans/news/tag/{slug}/").status_code == 404


CELLS = "/zh-hans/news/category/cells/", "/en/news/category/cells/"


class TestPagination:
    def test_the_second_page_links_back_and_is_its_own_canonical(self, client, site):
        response = client.get(CELLS[1], {"page": "2"})
        assert len(titles(response)) == 2
        assert 'rel="prev" href="?page=1"' in response.text
        assert f'<link rel="canonical" href="http://testserver{CELLS[1]}?page=2">' in response.text

    def test_the_first_page_links_the_next(self, client, site):
        response = client.get(CELLS[0])
        assert len(titles(response)) == 10
        assert 'rel="next" href="?page=2"' in response.text

    @pytest.mark.parametrize("number", ["0", "-1", "abc", "99999", "1e999", "9" * 400, "2\x00"])
    def test_a_forged_page_number_is_never_an_error(self, client, site, number):
        response = client.get(CELLS[0], {"page": number})
        assert response.status_code == 200
        assert titles(response)

    def test_queries_do_not_grow_with_the_page(self, client, site, django_assert_max_num_queries):
        client.get(CELLS[1])
        with django_assert_max_num_queries(25):
            client.get(CELLS[1], {"page": "2"})


class TestFeeds:
    def test_the_category_atom_feed_follows_the_validators_rules(self, client, site):
        feed = parse_xml(client.get("/en/feed/category/trials/atom/"))
        assert feed.findtext(f"{ATOM}title") == "Category: Clinical trials · Hangji Stem Cell News"
        assert feed.find(f"{ATOM}author/{ATOM}name").text
        entries = list(feed.iter(f"{ATOM}entry"))
        assert [e.findtext(f"{ATOM}title") for e in entries] == [
            "Stem cell news 2",
            "Stem cell news 1",
        ]
        for entry in entries:
            assert entry.findtext(f"{ATOM}id")
            assert entry.findtext(f"{ATOM}updated")
            assert entry.find(f"{ATOM}summary").get("type") == "text"
            assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/en/news/")

    def test_the_category_rss_feed_links_the_category_page(self, client, site):
        channel = parse_xml(client.get("/zh-hans/feed/category/trials/")).find("channel")
        assert channel.findtext("link") == f"http://testserver{TRIALS[0]}"
        assert [item.findtext("title") for item in channel.iter("item")] == [
            "干细胞新闻3",
            "干细胞新闻2",
            "干细胞新闻1",
        ]

    def test_a_tag_feed(self, client, site):
        channel = parse_xml(client.get("/zh-hans/feed/tag/抑郁症/")).find("channel")
        assert [item.findtext("title") for item in channel.iter("item")] == ["干细胞新闻3"]

    @pytest.mark.parametrize(
        ("language", "name"), [("zh-hans", "标签：外泌体"), ("en", "Tag: Exosomes")]
    )
    def test_a_tag_feed_is_titled_in_its_language(self, client, site, language, name):
        channel = parse_xml(client.get(f"/{language}/feed/tag/exosomes/")).find("channel")
        assert channel.findtext("title").startswith(f"{name} · ")

    @pytest.mark.parametrize(
        "path",
        [
            "/en/feed/category/nope/",
            "/en/feed/tag/抑郁症/",
            "/en/feed/nope/trials/",
            "/en/feed/tag/%00/",
        ],
    )
    def test_unknown_topics_have_no_feed(self, client, site, path):
        assert client.get(path).status_code == 404

    def test_the_site_feed_is_unchanged(self, client, site):
        channel = parse_xml(client.get("/zh-hans/feed/")).find("channel")
        assert len(list(channel.iter("item"))) == 16


class TestLinks:
    def test_the_article_header_links_its_category_and_tags(self, client, site):
        with translation.override("en"):
            url = site.get_children().get(slug_zh_hans="article-4").get_url()
        html = client.get(url).text
        header = html[
            html.index('<header class="article-header">') : html.index(
                "</header>", html.index('<header class="article-header">')
            )
        ]
        assert '<a href="/en/news/tag/exosomes/">Exosomes</a>' in header
        assert "干细胞" not in html

    def test_the_chinese_article_links_the_chinese_names(self, client, site):
        html = client.get("/zh-hans/news/article-4/").text
        assert f'<a href="{EXOSOMES[0]}">外泌体</a>' in html
        assert '<a href="/zh-hans/news/tag/%E5%B9%B2%E7%BB%86%E8%83%9E/">干细胞</a>' in html

    @pytest.mark.parametrize(
        ("path", "link"),
        [
            ("/zh-hans/news/article-1/", f'<a href="{TRIALS[0]}">临床试验</a>'),
            ("/en/news/article-1-en/", f'<a href="{TRIALS[1]}">Clinical trials</a>'),
        ],
    )
    def test_the_category_is_a_link_in_each_language(self, client, site, path, link):
        assert link in client.get(path).text

    def test_cards_link_their_category_and_tags(self, client, site):
        html = client.get("/zh-hans/news/", {"page": "2"}).text
        assert f'<a href="{TRIALS[0]}">临床试验</a>' in html
        assert f'<a href="{DEPRESSION}">抑郁症</a>' in html

    def test_the_home_page_cards_link_them_too(self, client, site):
        assert f'<a href="{CELLS[1]}">Cells</a>' in client.get("/en/").text


def article_with(body_zh="", body_en=""):
    """An unsaved article whose bodies hold one paragraph each."""
    return ArticlePage(body_zh_hans=paragraph(body_zh), body_en=paragraph(body_en))


class TestReadingTime:
    @pytest.mark.parametrize(
        ("text", "minutes"),
        [
            ("", 1),
            ("干" * 400, 1),
            ("干" * 401, 2),
            ("干" * 800, 2),
            ("干细胞 NCT01234567 " * 200, 2),
        ],
    )
    def test_chinese_counts_characters_at_400_a_minute(self, text, minutes):
        with translation.override("zh-hans"):
            assert article_with(body_zh=text).reading_minutes == minutes

    @pytest.mark.parametrize(
        ("text", "minutes"), [("", 1), ("cell " * 200, 1), ("cell " * 201, 2), ("a b " * 300, 3)]
    )
    def test_english_counts_words_at_200_a_minute(self, text, minutes):
        with translation.override("en"):
            assert article_with(body_en=text).reading_minutes == minutes

    def test_each_language_reads_its_own_body(self):
        article = article_with(body_zh="干" * 1200, body_en="cell")
        with translation.override("zh-hans"):
            assert article.reading_time == "阅读约 3 分钟"
        with translation.override("en"):
            assert article.reading_time == "1 min read"

    @pytest.mark.parametrize(
        ("path", "source", "reading"),
        [
            ("/zh-hans/news/article-1/", "来源：浙江大学", "阅读约 1 分钟"),
            ("/en/news/article-1-en/", "Source: 浙江大学", "1 min read"),
        ],
    )
    def test_the_byline_names_the_source_and_the_reading_time(
        self, client, site, path, source, reading
    ):
        html = client.get(path).text
        byline = re.search(r'<p class="article-byline">(.*?)</p>', html, re.S)[1]
        assert f'<span class="article-source">{source}</span>' in byline
        assert f'<span class="article-reading-time">{reading}</span>' in byline

    def test_no_source_no_source_line(self, client, site):
        assert 'class="article-source"' not in client.get("/en/news/article-2-en/").text


class TestHomePage:
    @pytest.mark.parametrize(
        ("path", "name", "lead"),
        [
            ("/zh-hans/", "杭吉干细胞资讯", "干细胞新闻22"),
            ("/en/", "Hangji Stem Cell News", "Stem cell news 22"),
        ],
    )
    def test_the_sites_name_heads_it_and_the_latest_article_leads(
        self, client, site, path, name, lead
    ):
        html = client.get(path).text
        assert re.findall(r"<h1>([^<]+)</h1>", html) == [name]
        lead_html = re.search(r'<article class="lead-article[^"]*">(.*?)</article>', html, re.S)[1]
        assert re.search(
            rf'<h2 class="lead-article__title"><a href="[^"]+">{lead}</a></h2>', lead_html
        )
        cards = re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)
        assert lead not in cards
        assert len(cards) == 6

    def test_the_lead_shows_its_image(self, client, site):
        latest = site.get_children().live().specific().order_by("-articlepage__date").first()
        latest.lead_image = make_image()
        latest.save_revision().publish()
        html = client.get("/en/").text
        lead_html = re.search(r'<article class="lead-article">(.*?)</article>', html, re.S)[1]
        assert re.search(r'<img [^>]*src="[^"]*fill-960x540[^"]*"', lead_html)

    def test_cards_without_an_image_are_text_cards(self, client, site):
        html = client.get("/zh-hans/").text
        assert html.count('<article class="article-card article-card--text">') == 6


def sitemap_entries(client):
    """{location: {hreflang: href}} of every <url> of the sitemap, following its index."""
    return sitemaps.entries(client)


class TestSitemap:
    def test_category_pages_in_both_languages_with_hreflang(self, client, site):
        entries = sitemap_entries(client)
        alternates = {
            "zh-Hans": f"http://testserver{TRIALS[0]}",
            "en": f"http://testserver{TRIALS[1]}",
            "x-default": f"http://testserver{TRIALS[0]}",
        }
        assert entries[f"http://testserver{TRIALS[0]}"] == alternates
        assert entries[f"http://testserver{TRIALS[1]}"] == alternates

    def test_a_tag_only_chinese_articles_carry_is_listed_only_in_chinese(self, client, site):
        entries = sitemap_entries(client)
        assert entries[f"http://testserver{DEPRESSION}"] == {
            "zh-Hans": f"http://testserver{DEPRESSION}"
        }
        assert not [loc for loc in entries if "/en/news/tag/%E6" in loc]
        assert "http://testserver/en/news/tag/exosomes/" in entries

    def test_a_tag_without_an_english_name_is_listed_only_in_chinese(self, client, site):
        entries = sitemap_entries(client)
        chinese = "http://testserver/zh-hans/news/tag/%E5%B9%B2%E7%BB%86%E8%83%9E/"
        assert entries[chinese] == {"zh-Hans": chinese}

    def test_a_category_without_live_articles_is_not_listed(self, client, site):
        assert not [loc for loc in sitemap_entries(client) if "/category/empty/" in loc]

    def test_every_topic_entry_answers(self, client, site):
        topics = [loc for loc in sitemap_entries(client) if "/category/" in loc or "/tag/" in loc]
        assert len(topics) == 2 * 2 + 1 + 2 + 1
        for location in topics:
            assert client.get(location.removeprefix("http://testserver")).status_code == 200

    def test_queries_do_not_grow_with_the_topics(self, client, site, django_assert_max_num_queries):
        with CaptureQueriesContext(connection) as before:
            client.get("/sitemap-topics.xml")
        article = site.get_children().specific().get(slug_zh_hans="article-2")
        article.tags.add("a", "b", "c")
        article.category = Category.objects.create(name_zh_hans="新", name_en="New", slug="new")
        article.save_revision().publish()
        with django_assert_max_num_queries(len(before)):
            client.get("/sitemap-topics.xml")
        entries = sitemap_entries(client)
        assert "http://testserver/en/news/category/new/" in entries
        assert "http://testserver/zh-hans/news/tag/c/" in entries


class TestPurge:
    def test_publishing_an_article_purges_its_topic_pages_and_feeds(self, site):
        article = site.get_children().specific().get(slug_zh_hans="article-3")
        paths = cache_invalidation.urls_for_page(article)
        assert {
            "/zh-hans/news/category/trials/",
            "/en/news/category/trials/",
            "/zh-hans/news/tag/抑郁症/",
            "/zh-hans/feed/category/trials/",
            "/en/feed/category/trials/atom/",
            "/zh-hans/feed/tag/抑郁症/atom/",
        } <= paths
