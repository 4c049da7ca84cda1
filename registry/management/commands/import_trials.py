"""manage.py import_trials FILE_OR_DIR…: ClinicalTrials.gov API v2 study JSON → ClinicalTrial."""

from registry.imports_cli import ImportCommand


class Command(ImportCommand):
    """Create or update trials from ClinicalTrials.gov study files."""

    help = "Import ClinicalTrials.gov API v2 study JSON files (or folders of them)."
    kind = "trial"
