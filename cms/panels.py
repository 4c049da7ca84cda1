"""Admin panel helpers shared by every translated model."""

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.forms.utils import get_forms_for_user


def side_by_side(*panels):
    """One row per field, so wagtail-modeltranslation lays its languages out next to each other."""
    return [
        FieldRowPanel([FieldPanel(panel) if isinstance(panel, str) else panel]) for panel in panels
    ]


class EnquiriesPanel(FormSubmissionsPanel):
    """The submission count and link, shown only to who may open the submissions."""

    class BoundPanel(FormSubmissionsPanel.BoundPanel):
        def is_shown(self):
            return (
                get_forms_for_user(self.request.user).filter(pk=self.instance.pk).exists()
                and super().is_shown()
            )
