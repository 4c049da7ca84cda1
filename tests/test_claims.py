"""The claims check: saving an article that promises cures warns the editor but still saves."""

import pytest
from django.contrib.messages import get_messages
from wagtail.test.utils.form_data import rich_text

from articles.claims import find_claims
from articles.models import ArticlePage
from tests.admin_forms import edit, form_data

CHINESE_CLAIM = "间充质干细胞可根治抑郁症。"
ENGLISH_CLAIM = "Stem cells are a guaranteed cure for depression."


class TestFindClaims:
    def test_chinese_terms_match_inside_words(self):
        claims = find_claims("研究进展顺利。" + CHINESE_CLAIM, "zh-hans", "正文")
        assert [(c.term, c.sentence) for c in claims] == [("根治", CHINESE_CLAIM)]

    def test_english_terms_match_whole_words_in_any_case(self):
        text = "Surgeons use curettage. A secure trial. No side effects were seen! It CURES."
        claims = find_claims(text, "en", "body")
        assert [(c.term, c.sentence) for c in claims] == [
            ("No side effects", "No side effects were seen!"),
            ("CURES", "It CURES."),
        ]

    def test_a_longer_term_wins_over_its_start(self):
        claims = find_claims("The effect is guaranteed.", "en", "body")
        assert [c.term for c in claims] == ["guaranteed"]

    def test_each_language_is_checked_with_its_own_list(self):
        assert find_claims("可根治 cure", "en", "body")[0].term == "cure"
        assert [c.term for c in find_claims("可根治 cure", "zh-hans", "正文")] == ["根治"]

    def test_a_long_sentence_is_shortened(self):
        sentence = "这种疗法可以治愈" + "很多疾病" * 60
        (claim,) = find_claims(sentence, "zh-hans", "正文")
        assert len(claim.sentence) <= 120
        assert claim.sentence.startswith("这种疗法可以治愈")

    def test_the_list_comes_from_settings(self, settings):
        settings.ARTICLE_CLAIM_WARNINGS = {"en": ["breakthrough"]}
        assert [c.term for c in find_claims("A breakthrough cure.", "en", "body")] == [
            "breakthrough"
        ]
        assert find_claims("可根治", "zh-hans", "正文") == []

    def test_text_without_claims_gives_nothing(self):
        assert find_claims("", "en", "body") == []
        assert find_claims("Early results in 30 patients.", "en", "body") == []


@pytest.fixture
def chinese_admin(client, django_user_model):
    """A logged-in superuser whose admin is in its default language, Chinese."""
    user = django_user_model.objects.create_superuser("zhbian", "zh@example.com", "pw")
    client.force_login(user)
    return client


def warnings(response):
    """The messages the editor sees after the save."""
    return [str(message) for message in get_messages(response.wsgi_request)]


def claims_form(body_zh=None):
    """The article form with a claim in the Chinese body and in the English title."""
    return form_data(
        body_zh=body_zh or [("paragraph", rich_text("研究仍在早期。" + CHINESE_CLAIM))],
        title_en="A guaranteed cure?",
    )


@pytest.mark.django_db
class TestWarningsInTheAdmin:
    def test_chinese_admin_warns_in_chinese_and_still_saves(self, chinese_admin, article):
        response = edit(chinese_admin, article, claims_form())
        assert response.status_code == 302
        shown = warnings(response)
        assert (
            "“根治”（简体中文，正文第 1 块（段落））可能属于医疗广告规定禁止或夸大证据的用语："
            f"“{CHINESE_CLAIM}”"
        ) in shown
        assert any("“guaranteed”（英语，标题）" in m for m in shown)
        assert any("“cure”（英语，标题）" in m for m in shown)
        assert ArticlePage.objects.get(pk=article.pk).title_en == "A guaranteed cure?"

    def test_english_admin_warns_in_english(self, english_admin, article):
        shown = warnings(edit(english_admin, article, claims_form()))
        assert (
            "“guaranteed” (English, title) may be a claim that medical-advertising rules forbid "
            "or that overstates the evidence: “A guaranteed cure?”"
        ) in shown

    def test_a_draft_is_checked_too(self, chinese_admin, article):
        data = claims_form()
        del data["action-publish"]
        shown = warnings(edit(chinese_admin, article, data))
        assert any("“根治”" in m for m in shown)

    def test_a_new_article_is_checked(self, chinese_admin, site_tree):
        _home, index = site_tree
        data = form_data(
            title_en="Stem cells: no side effects",
            body_zh=[("paragraph", rich_text("一项小型试验。"))],
        )
        response = chinese_admin.post(f"/admin/pages/add/articles/articlepage/{index.pk}/", data)
        assert response.status_code == 302
        assert any("“no side effects”（英语，标题）" in m for m in warnings(response))

    def test_clean_articles_get_no_warning(self, chinese_admin, article):
        shown = warnings(edit(chinese_admin, article, form_data()))
        assert not any("医疗广告" in m for m in shown)

    def test_hostile_text_is_shown_escaped(self, chinese_admin, article):
        body = [("paragraph", rich_text("<p>&lt;script&gt;根治</p>"))]
        response = edit(chinese_admin, article, form_data(body_zh=body))
        html = chinese_admin.get(response["Location"]).content.decode()
        assert "“&lt;script&gt;根治”" in html
        assert "<script>根治" not in html

    def test_many_claims_are_summed_up(self, chinese_admin, article):
        body = [("paragraph", rich_text(f"第{n}种疗法可根治。")) for n in range(12)]
        shown = warnings(edit(chinese_admin, article, claims_form(body_zh=body)))
        claim_messages = [m for m in shown if "医疗广告" in m]
        assert len(claim_messages) == 10
        assert "……另有 4 处可疑用语。" in shown
