"""Headings never skip a level: a card takes the level below its section (axe heading-order)."""

import io

import pytest
from django.core.management import call_command
from django.utils import translation
from wagtail.models import Site

from articles.blocks import ClinicalTrialBlock, StudySummaryBlock
from articles.models import ArticlePage
from tests.outline import Outline
from tests.test_blocks import REFERENCES, STUDY, TRIAL, body, cleaned

H2 = ("heading", {"text": "Section", "level": "h2"})
H3 = ("heading", {"text": "Subsection", "level": "h3"})
TRIAL_CARD = ("trial", TRIAL)
STUDY_CARD = ("study", {**STUDY, "key_findings": "<p>Less immobility.</p>"})
REFERENCE_LIST = ("references", REFERENCES)
PARAGRAPH = ("paragraph", "<p>Text.</p>")


def levels(*blocks):
    """The heading level the body gives each block."""
    value = body(*blocks)
    return value.stream_block.heading_levels(value)


def outline(*blocks):
    """The outline of the body rendered under the page's h1."""
    with translation.override("en"):
        return Outline(f"<h1>Title</h1>{body(*blocks).render_as_block()}")


class TestHeadingLevels:
    @pytest.mark.parametrize(
        ("blocks", "expected"),
        [
            ((TRIAL_CARD, STUDY_CARD), [2, 2]),
            ((H2, TRIAL_CARD, STUDY_CARD), [2, 3, 3]),
            ((STUDY_CARD, H2, TRIAL_CARD), [2, 2, 3]),
            ((H2, H3, TRIAL_CARD), [2, 3, 4]),
            ((H2, H3, H2, TRIAL_CARD), [2, 3, 2, 3]),
            ((PARAGRAPH, TRIAL_CARD), [None, 2]),
        ],
    )
    def test_a_card_is_titled_one_level_below_its_section(self, blocks, expected):
        assert levels(*blocks) == expected

    def test_a_subsection_with_no_section_before_it_is_a_section(self):
        assert levels(H3, TRIAL_CARD, H3) == [2, 3, 3]

    @pytest.mark.parametrize("before", [(), (H2,), (H2, H3), (H3, H3)])
    def test_the_references_heading_is_always_h2(self, before):
        assert levels(*before, REFERENCE_LIST)[-1] == 2

    def test_a_card_after_the_references_sits_in_their_section(self):
        assert levels(H2, H3, REFERENCE_LIST, TRIAL_CARD) == [2, 3, 2, 3]

    @pytest.mark.parametrize(
        "blocks",
        [
            (STUDY_CARD, TRIAL_CARD, REFERENCE_LIST),
            (H3, STUDY_CARD, H2, H3, TRIAL_CARD, STUDY_CARD, REFERENCE_LIST, STUDY_CARD),
            (H2, H3, H3, STUDY_CARD, PARAGRAPH, H2, TRIAL_CARD),
        ],
    )
    def test_the_rendered_body_never_skips_a_level(self, blocks):
        found = outline(*blocks)
        assert found.skips() == [], found.headings

    def test_templates_print_the_level(self):
        found = outline(H2, H3, STUDY_CARD, REFERENCE_LIST)
        assert found.headings == [
            (1, "Title"),
            (2, "Section"),
            (3, "Subsection"),
            (4, STUDY["title"]),
            (5, "Key findings"),
            (2, "References"),
        ]

    def test_the_trial_card_keeps_its_anchor_at_any_level(self):
        with translation.override("en"):
            html = body(H2, TRIAL_CARD).render_as_block()
        assert '<h3 id="trial-NCT03265808" class="trial-title">' in html

    @pytest.mark.parametrize(
        ("block", "raw"), [(ClinicalTrialBlock(), TRIAL), (StudySummaryBlock(), STUDY_CARD[1])]
    )
    def test_a_card_alone_heads_a_top_level_section(self, block, raw):
        with translation.override("en"):
            found = Outline(f"<h1>Preview</h1>{block.render(cleaned(block, raw))}")
        assert found.levels[1] == 2
        assert found.skips() == []

    def test_an_unhelpful_parent_level_is_ignored(self):
        # A context from elsewhere with no level (None) still gets a heading.
        html = ClinicalTrialBlock().render(
            cleaned(ClinicalTrialBlock(), TRIAL), context={"heading_level": None}
        )
        assert "<h2 " in html


@pytest.fixture(scope="module")
def demo_articles(module_db):
    """The demo site's articles, built once for this module."""
    call_command("load_demo", stdout=io.StringIO())
    home = Site.objects.get(is_default_site=True).root_page
    return list(ArticlePage.objects.descendant_of(home).live().order_by("date", "pk"))


@pytest.mark.django_db
class TestDemoOutline:
    @pytest.mark.parametrize("language", ["zh-hans", "en"])
    def test_no_demo_article_skips_a_heading_level(self, client, demo_articles, language):
        for article in demo_articles:
            with translation.override(language):
                response = client.get(article.get_url())
            assert response.status_code == 200
            found = Outline(response.text)
            assert found.levels[0] == 1, found.headings
            assert found.levels.count(1) == 1
            assert found.skips() == [], (article.title, found.headings)

    @pytest.mark.parametrize(
        ("language", "references"), [("zh-hans", "参考资料"), ("en", "References")]
    )
    def test_the_seed_article_cards_sit_under_their_sections(
        self, client, demo_articles, language, references
    ):
        seed = demo_articles[1]
        with translation.override(language):
            found = Outline(client.get(seed.get_url()).text)
        cards = {text: level for level, text in found.headings if level > 1}
        assert cards[references] == 2
        body = seed.body_en if language == "en" else seed.body_zh_hans
        with translation.override(language):
            titles = [
                child.value["trial"].title for child in body if child.block_type == "trial_record"
            ]
        assert titles
        assert {cards[" ".join(title.split())] for title in titles} == {3}
