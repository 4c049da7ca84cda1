"""Admin panels of the site's pages."""

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
