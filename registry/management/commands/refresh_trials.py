"""manage.py refresh_trials --online [NCT…]: compare stored trials with ClinicalTrials.gov."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from registry.importers import RefusedError
from registry.imports_cli import read_limited
from registry.models import ClinicalTrial
from registry.refresh import fetch_online, refresh


def folder_fetcher(folder):
    """A fetch function reading <folder>/<NCT id>.json (offline comparison)."""

    def fetch(registry_id):
        path = Path(folder) / f"{registry_id}.json"
        if not path.is_file():
            raise RefusedError(_("No file %(path)s.") % {"path": path})
        return read_limited(path)

    return fetch


class Command(BaseCommand):
    """Fetch each trial's registry record, update the facts and print what changed."""

    help = (
        "Compare trials with ClinicalTrials.gov (--online) or with study files in a folder "
        "(--from-dir), update them and report the changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("registry_ids", nargs="*", metavar="NCT_ID")
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--online", action="store_true", help="Fetch ClinicalTrials.gov.")
        source.add_argument("--from-dir", help="Read <NCT id>.json files from this folder.")
        parser.add_argument("--dry-run", action="store_true", help="Report without saving.")

    def handle(self, *args, registry_ids, online, from_dir, dry_run, **options):
        trials = ClinicalTrial.objects.all()
        if registry_ids:
            trials = [
                t for t in trials if t.registry_id.upper() in {i.upper() for i in registry_ids}
            ]
        fetch = fetch_online if online else folder_fetcher(from_dir)
        refused = 0
        for trial, action, detail in refresh(trials, fetch, apply=not dry_run):
            if action == "refused":
                refused += 1
                self.stderr.write(f"refused {trial.registry_id}: {detail}")
                continue
            self.stdout.write(f"{action} {trial.registry_id}")
            for change in detail:
                self.stdout.write(f"  {change.label}: {change.old} → {change.new}")
        if refused:
            raise CommandError(_("%(count)s trial(s) refused.") % {"count": refused})
