"""Comparing stored trials with ClinicalTrials.gov: fetch each study, import it, report changes."""

import urllib.error
import urllib.request

from django.utils import timezone
from django.utils.translation import gettext as _

from registry.importers import MAX_BYTES, RefusedError, plan_bytes

API_URL = "https://clinicaltrials.gov/api/v2/studies/{registry_id}"
TIMEOUT_SECONDS = 15


def fetch_online(registry_id):
    """The study JSON from ClinicalTrials.gov; RefusedError when it cannot be had in time."""
    # The URL is our own https constant; the id was checked as an NCT number when stored.
    request = urllib.request.Request(  # noqa: S310
        API_URL.format(registry_id=registry_id), headers={"Accept": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            data = response.read(MAX_BYTES + 1)
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        message = _("ClinicalTrials.gov did not answer: %(error)s") % {"error": error}
        raise RefusedError(message) from error
    return data


def refresh(trials, fetch, *, apply=True):
    """[(trial, action or 'refused', changes or reason)] for each NCT trial, via `fetch(id)`.

    ChiCTR trials are skipped: that registry has no API. Compared trials get `last_checked`.
    """
    report = []
    for trial in trials:
        if trial.is_chictr:
            continue
        try:
            plan = plan_bytes("trial", fetch(trial.registry_id))
            if plan.instance.pk != trial.pk:
                raise RefusedError(_("The registry answered with another study."))
        except RefusedError as refusal:
            report.append((trial, "refused", str(refusal)))
            continue
        if apply:
            plan.instance.last_checked = timezone.now()
            plan.instance.save()
        report.append((trial, plan.action, plan.changes))
    return report
