"""Admin forms that refuse to save over what another editor saved in the meantime."""

import hashlib

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm
from wagtail.models import RevisionMixin

# The hidden input carrying what was stored when the form was shown (objects without revisions).
LOADED_ROW = "loaded_row"
STALE_EDIT_MESSAGE = _(
    "Someone else saved this after you opened it, so your changes have not been saved; they are "
    "kept below. Open it in a new tab to see what changed. To replace that version with yours, "
    "save again."
)


def row_fingerprint(instance):
    """A digest of the stored row of `instance`, the same whatever the editor's language."""
    model = type(instance)
    with translation.override(settings.LANGUAGE_CODE):
        stored = model._default_manager.filter(pk=instance.pk).first()
        if stored is None:
            return ""
        values = [field.value_to_string(stored) for field in model._meta.concrete_fields]
    return hashlib.sha256(repr(values).encode()).hexdigest()


class StaleEditCheckMixin:
    """Refuses a manual save made from a form loaded before someone else saved the same object.

    Wagtail compares the revision an editor loaded with the latest one only for autosaves. Here
    every save is checked: objects with revisions against the inputs Wagtail's edit views post
    (`loaded_revision_id`, `loaded_revision_created_at`, `overwrite_revision_id`), others against
    a fingerprint of their row taken when the form was shown. The refused form is shown again
    with the editor's input and the current version, so saving it again is a deliberate choice.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.checks_row = bool(self.instance.pk) and not isinstance(self.instance, RevisionMixin)
        if self.checks_row:
            self.fields[LOADED_ROW] = forms.CharField(
                required=False, widget=forms.HiddenInput, initial=row_fingerprint(self.instance)
            )

    def loaded_revision_is_stale(self):
        """Whether a newer revision was saved than the one the editor's form was built from."""
        latest = (
            type(self.instance)
            ._default_manager.filter(pk=self.instance.pk, latest_revision__isnull=False)
            .values_list("latest_revision_id", "latest_revision__created_at")
            .first()
        )
        if latest is None:
            return False
        latest_id, created_at = str(latest[0]), latest[1].isoformat()
        # Once the editor's own autosave made a revision, it must still be the latest.
        if own := self.data.get("overwrite_revision_id"):
            return own != latest_id
        if loaded := self.data.get("loaded_revision_id"):
            return (loaded, self.data.get("loaded_revision_created_at", "")) != (
                latest_id,
                created_at,
            )
        return False

    def loaded_row_is_stale(self):
        """Whether the row changed since the form was shown; the form then carries the new one."""
        name = self.add_prefix(LOADED_ROW)
        current = self.fields[LOADED_ROW].initial
        if self.data.get(name, current) in ("", current):
            return False
        self.data = self.data.copy()
        self.data[name] = current
        return True

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk and (
            self.loaded_row_is_stale() if self.checks_row else self.loaded_revision_is_stale()
        ):
            self.add_error(None, forms.ValidationError(STALE_EDIT_MESSAGE, code="stale"))
        return cleaned_data

    def get_field_updates_for_resave(self):
        # After an autosave, the still-open form must carry the row it just stored.
        updates = list(super().get_field_updates_for_resave())
        if self.checks_row:
            updates.append((self.add_prefix(LOADED_ROW), row_fingerprint(self.instance)))
        return updates


class StaleEditCheckedModelForm(StaleEditCheckMixin, WagtailAdminModelForm):
    """The admin form of snippets and settings, refusing to save over newer changes."""


class StaleEditCheckedPageForm(StaleEditCheckMixin, WagtailAdminPageForm):
    """The admin form of pages, refusing to save over a newer revision."""


class StaleEditCheckedFormPageForm(StaleEditCheckMixin, WagtailAdminFormPageForm):
    """The admin form of form pages (the contact page), refusing to save over a newer revision."""
