"""Browsers are told what pages may load and do; the language cookie follows Django's settings."""

import re

import pytest

from tests.admin_forms import form_data
from tests.factories import make_contact_page
from tests.test_preview import preview

PUBLIC_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
pytestmark = pytest.mark.django_db

# Attributes and elements a strict script-src / style-src would block.
INLINE_CODE = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)|<style|\sstyle=|\son\w+="
)


def directives(response):
    """The response's Content-Security-Policy as {directive: sources}."""
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())


@pytest.fixture
def public_urls(article):
    """One URL of each kind of public page, in both languages."""
    home = article.get_parent().get_parent()
    make_contact_page(home)
    paths = ["", "news/", "contact/", "search/?q=干细胞", "no-such-page/"]
    return [f"/{lang}/{path}" for lang in ("zh-hans", "en") for path in paths] + [
        f"/zh-hans/news/{article.slug_zh_hans}/",
        f"/en/news/{article.slug_en}/",
    ]


def test_public_pages_get_the_strict_policy(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        assert directives(response) == PUBLIC_POLICY, url


def test_public_pages_carry_no_inline_script_or_style_the_policy_would_block(client, public_urls):
    for url in public_urls:
        html = client.get(url).content.decode()
        assert not INLINE_CODE.search(html), (url, INLINE_CODE.search(html))


def test_structured_data_stays_a_non_executable_script(client, article):
    html = client.get(f"/zh-hans/news/{article.slug_zh_hans}/").content.decode()

    assert '<script type="application/ld+json">' in html


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/{home}/edit/", "/django-admin/"])
def test_the_admin_renders_under_its_own_policy(english_admin, site_tree, path):
    home, _index = site_tree
    response = english_admin.get(path.format(home=home.pk), follow=True)
    policy = directives(response)

    assert response.status_code == 200
    assert policy["script-src"] == "'self' 'unsafe-inline'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'self'"
    assert policy["form-action"] == "'self'"


def test_a_preview_keeps_the_public_policy_but_the_admin_may_frame_it(english_admin, article):
    response = preview(english_admin, article, form_data(), "zh-hans")
    policy = directives(response)

    assert response.status_code == 200
    assert policy["script-src"] == "'self'"
    assert policy["frame-ancestors"] == "'self'"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_the_admin_login_page_gets_the_admin_policy(client):
    response = client.get("/admin/login/")

    assert response.status_code == 200
    assert directives(response)["frame-ancestors"] == "'self'"


def test_powerful_browser_features_are_switched_off(client):
    features = dict(
        item.split("=")
        for item in client.get("/robots.txt")["Permissions-Policy"].replace(" ", "").split(",")
    )

    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "interest-cohort"):
        assert features[feature] == "()", feature


def test_the_language_cookie_is_lax_and_out_of_scripts_reach(client):
    response = client.get("/language/en/?next=/en/")
    cookie = response.cookies["django_language"]

    assert cookie.value == "en"
    assert cookie["samesite"] == "Lax"
    assert cookie["httponly"]
    assert not cookie["secure"]


def test_the_language_cookie_is_secure_when_the_settings_say_so(client, settings):
    """Production sets LANGUAGE_COOKIE_SECURE: behind the TLS proxy, requests look like http."""
    settings.LANGUAGE_COOKIE_SECURE = True

    cookie = client.get("/language/zh-hans/?next=/zh-hans/").cookies["django_language"]

    assert cookie["secure"]
