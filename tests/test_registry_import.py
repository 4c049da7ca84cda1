"""Importing registry JSON: samples import once, re-import unchanged, bad files are refused."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from registry.importers import MAX_BYTES, RefusedError, plan_bytes
from registry.models import ClinicalTrial, Publication
from registry.refresh import refresh
from registry.samples import PUBLICATION_FILES, TRIAL_FILES, load_samples

pytestmark = pytest.mark.django_db

TRIAL_SAMPLES = sorted(TRIAL_FILES.glob("*.json"))
PUBLICATION_SAMPLES = sorted(PUBLICATION_FILES.glob("*.json"))


def study(**status):
    """The NCT02675556 sample study with its statusModule fields overridden."""
    document = json.loads((TRIAL_FILES / "NCT02675556.json").read_text())
    document["protocolSection"]["statusModule"].update(status)
    return document


def run(command, *paths):
    """(stdout, stderr, refused) of a management command run on `paths`."""
    out, err = [], []

    class Sink:
        def __init__(self, into):
            self.into = into

        def write(self, text):
            self.into.append(text)

        def flush(self):
            pass

    refused = False
    try:
        call_command(command, *map(str, paths), stdout=Sink(out), stderr=Sink(err))
    except CommandError:
        refused = True
    return "".join(out), "".join(err), refused


class TestSampleRecords:
    @pytest.mark.parametrize("path", TRIAL_SAMPLES, ids=lambda p: p.stem)
    def test_each_trial_imports_and_reimports_unchanged(self, path):
        first = plan_bytes("trial", path.read_bytes())
        assert first.action == "created"
        first.apply()
        again = plan_bytes("trial", path.read_bytes())
        assert (again.action, again.changes) == ("unchanged", [])
        assert ClinicalTrial.objects.get().registry_id == path.stem

    @pytest.mark.parametrize("path", PUBLICATION_SAMPLES, ids=lambda p: p.stem)
    def test_each_publication_imports_and_reimports_unchanged(self, path):
        plan_bytes("publication", path.read_bytes()).apply()
        again = plan_bytes("publication", path.read_bytes())
        assert (again.action, again.changes) == ("unchanged", [])

    def test_the_samples_hold_the_seeds_facts(self):
        load_samples()
        aud = ClinicalTrial.objects.get(registry_id="NCT03265808")
        assert aud.phases == ["PHASE1", "PHASE2"]
        assert (aud.allocation, aud.masking, aud.placebo_controlled) == (
            "RANDOMIZED",
            "DOUBLE",
            True,
        )
        assert aud.enrollment == 80
        assert aud.phase_label == "I/II期"
        bipolar = ClinicalTrial.objects.get(registry_id="NCT03522545")
        assert (bipolar.status, bipolar.enrollment, bipolar.enrollment_type) == (
            "RECRUITING",
            30,
            "ESTIMATED",
        )
        stopped = ClinicalTrial.objects.get(registry_id="NCT02675556")
        assert stopped.status == "TERMINATED"
        assert stopped.completion_date.year == 2019
        assert (stopped.why_stopped_en, stopped.why_stopped_zh_hans) == (
            "Lack of funding",
            "资金不足",
        )
        for trial in ClinicalTrial.objects.all():
            trial.full_clean()
        review = Publication.objects.get(doi="10.3390/ijms26178306")
        assert review.author_list == "Jurczenko, L.; Semeniuk, A.; Leszek, J.W."
        assert review.study_type == "review"
        assert (review.journal_abbreviation, review.year, review.volume, review.pages) == (
            "Int. J. Mol. Sci.",
            2025,
            "26",
            "8306",
        )
        assert Publication.objects.filter(doi="10.3389/fphar.2024.1476558").exists()

    def test_loading_the_samples_twice_changes_nothing_and_keeps_an_editors_chinese(self):
        load_samples()
        ClinicalTrial.objects.filter(registry_id="NCT03522545").update(
            title_zh_hans="编辑改过的标题"
        )
        load_samples()
        assert ClinicalTrial.objects.count() == 3
        assert (
            ClinicalTrial.objects.get(registry_id="NCT03522545").title_zh_hans == "编辑改过的标题"
        )

    def test_imported_english_leaves_chinese_to_an_editor(self):
        plan_bytes("trial", TRIAL_SAMPLES[0].read_bytes()).apply()
        trial = ClinicalTrial.objects.get()
        assert trial.title_en
        assert not trial.title_zh_hans
        assert trial.needs_translation
        assert list(ClinicalTrial.objects.needing_translation()) == [trial]


class TestUpdates:
    def test_a_status_change_is_shown_field_by_field_and_applied(self):
        plan_bytes("trial", json.dumps(study())).apply()
        plan = plan_bytes(
            "trial", json.dumps(study(overallStatus="WITHDRAWN", whyStopped="Sponsor decision"))
        )
        assert plan.action == "updated"
        with translation.override("en"):
            assert {c.name: (c.old, c.new) for c in plan.changes} == {
                "status": ("TERMINATED", "WITHDRAWN"),
                "why_stopped_en": ("Lack of funding", "Sponsor decision"),
            }
        plan.apply()
        assert ClinicalTrial.objects.get().status == "WITHDRAWN"

    def test_an_update_keeps_the_chinese_text(self):
        load_samples()
        plan_bytes("trial", json.dumps(study(overallStatus="COMPLETED", whyStopped=None))).apply()
        trial = ClinicalTrial.objects.get(registry_id="NCT02675556")
        assert trial.title_zh_hans == "同种异体人间充质干细胞(hMSC)输注治疗难治性抑郁症"

    def test_the_id_matches_whatever_its_case(self):
        plan_bytes("trial", json.dumps(study())).apply()
        document = study()
        document["protocolSection"]["identificationModule"]["nctId"] = "nct02675556"
        assert plan_bytes("trial", json.dumps(document)).action == "unchanged"


HOSTILE = {
    "not json": b"{nope",
    "not utf-8": '{"a": "\u6d4b"}'.encode("gb18030"),
    "a list": b"[1, 2]",
    "a string": b'"text"',
    "empty": b"",
    "unrelated object": b'{"hello": "world"}',
    "modules of the wrong type": b'{"protocolSection": {"identificationModule": []}}',
    "no status": b'{"protocolSection": {"identificationModule": {"nctId": "NCT02675556"}}}',
    "deep nesting": b"[" * 100000 + b"]" * 100000,
}


class TestHostileInput:
    @pytest.mark.parametrize("data", HOSTILE.values(), ids=HOSTILE.keys())
    @pytest.mark.parametrize("kind", ["trial", "publication"])
    def test_is_refused_with_a_reason(self, kind, data):
        with pytest.raises(RefusedError) as caught:
            plan_bytes(kind, data)
        assert str(caught.value)

    def test_a_huge_file_is_refused_before_parsing(self):
        with translation.override("zh-hans"), pytest.raises(RefusedError, match="MB"):
            plan_bytes("trial", b" " * (MAX_BYTES + 1))

    @pytest.mark.parametrize(
        ("path", "value"),
        [
            (("designModule", "phases"), "PHASE1"),
            (("designModule", "phases"), ["PHASE9"]),
            (("designModule", "enrollmentInfo", "count"), "80"),
            (("designModule", "enrollmentInfo", "count"), -3),
            (("statusModule", "overallStatus"), "FINISHED"),
            (("statusModule", "startDateStruct", "date"), "2019-13"),
            (("statusModule", "whyStopped"), 42),
            (("identificationModule", "nctId"), "NCT1"),
            (("identificationModule", "briefTitle"), "x" * 600),
        ],
    )
    def test_wrong_values_inside_a_study_are_refused(self, path, value):
        document = study()
        node = document["protocolSection"]
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        with pytest.raises(RefusedError):
            plan_bytes("trial", json.dumps(document))
        assert not ClinicalTrial.objects.exists()

    def test_a_crossref_list_response_is_not_a_work(self):
        with pytest.raises(RefusedError):
            plan_bytes("publication", b'{"message-type": "work-list", "message": {"items": []}}')

    def test_a_crossref_work_with_a_bad_date_is_refused(self):
        work = json.loads(PUBLICATION_SAMPLES[0].read_text())
        work["message"]["published"] = {"date-parts": [[2024, 2, 31]]}
        with pytest.raises(RefusedError):
            plan_bytes("publication", json.dumps(work))

    def test_the_bare_message_object_imports_too(self):
        work = json.loads(PUBLICATION_SAMPLES[1].read_text())["message"]
        assert plan_bytes("publication", json.dumps(work)).action == "created"


class TestCommands:
    def test_import_trials_counts_and_is_idempotent(self):
        out, _err, refused = run("import_trials", TRIAL_FILES)
        assert "3" in out.splitlines()[-1]
        assert not refused
        assert ClinicalTrial.objects.count() == 3
        out, _err, _refused = run("import_trials", TRIAL_FILES)
        with translation.override("zh-hans"):
            assert out.splitlines()[-1] == "新建0,更新0,未变3,拒绝0"

    def test_a_bad_file_is_refused_by_name_and_the_others_still_import(self, tmp_path):
        (tmp_path / "broken.json").write_bytes(b"{nope")
        (tmp_path / "crossref.json").write_bytes(PUBLICATION_SAMPLES[0].read_bytes())
        (tmp_path / "NCT02675556.json").write_bytes((TRIAL_FILES / "NCT02675556.json").read_bytes())
        out, err, refused = run("import_trials", tmp_path, tmp_path / "missing.json")
        assert refused
        assert "broken.json" in err
        assert "crossref.json" in err
        assert "missing.json" in err
        assert ClinicalTrial.objects.filter(registry_id="NCT02675556").exists()
        assert out.splitlines()[-1] == "新建1,更新0,未变0,拒绝3"

    def test_import_publications(self, tmp_path):
        _out, err, refused = run(
            "import_publications", PUBLICATION_FILES, TRIAL_FILES / "NCT02675556.json"
        )
        assert refused
        assert "NCT02675556.json" in err
        assert Publication.objects.count() == 2

    def test_refresh_trials_offline_from_a_folder(self, tmp_path):
        load_samples()
        changed = study(overallStatus="COMPLETED", whyStopped=None)
        (tmp_path / "NCT02675556.json").write_text(json.dumps(changed))
        out, err, refused = run("refresh_trials", "--from-dir", tmp_path)
        assert refused  # the other two trials have no file in the folder
        assert "NCT03265808" in err
        assert "updated NCT02675556" in out
        trial = ClinicalTrial.objects.get(registry_id="NCT02675556")
        assert trial.status == "COMPLETED"
        assert trial.last_checked is not None

    def test_refresh_with_an_injected_fetch_reports_and_can_dry_run(self):
        load_samples()
        trials = ClinicalTrial.objects.filter(registry_id="NCT02675556")

        def fetch(registry_id):
            return json.dumps(study(overallStatus="COMPLETED", whyStopped=None))

        report = refresh(trials, fetch, apply=False)
        assert [(t.registry_id, action) for t, action, _changes in report] == [
            ("NCT02675556", "updated")
        ]
        assert ClinicalTrial.objects.get(registry_id="NCT02675556").status == "TERMINATED"

    def test_refresh_refuses_an_answer_about_another_study(self):
        load_samples()
        trials = ClinicalTrial.objects.filter(registry_id="NCT03265808")
        report = refresh(trials, lambda _id: json.dumps(study()), apply=True)
        assert report[0][1] == "refused"

    def test_refresh_reports_a_registry_that_does_not_answer(self):
        load_samples()

        def down(_id):
            raise RefusedError("timeout")

        report = refresh(ClinicalTrial.objects.all(), down)
        assert {action for _t, action, _d in report} == {"refused"}
