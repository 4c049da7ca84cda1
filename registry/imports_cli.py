"""The shared body of the import commands: files and folders in, counts out."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from registry.importers import MAX_BYTES, RefusedError, plan_bytes


def json_files(arguments):
    """(path, error) for every file named or every *.json file of a folder named."""
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            for child in sorted(path.glob("*.json")):
                yield child, None
        elif path.is_file():
            yield path, None
        else:
            yield path, _("No such file or folder.")


def read_limited(path):
    """The bytes of `path`, refused before reading when it is too large."""
    if path.stat().st_size > MAX_BYTES:
        raise RefusedError(
            _("The file is larger than %(limit)s MB.") % {"limit": MAX_BYTES // 2**20}
        )
    return path.read_bytes()


class ImportCommand(BaseCommand):
    """Import registry JSON files; prints created / updated / unchanged / refused counts."""

    kind = ""

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")

    def plan_options(self, options):
        """Keyword arguments for the importer."""
        return {}

    def handle(self, *args, **options):
        counts = {"created": 0, "updated": 0, "unchanged": 0, "refused": 0}
        for path, error in json_files(options["paths"]):
            try:
                if error:
                    raise RefusedError(error)
                plan = plan_bytes(self.kind, read_limited(path), **self.plan_options(options))
                record = plan.apply()
            except (RefusedError, OSError) as refusal:
                counts["refused"] += 1
                self.stderr.write(
                    _("refused %(path)s: %(reason)s") % {"path": path, "reason": refusal}
                )
                continue
            counts[plan.action] += 1
            self.stdout.write(f"{plan.action} {path}: {record}")
            for change in plan.changes if plan.action == "updated" else []:
                self.stdout.write(f"  {change.label}: {change.old} → {change.new}")
        self.stdout.write(
            _(
                "created %(created)s, updated %(updated)s, unchanged %(unchanged)s, "
                "refused %(refused)s"
            )
            % counts
        )
        if counts["refused"]:
            raise CommandError(_("%(count)s file(s) refused.") % {"count": counts["refused"]})
