"""Admin: "Start English from Chinese" on pages that have no English version yet."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.widgets import Button
from wagtail.models import Page

from translations.models import TranslationState


def start_english_view(request, page_id):
    """Copy the Chinese into the empty English fields as a draft, then open the editor."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, TranslationState):
        return redirect("wagtailadmin_pages:edit", page.pk)
    if not page.permissions_for_user(request.user).can_edit():
        return permission_denied(request)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if request.method != "POST":
        context = {"page": page, "edit_url": edit_url}
        return TemplateResponse(request, "translations/admin/start_english.html", context)
    draft = page.get_latest_revision_as_object()
    draft.start_english()
    draft.save_revision(user=request.user, log_action=True)
    messages.success(request, _("The English fields now hold the Chinese text: translate them."))
    return redirect(edit_url)


@hooks.register("register_admin_urls")
def register_start_english_url():
    return [
        path(
            "translations/<int:page_id>/start-english/",
            start_english_view,
            name="start_english",
        ),
    ]


@hooks.register("register_page_header_buttons")
def start_english_button(page, user, view_name=None, next_url=None):
    """Offer 'Start English from Chinese' to editors of a page that has no English version yet."""
    specific = page.specific_deferred
    if (
        isinstance(specific, TranslationState)
        and not specific.translated_en
        and page.permissions_for_user(user).can_edit()
    ):
        yield Button(
            _("Start English from Chinese"),
            reverse("start_english", args=[page.pk]),
            icon_name="copy",
            priority=60,
        )
