"""Article admin: translation state, the translations and medical-review reports, claims check."""

import django_filters
from django.contrib import messages
from django.db.models import Count, F, Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.menu import MenuItem
from wagtail.admin.rich_text.converters.contentstate import link_entity
from wagtail.admin.rich_text.converters.html_to_contentstate import ExternalLinkElementHandler
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.views.reports import PageReportView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.fields import RichTextField
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from articles.blocks.entities import (
    SafeDocumentLinkHandler,
    SafeImageEmbedHandler,
    SafePageLinkElementHandler,
    SafePageLinkHandler,
)
from articles.blocks.rich_text import RichTextFormField
from articles.models import ArticlePage, ArticleTag, review_due
from translations.languages import language_names
from translations.models import needs_english

register_form_field_override(RichTextField, override={"form_class": RichTextFormField})


@hooks.register("register_rich_text_features", order=100)
def register_safe_entity_handlers(features):
    """Broken page, document and image references render as plain text instead of failing."""
    features.register_link_type(SafePageLinkHandler)
    features.register_link_type(SafeDocumentLinkHandler)
    features.register_embed_type(SafeImageEmbedHandler)
    features.register_converter_rule(
        "contentstate",
        "link",
        {
            "from_database_format": {
                "a[href]": ExternalLinkElementHandler("LINK"),
                'a[linktype="page"]': SafePageLinkElementHandler("LINK"),
            },
            "to_database_format": {"entity_decorators": {"LINK": link_entity}},
        },
    )


STATE_CHOICES = [
    ("translated", _("Translated")),
    ("missing", _("No English version")),
    ("stale", _("Chinese changed after English")),
]


class TranslationStateColumn(Column):
    """Shows whether an article has an up-to-date English version."""

    def get_value(self, instance):
        return instance.translation_state_label


class ArticleFilterSet(PageFilterSet):
    """The page filters plus the translation state."""

    translation_state = django_filters.ChoiceFilter(
        label=_("English version"), choices=STATE_CHOICES, method="filter_translation_state"
    )

    class Meta:
        model = ArticlePage
        fields = []

    def filter_translation_state(self, queryset, name, value):
        if value == "missing":
            return queryset.filter(translated_en=False)
        if value == "stale":
            return queryset.filter(translated_en=True).filter(needs_english())
        if value == "translated":
            return queryset.filter(translated_en=True).exclude(needs_english())
        return queryset


class ArticleListingViewSet(PageListingViewSet):
    """A flat list of every article with its translation state."""

    model = ArticlePage
    icon = "doc-full-inverse"
    menu_label = _("Articles")
    add_to_admin_menu = True
    filterset_class = ArticleFilterSet
    columns = [
        *IndexView.base_columns,
        TranslationStateColumn("translation_state", label=_("English version")),
    ]


@hooks.register("register_admin_viewset")
def register_article_listing():
    return ArticleListingViewSet("article_listing")


ENGLISH_NAME_CHOICES = [("missing", _("Missing")), ("given", _("Given"))]


class ArticleTagFilterSet(WagtailFilterSet):
    """Tags with or without an English name (those without are not shown on English pages)."""

    english_name = django_filters.ChoiceFilter(
        label=_("English name"), choices=ENGLISH_NAME_CHOICES, method="filter_english_name"
    )

    class Meta:
        model = ArticleTag
        fields = []

    def filter_english_name(self, queryset, name, value):
        missing = Q(name_en__isnull=True) | Q(name_en="")
        if value == "missing":
            return queryset.filter(missing)
        if value == "given":
            return queryset.exclude(missing)
        return queryset


class ArticleTagViewSet(SnippetViewSet):
    """Tags: both names and the slug, how many articles carry each, those lacking English."""

    model = ArticleTag
    icon = "tag"
    list_display = [
        "name_zh_hans",
        "name_en",
        "slug",
        Column("article_count", label=_("Articles"), sort_key="article_count"),
    ]
    search_fields = ["name_zh_hans", "name_en", "slug"]
    search_backend_name = None
    filterset_class = ArticleTagFilterSet
    list_per_page = 50
    ordering = ["name_zh_hans"]

    def get_queryset(self, request):
        return ArticleTag.objects.annotate(article_count=Count("tagged_articles"))


