"""Old bodies' typed-in trials, studies and references become registry records that both cite."""

import sys

from django.db import migrations

from articles.record_conversion import RecordConversion


def cite_records(apps, schema_editor):
    RecordConversion(apps, stdout=sys.stdout).run()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0013_cite_registry_records"),
    ]

    # Reversed, the records and citing blocks stay: both still read, nothing is lost.
    operations = [migrations.RunPython(cite_records, migrations.RunPython.noop)]
