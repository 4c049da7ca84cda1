"""Admin hooks for the site-wide app."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_css")
def side_by_side_translations_css():
    """Let rows of translated fields use the admin's full width."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))
