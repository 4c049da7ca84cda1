"""The admin import view: paste or upload registry JSON, see what changes, confirm."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from registry.choices import STUDY_TYPES
from registry.importers import MAX_BYTES, RefusedError, plan_bytes
from registry.models import ClinicalTrial, Publication

KINDS = {"trial": ClinicalTrial, "publication": Publication}


def import_permitted(user, kind):
    """Whether `user` may create and change records of `kind`."""
    meta = KINDS[kind]._meta
    return user.has_perms(
        [f"{meta.app_label}.add_{meta.model_name}", f"{meta.app_label}.change_{meta.model_name}"]
    )


class ImportForm(forms.Form):
    """Registry JSON pasted or uploaded, of one kind."""

    kind = forms.ChoiceField(
        label=gettext_lazy("Record type"),
        choices=[
            ("trial", gettext_lazy("Clinical trial (ClinicalTrials.gov API v2 study JSON)")),
            ("publication", gettext_lazy("Publication (Crossref works JSON)")),
        ],
    )
    text = forms.CharField(
        label=gettext_lazy("Paste JSON"),
        required=False,
        max_length=MAX_BYTES,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
    )
    upload = forms.FileField(label=gettext_lazy("Or upload a JSON file"), required=False)
    study_type = forms.ChoiceField(
        label=gettext_lazy("Study type"),
        choices=[("", gettext_lazy("Keep / other")), *STUDY_TYPES],
        required=False,
        help_text=gettext_lazy("Publications only."),
    )
    digest = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        if upload is not None:
            if upload.size > MAX_BYTES:
                raise forms.ValidationError(
                    _("The file is larger than %(limit)s MB.") % {"limit": MAX_BYTES // 2**20}
                )
            cleaned["data"] = upload.read()
        elif cleaned.get("text"):
            cleaned["data"] = cleaned["text"].encode()
        else:
            raise forms.ValidationError(_("Paste the JSON or choose a file."))
        return cleaned


class ImportView(WagtailAdminTemplateMixin, FormView):
    """Preview an import as a list of changed fields; apply it once confirmed."""

    form_class = ImportForm
    template_name = "registry/admin/import.html"
    page_title = gettext_lazy("Import registry records")
    header_icon = "download"

    def dispatch(self, request, *args, **kwargs):
        if not any(import_permitted(request.user, kind) for kind in KINDS):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        kind = form.cleaned_data["kind"]
        if not import_permitted(self.request.user, kind):
            raise PermissionDenied
        options = {"study_type": form.cleaned_data["study_type"]} if kind == "publication" else {}
        try:
            plan = plan_bytes(kind, form.cleaned_data["data"], **options)
        except RefusedError as refusal:
            form.add_error(None, _("Refused: %(reason)s") % {"reason": refusal})
            return self.form_invalid(form)
        confirmed = "confirm" in self.request.POST
        if confirmed and form.cleaned_data["digest"] == plan.digest:
            record = plan.apply()
            message = {
                "created": _("Created “%(record)s”."),
                "updated": _("Updated “%(record)s”."),
                "unchanged": _("“%(record)s” is already up to date."),
            }[plan.action]
            messages.success(self.request, message % {"record": record})
            viewset = type(record).snippet_viewset
            return redirect(reverse(viewset.get_url_name("edit"), args=[record.pk]))
        if confirmed:
            messages.warning(
                self.request, _("The record changed since the preview; check the changes again.")
            )
        # The preview re-posts the text it was made from, so what is confirmed is what was seen.
        text = form.cleaned_data["data"].decode("utf-8-sig")
        preview = ImportForm(
            initial={
                "kind": kind,
                "text": text,
                "study_type": form.cleaned_data["study_type"],
                "digest": plan.digest,
            }
        )
        return self.render_to_response(self.get_context_data(form=preview, plan=plan))
