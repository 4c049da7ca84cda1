"""A reader in each language: home, search, article, next, category, other language, contact."""

import time

import pytest
from playwright.sync_api import expect

from cms.demo.depression_article import ARTICLE as SEED
from cms.demo.neighbour_articles import BOAO_ARTICLE as NEXT
from cms.models import ContactSubmission

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

OTHER = {"zh-hans": "en", "en": "zh-hans"}
BROWSER_LOCALE = {"zh-hans": "zh-CN", "en": "en-US"}
QUERY = {"zh-hans": "抑郁症", "en": "depression"}
CONTACT = {"zh-hans": "联系我们", "en": "Contact us"}
THANKS = {"zh-hans": "谢谢", "en": "Thank you"}
# wagtail-honeypot refuses a form sent within 3 s of being shown.
HONEYPOT_WAIT = 3.5


def heading(page):
    """The page's one h1."""
    return page.locator("main h1")


def switch_language(journey, to):
    """Follow the header's link to language `to`; it must land on the same article."""
    page = journey.page
    page.locator(f".language-switcher a[hreflang='{to}']").click()
    page.wait_for_url(f"**/{to}/news/**")
    expect(page.locator("html")).to_have_attribute("lang", to)
    expect(heading(page)).to_have_text(NEXT["title"][to])


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_reader_journey(journey_for, language):
    journey = journey_for(f"reader-{language}", BROWSER_LOCALE[language])
    page = journey.page

    page.goto("/")
    page.wait_for_url(f"**/{language}/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    journey.step("home")

    page.locator(".site-header #site-search-query").fill(QUERY[language])
    page.locator(".site-header #site-search-query").press("Enter")
    page.wait_for_url(f"**/{language}/search/**")
    result = page.locator(".search-results").get_by_role("link", name=SEED["title"][language])
    expect(result).to_be_visible()
    expect(page.locator(".search-results mark").first).to_be_visible()
    journey.step("search results")

    result.click()
    expect(heading(page)).to_have_text(SEED["title"][language])
    journey.step("article")

    page.locator(".article-pager a[rel=next]").click()
    expect(heading(page)).to_have_text(NEXT["title"][language])
    journey.step("next article")

    journey.category_page(listing=NEXT["title"][language])

    switch_language(journey, OTHER[language])
    journey.step("other language")
    switch_language(journey, language)

    page.locator(".site-header").get_by_role("link", name=CONTACT[language]).click()
    expect(heading(page)).to_have_text(CONTACT[language])
    shown = time.monotonic()
    journey.step("contact")

    form = page.locator("form.contact-form")
    name = f"Browser reader {language}"
    form.get_by_label("姓名" if language == "zh-hans" else "Name").fill(name)
    form.locator("#id_phone_or_email").fill("reader@example.com")
    form.locator("#id_message").fill("请问临床试验如何报名? / How do I join a trial?")
    form.locator("#id_consent").check()
    time.sleep(max(0, HONEYPOT_WAIT - (time.monotonic() - shown)))
    form.get_by_role("button").click()
    expect(heading(page)).to_have_text(THANKS[language])
    assert ContactSubmission.objects.filter(form_data__name=name).exists()
    journey.step("thank you")

    journey.finish()
