"""The public pages the journeys do not pass through pass axe-core too, in each language."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Home, search results, articles and contact are steps of the reader's journey.
PAGES = [
    ("news index", "news/", 200),
    ("search form", "search/", 200),
    ("no search result", "search/?q=zzzzqqq", 200),
    ("not found", "no-such-page/", 404),
]


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_page_types(journey_for, language):
    journey = journey_for(f"pages-{language}", "en-US" if language == "en" else "zh-CN")
    for label, path, status in PAGES:
        response = journey.page.goto(f"/{language}/{path}")
        assert response.status == status, path
        expect(journey.page.locator("html")).to_have_attribute("lang", language)
        expect(journey.page.locator("main h1")).to_be_visible()
        journey.step(label)
    journey.finish()
