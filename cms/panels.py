"""Admin panels of the site's pages."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import InlinePanel, get_form_for_model
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.forms.utils import get_forms_for_user


class EnquiriesPanel(FormSubmissionsPanel):
    """The submission count and link, shown only to who may open the submissions."""

    class BoundPanel(FormSubmissionsPanel.BoundPanel):
        def is_shown(self):
            return (
                get_forms_for_user(self.request.user).filter(pk=self.instance.pk).exists()
                and super().is_shown()
            )


class ReadableChildFormSet(BaseChildFormSet):
    """Inline formset whose missing or unreadable row ids are a form error, never a 500."""

    def __init__(self, *args, **kwargs):
        # Django allows max_num + 1000 rows, so a forged TOTAL_FORMS had the editor's own
        # page build and render a thousand empty rows for a minute before it said no.
        self.absolute_max = min(self.absolute_max, self.max_num)
        super().__init__(*args, **kwargs)
        self.unreadable = False
        if self.is_bound and self.management_form.is_valid():
            pk = self.model._meta.pk
            for i in range(min(self.initial_form_count(), self.absolute_max)):
                key = f"{self.add_prefix(i)}-{pk.name}"
                try:
                    # modelcluster reads the id itself; an empty one stands for a new row.
                    if self.data[key] != "":
                        pk.to_python(self.data[key])
                except (KeyError, ValidationError):
                    self.data = self.data.copy()
                    self.data[key] = ""
                    self.unreadable = True

    def clean(self):
        super().clean()
        if self.unreadable:
            raise ValidationError(
                _("These rows could not be read. Reload the page and try again."),
                code="unreadable",
            )


class TranslatedChildForm(WagtailAdminModelForm):
    """A row form that files errors for a translated field under its default-language field."""

    def add_error(self, field, error):
        # Wagtail's form pages report duplicate field names on "label", which modeltranslation
        # splits into one form field per language.
        if field and field not in self.fields:
            localized = build_localized_fieldname(field, settings.LANGUAGE_CODE)
            field = localized if localized in self.fields else field
        super().add_error(field, error)


class ReadableInlinePanel(InlinePanel):
    """An InlinePanel whose tampered or conflicting rows are a form error, never a 500."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name] |= {
            "formset": ReadableChildFormSet,
            "form": get_form_for_model(
                self.db_field.related_model,
                form_class=TranslatedChildForm,
                **self.child_edit_handler.get_form_options(),
            ),
        }
        return options
