"""Public pages of the registry's trials: one per trial and language, and their index.

A trial page shows the record's facts, its registry link and the articles citing it, newest
first. It exists in English only once the trial has an English title.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.models import ReferenceIndex

from articles.models import ArticlePage
from articles.trial_links import index_urls, trial_urls
from common.pagination import PublishedListPaginator, paginate
from registry.choices import is_registry_id, normalise_registry_id
from registry.models import ClinicalTrial
from seo.jsonld import json_ld_script
from seo.sitemap import QuerySetSitemap
from translations.languages import current_language, suffix
from translations.models import readable_in
from translations.views import mark_untranslated

TRIALS_PER_PAGE = 50


def citing_articles(trial, language):
    """The live, public articles whose body in `language` cites `trial`, newest first."""
    field = f"body_{suffix(language)}"
    cited_in = ReferenceIndex.get_references_to(trial).filter(
        content_type__app_label="articles",
        content_type__model="articlepage",
        content_path__startswith=f"{field}.",
    )
    articles = (
        ArticlePage.objects.live()
        .public()
        .filter(pk__in=[int(pk) for pk in cited_in.values_list("object_id", flat=True)])
    )
    return readable_in(articles, language).order_by("-date", "-pk")


def trial_jsonld(request, trial, articles):
    """The trial as schema.org MedicalTrial, its page as the main entity, the articles about it."""
    data = {"@context": "https://schema.org", **trial.schema_org()}
    data["mainEntityOfPage"] = request.build_absolute_uri(request.path)
    if articles:
        data["subjectOf"] = [
            {
                "@type": "NewsArticle",
                "headline": article.title,
                "url": request.build_absolute_uri(article.get_url(request)),
            }
            for article in articles
        ]
    return json_ld_script(data)


def trial_page(request, registry_id):
    """One trial's public page in the active language."""
    normalised = normalise_registry_id(registry_id)
    # A malformed id is a 404 before any query; another spelling of a valid one redirects.
    if not is_registry_id(normalised):
        raise Http404
    trial = ClinicalTrial.objects.filter(registry_id__iexact=normalised).first()
    if trial is None:
        raise Http404
    if registry_id != trial.url_key:
        return redirect(reverse("trial_page", args=[trial.url_key]), permanent=True)
    language = current_language()
    urls = trial_urls(trial)
    if urls[language] is None:
        mark_untranslated(request, urls)
        raise Http404
    articles = list(citing_articles(trial, language))
    context = {
        "trial": trial,
        "articles": articles,
        "language_urls": urls,
        "trial_jsonld": trial_jsonld(request, trial, articles),
    }
    return TemplateResponse(request, "pages/trial_page.html", context)


def trial_index(request):
    """Every trial shown in the active language, by registry id, paginated."""
    language = current_language()
    trials = ClinicalTrial.objects.shown_in(language).order_by("registry_id")
    page = paginate(request, trials, TRIALS_PER_PAGE, paginator=PublishedListPaginator)
    context = {
        "trials": page,
        "language_urls": index_urls(),
    }
    return TemplateResponse(request, "pages/trial_index.html", context)


class TrialSitemap(QuerySetSitemap):
    """The trial pages in the sitemap, each in the languages it is shown in."""

    ordering = ("registry_id",)

    def queryset(self):
        return ClinicalTrial.objects.all()

    def in_language(self, language):
        return ClinicalTrial.objects.shown_in(language)

    def location(self, item):
        return reverse("trial_page", args=[item.url_key])

    def lastmod(self, item):
        return item.updated_at
