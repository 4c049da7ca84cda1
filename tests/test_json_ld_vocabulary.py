"""Specification: every JSON-LD object the site prints uses only what schema.org defines."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Page, Site

from tests import schema_org
from tests.test_article_page import json_ld

pytestmark = pytest.mark.django_db

LANGUAGES = ["zh-hans", "en"]


@pytest.fixture(scope="module")
def demo(module_db):
    call_command("load_demo", stdout=io.StringIO())
    return Site.objects.get(is_default_site=True).root_page


def public_urls(language):
    """The URL of every live page of the demo in `language`."""
    with translation.override(language):
        return [page.get_url() for page in Page.objects.live().specific() if page.depth > 1]


def test_the_vocabulary_list_knows_schema_org_inheritance():
    assert "trialDesign" in schema_org.properties("MedicalTrial")
    assert "healthCondition" in schema_org.properties("MedicalTrial")
    assert "phase" not in schema_org.properties("MedicalTrial")
    assert "headline" in schema_org.properties("MedicalScholarlyArticle")
    assert "codingSystem" in schema_org.properties("MedicalCode")


def test_the_check_finds_an_undefined_property_and_an_empty_array():
    data = {"@type": "MedicalTrial", "phase": "Phase 2", "trialDesign": []}
    assert sorted(schema_org.problems(data)) == [
        "MedicalTrial.phase is not a property",
        "MedicalTrial.trialDesign is empty",
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_prints_only_schema_org_properties(client, demo, language):
    checked = 0
    for url in public_urls(language):
        response = client.get(url)
        assert response.status_code == 200, url
        for data in json_ld(response):
            assert schema_org.problems(data) == [], url
            checked += 1
    assert checked >= 4
