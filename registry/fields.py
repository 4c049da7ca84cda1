"""A list of choices stored as JSON, so a trial's phases work on SQLite and PostgreSQL alike."""

import json

from django import forms
from django.db import models


class ChoiceListField(models.JSONField):
    """Several values from `choices`, stored as a JSON list and edited as checkboxes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def validate(self, value, model_instance):
        # Each member is checked, not the list as one choice.
        choices, self.choices = self.choices, None
        try:
            super().validate(value, model_instance)
        finally:
            self.choices = choices

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.choices,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def containing(self, value):
        """A filter for rows whose list holds `value`, on SQLite and PostgreSQL alike.

        JSON containment is not portable; the list is short, so its JSON text is matched.
        """
        return models.Q(**{f"{self.name}__icontains": json.dumps(value)})