register_snippet(ArticleTagViewSet)


class ArticleReportView(PageReportView):
    """A report listing articles the user may edit."""

    def editable_articles(self):
        """The articles the user may change."""
        editable = PagePermissionPolicy().instances_user_has_permission_for(
            self.request.user, "change"
        )
        return ArticlePage.objects.filter(pk__in=editable.values("pk"))


class TranslationReportView(ArticleReportView):
    """Chinese articles with no English version, or whose Chinese changed after the English."""

    page_title = _("Translations to do")
    header_icon = "doc-empty"
    index_url_name = "translation_report"
    index_results_url_name = "translation_report_results"
    list_export = [*PageReportView.list_export, "zh_hans_changed_at", "en_changed_at"]

    def get_queryset(self):
        return (
            self.editable_articles().filter(needs_english()).order_by("-zh_hans_changed_at", "-pk")
        )


class MedicalReviewReportView(ArticleReportView):
    """Articles never medically reviewed, or whose next review is past due; most overdue first."""

    page_title = _("Medical reviews due")
    header_icon = "success"
    index_url_name = "medical_review_report"
    index_results_url_name = "medical_review_report_results"
    results_template_name = "articles/admin/medical_review_report_results.html"
    list_export = [*PageReportView.list_export, "reviewed_by", "last_reviewed", "next_review_due"]
    export_headings = {
        **PageReportView.export_headings,
        "reviewed_by": _("medically reviewed by"),
        "last_reviewed": _("last reviewed"),
        "next_review_due": _("next review due"),
    }

    def get_queryset(self):
        return (
            self.editable_articles()
            .filter(review_due())
            .select_related("reviewed_by")
            .order_by(F("next_review_due").asc(nulls_first=True), "pk")
        )


@hooks.register("register_admin_urls")
def register_translation_urls():
    return [
        path("translations/", TranslationReportView.as_view(), name="translation_report"),
        path(
            "translations/results/",
            TranslationReportView.as_view(results_only=True),
            name="translation_report_results",
        ),
        path("medical-reviews/", MedicalReviewReportView.as_view(), name="medical_review_report"),
        path(
            "medical-reviews/results/",
            MedicalReviewReportView.as_view(results_only=True),
            name="medical_review_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return MenuItem(
        _("Translations to do"), reverse("translation_report"), icon_name="doc-empty", order=900
    )


@hooks.register("register_reports_menu_item")
def register_medical_review_report_menu_item():
    return MenuItem(
        _("Medical reviews due"),
        reverse("medical_review_report"),
        icon_name="success",
        order=910,
    )


# More warnings than this would bury the editor's other messages.
MAX_CLAIM_WARNINGS = 10


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_claims(request, page):
    """After an article is saved, warn about each claim the claims check finds (never refuse)."""
    # Autosaves answer in JSON; their messages would pile up until the next page the editor opens.
    if not isinstance(page, ArticlePage) or not request.accepts("text/html"):
        return
    claims = page.questionable_claims()
    for claim in claims[:MAX_CLAIM_WARNINGS]:
        messages.warning(
            request,
            _(
                "“%(term)s” (%(language)s, %(place)s) may be a claim that medical-advertising "
                "rules forbid or that overstates the evidence: “%(sentence)s”"
            )
            % {
                "term": claim.term,
                "language": language_names([claim.language]),
                "place": claim.place,
                "sentence": claim.sentence,
            },
        )
    more = len(claims) - MAX_CLAIM_WARNINGS
    if more > 0:
        messages.warning(
            request,
            ngettext(
                "…and %(count)s more questionable claim.",
                "…and %(count)s more questionable claims.",
                more,
            )
            % {"count": more},
        )
