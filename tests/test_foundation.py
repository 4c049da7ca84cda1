"""The foundation: language redirects, the Chinese admin, settings that refuse a bad production."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


class TestRootRedirect:
    """`/` sends each visitor to their language, Chinese by default."""

    def test_default_is_chinese(self, client):
        response = client.get("/")
        assert response.status_code == 302
        assert response["Location"] == "/zh-hans/"

    def test_accept_language_english(self, client):
        response = client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})
        assert response["Location"] == "/en/"

    def test_accept_language_chinese_variants(self, client):
        response = client.get("/", headers={"accept-language": "zh-CN,zh;q=0.9,en;q=0.5"})
        assert response["Location"] == "/zh-hans/"

    def test_cookie_beats_accept_language(self, client):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
        response = client.get("/", headers={"accept-language": "zh-CN"})
        assert response["Location"] == "/en/"

    def test_unknown_language_falls_back_to_chinese(self, client):
        response = client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9"})
        assert response["Location"] == "/zh-hans/"


class TestAdmin:
    """Editors work in a Chinese admin that can create pages."""

    @pytest.fixture
    def editor(self, client, django_user_model):
        user = django_user_model.objects.create_superuser("editor", "", "pw-editor-1")
        client.force_login(user)
        return client

    def test_login_page_is_chinese_by_default(self, client):
        response = client.get(reverse("wagtailadmin_login"))
        assert response.status_code == 200
        assert 'lang="zh-hans"' in response.text
        assert "登录" in response.text

    def test_admin_is_chinese_even_for_an_english_browser(self, editor):
        response = editor.get(reverse("wagtailadmin_home"), headers={"accept-language": "en-US"})
        assert 'lang="zh-hans"' in response.text
        assert "控制面板" in response.text

    def test_editor_who_prefers_english_gets_english(self, editor, django_user_model):
        from wagtail.users.models import UserProfile

        profile = UserProfile.get_for_user(django_user_model.objects.get(username="editor"))
        profile.preferred_language = "en"
        profile.save()
        response = editor.get(reverse("wagtailadmin_home"))
        assert 'lang="en"' in response.text
        assert "Dashboard" in response.text

    def test_admin_offers_only_chinese_and_english(self):
        assert [code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES] == [
            "zh-hans",
            "en",
        ]

    def test_editor_logs_in_with_password(self, client, django_user_model):
        django_user_model.objects.create_superuser("chief", "", "pw-chief-1")
        response = client.post(
            reverse("wagtailadmin_login"), {"username": "chief", "password": "pw-chief-1"}
        )
        assert response.status_code == 302
        dashboard = client.get(reverse("wagtailadmin_home"))
        assert dashboard.status_code == 200
        assert "控制面板" in dashboard.text

    def test_editor_creates_news_index_in_both_languages(self, editor, site_tree):
        from articles.models import NewsIndexPage

        home, index = site_tree
        index.delete()
        url = reverse("wagtailadmin_pages:add", args=("articles", "newsindexpage", home.pk))
        response = editor.post(
            url,
            {
                "title_zh_hans": "资讯",
                "title_en": "Updates",
                "slug_zh_hans": "zixun",
                "slug_en": "updates",
                "action-publish": "publish",
            },
        )
        assert response.status_code == 302, response.context["form"].errors
        page = NewsIndexPage.objects.get(slug_zh_hans="zixun")
        assert page.live
        assert page.title_en == "Updates"

    def test_unreadable_rich_text_is_a_form_error(self, editor, site_tree):
        from articles.models import NewsIndexPage

        _home, index = site_tree
        url = reverse("wagtailadmin_pages:edit", args=(index.pk,))
        response = editor.post(
            url,
            {
                "title_zh_hans": "改过的标题",
                "slug_zh_hans": "news",
                "intro_zh_hans": "{not json",
                "action-publish": "publish",
            },
        )
        assert response.status_code == 200
        assert "intro_zh_hans" in response.context["form"].errors
        assert NewsIndexPage.objects.get(pk=index.pk).title_zh_hans == "新闻"


def run_python(code, env):
    """Run `code` in a clean interpreter with `env` and return the completed process."""
    return subprocess.run(  # noqa: S603 (our own fixed snippets)
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


class TestProductionSettings:
    """Production refuses to start without a secret."""

    def test_refuses_without_secret_key(self):
        env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
        result = run_python("import cms.settings.production", env)
        assert result.returncode != 0
        assert "SECRET_KEY must be set" in result.stderr

    def test_starts_with_secret_key(self):
        result = run_python(
            "import cms.settings.production", {**os.environ, "SECRET_KEY": "x" * 50}
        )
        assert result.returncode == 0, result.stderr

    def test_believes_the_client_address_only_from_the_proxy_on_this_host(self):
        env = {k: v for k, v in os.environ.items() if k != "TRUSTED_PROXIES"}
        code = (
            "import cms.settings.production as p; print(p.RATELIMIT_IP_META_KEY, p.TRUSTED_PROXIES)"
        )
        result = run_python(code, {**env, "SECRET_KEY": "x" * 50})
        assert result.stdout == "cms.client_ip.client_ip ['127.0.0.1', '::1']\n"

    def test_base_defaults_to_debug_off(self):
        env = {k: v for k, v in os.environ.items() if k != "DEBUG"}
        result = run_python("import cms.settings.base as b; print(b.DEBUG)", env)
        assert result.stdout.strip() == "False"
