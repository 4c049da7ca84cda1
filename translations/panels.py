"""Admin panel helpers shared by every translated model."""

from wagtail.admin.panels import FieldPanel, FieldRowPanel


def side_by_side(*panels):
    """One row per field, so wagtail-modeltranslation lays its languages out next to each other."""
    return [
        FieldRowPanel([FieldPanel(panel) if isinstance(panel, str) else panel]) for panel in panels
    ]
