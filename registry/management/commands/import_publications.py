"""manage.py import_publications FILE_OR_DIR…: Crossref works JSON → Publication."""

from registry.choices import STUDY_TYPES
from registry.imports_cli import ImportCommand


class Command(ImportCommand):
    """Create or update publications from Crossref works files."""

    help = "Import Crossref works JSON files (or folders of them)."
    kind = "publication"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--study-type",
            choices=[key for key, _label in STUDY_TYPES],
            default="",
            help="Study type of the imported works (new works default to 'other').",
        )

    def plan_options(self, options):
        return {"study_type": options["study_type"]}
