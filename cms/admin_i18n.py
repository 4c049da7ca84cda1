"""Where Wagtail's admin misses a translation: its JavaScript catalogue and the sign-in form."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.views.i18n import JavaScriptCatalog
from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.localization import get_localized_response


class AdminJavaScriptCatalog(JavaScriptCatalog):
    """Wagtail's admin JavaScript strings, overridden by the project's LOCALE_PATHS (first wins)."""

    packages = ["wagtail.admin"]

    def get_paths(self, packages):
        # Catalogues merged later override earlier ones.
        return [*super().get_paths(packages), *map(str, reversed(settings.LOCALE_PATHS))]


catalog_view = AdminJavaScriptCatalog.as_view()


def admin_javascript_catalog(request, *args, **kwargs):
    """The catalogue in the editor's admin language, as Wagtail serves its own."""
    return get_localized_response(catalog_view, request, *args, **kwargs)


class AdminLoginForm(LoginForm):
    """Wagtail's sign-in form, whose password field otherwise shows the untranslated "Password"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
