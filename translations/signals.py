"""Receivers: stamp which language of a page changed; redirect a moved page's old URLs."""

from django.db.models.signals import pre_save
from wagtail.signals import post_page_move

from translations.models import TranslationState
from translations.redirects import redirect_after_move


def stamp_changed_languages(sender, instance, update_fields=None, raw=False, **kwargs):
    """Before a page with translation state is saved, note the time each language changed."""
    if raw or not isinstance(instance, TranslationState):
        return
    watched = {
        f"{name}_{suffix}" for name in instance.translated_content for suffix in ("zh_hans", "en")
    }
    if update_fields is not None and not watched & set(update_fields):
        return
    previous = sender.objects.filter(pk=instance.pk).first() if instance.pk else None
    instance.stamp_changed_languages(previous)


def connect():
    """Connect the receivers (from the app's ready())."""
    pre_save.connect(stamp_changed_languages, dispatch_uid="translations_stamp_languages")
    post_page_move.connect(redirect_after_move, dispatch_uid="translations_redirect_after_move")
