"""When each language of an article last changed, so editors can see stale translations."""

from django.db.models import F, Q
from django.db.models.signals import pre_save
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TRANSLATED_CONTENT = ("title", "summary", "body")
LANGUAGE_SUFFIXES = ("zh_hans", "en")


def content_of(article, suffix, source=None):
    """The stored form of an article's title, summary and body in one language."""
    source = article if source is None else source
    return [
        article._meta.get_field(f"{name}_{suffix}").get_prep_value(
            getattr(source, f"{name}_{suffix}")
        )
        for name in TRANSLATED_CONTENT
    ]


def stamp_changed_languages(sender, instance, update_fields=None, **kwargs):
    """Before saving an article, note the time for each language whose content changed."""
    watched = {f"{name}_{suffix}" for name in TRANSLATED_CONTENT for suffix in LANGUAGE_SUFFIXES}
    if kwargs.get("raw") or (update_fields is not None and not watched & set(update_fields)):
        return
    previous = sender.objects.filter(pk=instance.pk).first() if instance.pk else None
    now = timezone.now()
    for suffix in LANGUAGE_SUFFIXES:
        current = content_of(instance, suffix)
        if previous is None:
            changed = any(current)
        else:
            changed = current != content_of(instance, suffix, previous)
        if changed:
            setattr(instance, f"{suffix}_changed_at", now)


def connect():
    """Watch article saves."""
    from articles.models import ArticlePage  # noqa: PLC0415 (called from ready())

    pre_save.connect(stamp_changed_languages, sender=ArticlePage, dispatch_uid="h4_stamp_languages")


def needs_english():
    """Articles with no English version, or whose Chinese changed after their English."""
    return Q(translated_en=False) | Q(translated_en=True, zh_hans_changed_at__gt=F("en_changed_at"))


def is_stale(article):
    """Whether the Chinese changed after the English was last changed."""
    zh, en = article.zh_hans_changed_at, article.en_changed_at
    return bool(article.translated_en and zh and en and zh > en)


def state_label(article):
    """The editor-facing translation state of an article."""
    if not article.translated_en:
        return _("No English version")
    if is_stale(article):
        return _("Chinese changed after English")
    return _("Translated")


def start_english(article):
    """Fill the empty English title, summary and body from the Chinese, as a starting draft."""
    for name in TRANSLATED_CONTENT:
        if not getattr(article, f"{name}_en"):
            setattr(article, f"{name}_en", getattr(article, f"{name}_zh_hans"))
