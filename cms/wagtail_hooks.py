"""Admin hooks for the site-wide app."""

from django.contrib.auth.models import Permission
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from cms.enquiries import ENQUIRY_PERMISSIONS, can_handle_enquiries


@hooks.register("insert_global_admin_css")
def side_by_side_translations_css():
    """Let rows of translated fields use the admin's full width."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("filter_form_submissions_for_user")
def enquiries_only_for_the_enquiries_group(user, form_pages):
    """Keep visitors' names, phones and emails to the enquiries group (and superusers)."""
    return form_pages if can_handle_enquiries(user) else form_pages.none()


@hooks.register("register_permissions")
def form_submission_permissions():
    """Let admins grant access to enquiries in the group editor."""
    return Permission.objects.filter(
        content_type__app_label="wagtailforms",
        codename__in=[perm.split(".")[1] for perm in ENQUIRY_PERMISSIONS],
    )
