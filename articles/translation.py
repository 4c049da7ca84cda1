"""Field-level translations of our own models (Page's own fields are translated upstream)."""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from articles.models import (
    ArticlePage,
    ArticleTag,
    Category,
    Disclaimer,
    MedicalReviewer,
    NewsIndexPage,
)


@register(NewsIndexPage)
class NewsIndexPageTR(TranslationOptions):
    """Translated fields of the news index."""

    fields = ("intro",)


@register(ArticlePage)
class ArticlePageTR(TranslationOptions):
    """Translated fields of an article."""

    fields = ("summary", "body", "disclaimer_text")


@register(Disclaimer)
class DisclaimerTR(TranslationOptions):
    """Translated disclaimer text."""

    fields = ("text",)


@register(Category)
class CategoryTR(TranslationOptions):
    """Translated category name."""

    fields = ("name",)


@register(ArticleTag)
class ArticleTagTR(TranslationOptions):
    """Translated tag name."""

    fields = ("name",)


@register(MedicalReviewer)
class MedicalReviewerTR(TranslationOptions):
    """A reviewer's name and credentials in each language."""

    fields = ("name", "title", "qualification", "institution")
