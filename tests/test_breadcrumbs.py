"""Breadcrumbs: a visible trail from home and the same trail as BreadcrumbList JSON-LD."""

import re

import pytest

from articles.models import Category
from tests import schema_org
from tests.factories import make_article, make_contact_page, make_site
from tests.test_article_page import json_ld

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site(module_db):
    """An article in a category, one in none, and the contact page."""
    home, index = make_site()
    trials = Category.objects.create(
        name_zh_hans="临床试验", name_en="Clinical trials", slug="trials"
    )
    make_article(index, 1, category=trials)
    make_article(index, 2)
    make_contact_page(home)
    return index


def trail(response):
    """(name, href, current) of each crumb of the visible trail; the current one has no link."""
    assert response.status_code == 200
    nav = re.search(r'<nav class="breadcrumbs" aria-label="[^"]+">(.*?)</nav>', response.text, re.S)
    assert nav is not None
    crumbs = re.findall(
        r'<a href="([^"]+)">([^<]+)</a>|<span aria-current="page">([^<]+)</span>', nav[1]
    )
    return [(name or current, href or None, bool(current)) for href, name, current in crumbs]


def breadcrumb_list(response):
    """The page's one BreadcrumbList JSON-LD object."""
    found = [data for data in json_ld(response) if data.get("@type") == "BreadcrumbList"]
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            "/zh-hans/news/article-1/",
            [
                ("首页", "/zh-hans/", False),
                ("新闻", "/zh-hans/news/", False),
                ("临床试验", "/zh-hans/news/category/trials/", False),
                ("干细胞新闻1", "/zh-hans/news/article-1/", True),
            ],
        ),
        (
            "/en/news/article-1-en/",
            [
                ("Home", "/en/", False),
                ("News", "/en/news/", False),
                ("Clinical trials", "/en/news/category/trials/", False),
                ("Stem cell news 1", "/en/news/article-1-en/", True),
            ],
        ),
        (
            "/en/news/article-2-en/",
            [
                ("Home", "/en/", False),
                ("News", "/en/news/", False),
                ("Stem cell news 2", "/en/news/article-2-en/", True),
            ],
        ),
        (
            "/en/news/category/trials/",
            [
                ("Home", "/en/", False),
                ("News", "/en/news/", False),
                ("Clinical trials", "/en/news/category/trials/", True),
            ],
        ),
        ("/zh-hans/news/", [("首页", "/zh-hans/", False), ("新闻", "/zh-hans/news/", True)]),
        ("/en/contact/", [("Home", "/en/", False), ("Contact us", "/en/contact/", True)]),
    ],
)
def test_the_trail_in_each_language(client, site, path, expected):
    response = client.get(path)
    assert trail(response) == [(name, None if cur else href, cur) for name, href, cur in expected]
    data = breadcrumb_list(response)
    assert [(item["position"], item["name"], item["item"]) for item in data["itemListElement"]] == [
        (n, name, f"http://testserver{href}") for n, (name, href, _c) in enumerate(expected, 1)
    ]


@pytest.mark.parametrize(
    ("path", "label"), [("/zh-hans/news/", "当前位置"), ("/en/news/", "Breadcrumb")]
)
def test_the_trail_is_a_labelled_navigation_inside_main(client, site, path, label):
    html = client.get(path).text
    assert f'<nav class="breadcrumbs" aria-label="{label}">' in html
    main = html[html.index("<main") : html.index("</main>")]
    assert '<nav class="breadcrumbs"' in main
    assert html.count('class="breadcrumbs"') == 1


@pytest.mark.parametrize("path", ["/zh-hans/", "/en/"])
def test_the_home_page_has_no_trail(client, site, path):
    response = client.get(path)
    assert 'class="breadcrumbs"' not in response.text
    assert not [data for data in json_ld(response) if data.get("@type") == "BreadcrumbList"]


@pytest.mark.parametrize("path", ["/en/news/article-1-en/", "/zh-hans/news/category/trials/"])
def test_the_json_ld_uses_only_schema_org_properties(client, site, path):
    assert schema_org.problems(breadcrumb_list(client.get(path))) == []


def test_a_hostile_title_cannot_break_out_of_the_json_ld(client, site):
    make_article(site, 9, title_en="</script><script>alert(1)</script>")
    html = client.get("/en/news/article-9-en/").text
    assert "<script>alert(1)" not in html


def test_the_404_page_has_no_trail(client, site):
    response = client.get("/en/news/nope/")
    assert response.status_code == 404
    assert 'class="breadcrumbs"' not in response.text
