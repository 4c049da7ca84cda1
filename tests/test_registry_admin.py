"""The registry's admin: Chinese listings, filters, search, choosers, import, protected deletes."""

import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from registry.models import ClinicalTrial, Publication
from registry.samples import TRIAL_FILES, load_samples
from tests.factories import make_article, make_site
from tests.test_admin_chinese import english_on

pytestmark = pytest.mark.django_db

TRIALS = "wagtailsnippets_registry_clinicaltrial"
PUBLICATIONS = "wagtailsnippets_registry_publication"
TRIAL_CHOOSER = "wagtailsnippetchoosers_registry_clinicaltrial"
PUBLICATION_CHOOSER = "wagtailsnippetchoosers_registry_publication"


def cite(page, record, field="body_zh_hans"):
    """Add a block citing `record` to `page`'s body in `field`, and save the page."""
    if isinstance(record, ClinicalTrial):
        block = {"type": "trial_record", "value": {"trial": record.pk, "note": ""}}
    else:
        block = {"type": "reference_list", "value": {"references": [record.pk]}}
    setattr(page, field, [*getattr(page, field).get_prep_value(), block])
    page.save()


@pytest.fixture
def admin(django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.com", "pw"))
    return client


@pytest.fixture
def samples():
    load_samples()
    return {t.registry_id: t for t in ClinicalTrial.objects.all()}


@pytest.fixture
def cited(samples):
    """NCT03265808 cited by a live article and by a draft."""
    _home, index = make_site()
    live = make_article(index, 1)
    draft = make_article(index, 2, live=False)
    trial = samples["NCT03265808"]
    cite(live, trial)
    cite(live, trial, "body_en")
    cite(draft, samples["NCT03522545"])
    return trial, live, draft


class TestListings:
    def test_trials_list_in_chinese_with_usage(self, admin, cited):
        trial, _live, _draft = cited
        html = admin.get(reverse(f"{TRIALS}:list")).text
        assert "临床试验" in html
        assert "NCT03265808" in html
        assert "I/II期" in html
        assert "进行中，不招募" in html or "进行中,不招募" in html
        assert "用于1篇文章" in html
        assert reverse(f"{TRIALS}:usage", args=[trial.pk]) in html

    def test_the_usage_view_names_the_article(self, admin, cited):
        trial, live, _draft = cited
        html = admin.get(reverse(f"{TRIALS}:usage", args=[trial.pk])).text
        assert live.title in html

    @pytest.mark.parametrize(
        ("query", "shown", "hidden"),
        [
            ({"status": "TERMINATED"}, "NCT02675556", "NCT03522545"),
            ({"phase": "PHASE2"}, "NCT03265808", "NCT02675556"),
            ({"q": "nct03522"}, "NCT03522545", "NCT03265808"),
            ({"q": "双相"}, "NCT03522545", "NCT02675556"),
        ],
    )
    def test_filters_and_search(self, admin, samples, query, shown, hidden):
        html = admin.get(reverse(f"{TRIALS}:list_results"), query).text
        assert shown in html
        assert hidden not in html

    def test_the_needs_translation_filter(self, admin, samples):
        plan_id = "NCT01234567"
        ClinicalTrial.objects.create(
            registry_id=plan_id, title_en="Untranslated", status="COMPLETED"
        )
        html = admin.get(reverse(f"{TRIALS}:list_results"), {"needs_translation": "true"}).text
        assert plan_id in html
        assert "NCT03265808" not in html

    def test_publications_list_filter_and_search_by_doi(self, admin, samples):
        html = admin.get(reverse(f"{PUBLICATIONS}:list")).text
        assert "文献" in html
        assert "Jurczenko等 2025" in html
        html = admin.get(reverse(f"{PUBLICATIONS}:list_results"), {"q": "ijms26178306"}).text
        assert "Jurczenko" in html
        assert "Li等" not in html
        html = admin.get(
            reverse(f"{PUBLICATIONS}:list_results"), {"study_type": "randomised_trial"}
        ).text
        assert "Jurczenko" not in html

    def test_a_bad_filter_value_is_not_an_error(self, admin, samples):
        response = admin.get(reverse(f"{TRIALS}:list"), {"status": "<x>", "phase": "' OR 1"})
        assert response.status_code == 200


class TestEditing:
    def test_the_edit_form_has_both_languages(self, admin, samples):
        html = admin.get(reverse(f"{TRIALS}:edit", args=[samples["NCT02675556"].pk])).text
        for name in ("title_zh_hans", "title_en", "why_stopped_zh_hans", "why_stopped_en"):
            assert f'name="{name}"' in html
        assert "停止原因" in html

    def test_the_chooser_searches_and_offers_creation(self, admin, samples):
        response = admin.get(reverse(f"{TRIAL_CHOOSER}:choose"), {"q": "NCT02675556"})
        html = response.json()["html"]
        assert "NCT02675556" in html
        assert "NCT03265808" not in html
        assert 'name="registry_id"' in html

    def test_a_trial_created_in_the_chooser_follows_the_rules(self, admin):
        url = reverse(f"{TRIAL_CHOOSER}:create")
        post = {
            "registry_id": "nct04000001",
            "title_zh_hans": "新试验",
            "status": "TERMINATED",
            "phases": ["PHASE1", "PHASE2"],
            "enrollment_type": "ESTIMATED",
            "start_date_precision": "DAY",
            "completion_date_precision": "DAY",
        }
        response = admin.post(url, post)
        assert response.json()["step"] != "chosen"
        assert (
            "停止的原因" in response.json()["htmlFragment"]
            or "原因" in response.json()["htmlFragment"]
        )
        assert not ClinicalTrial.objects.exists()
        response = admin.post(url, post | {"why_stopped_zh_hans": "资金不足"})
        assert response.json()["step"] == "chosen"
        trial = ClinicalTrial.objects.get()
        assert (trial.registry_id, trial.phases) == ("NCT04000001", ["PHASE1", "PHASE2"])

    def test_a_publication_created_in_the_chooser_has_its_authors(self, admin):
        response = admin.post(
            reverse(f"{PUBLICATION_CHOOSER}:create"),
            {
                "doi": "https://doi.org/10.1000/XYZ123",
                "title": "A study",
                "study_type": "cohort",
                "authors_text": "Wang, Yi\nLi, Jun Wei\n",
            },
        )
        assert response.json()["step"] == "chosen"
        publication = Publication.objects.get()
        assert publication.doi == "10.1000/xyz123"
        assert publication.author_list == "Wang, Y.; Li, J.W."

    def test_a_duplicate_doi_in_the_chooser_is_a_form_error(self, admin, samples):
        response = admin.post(
            reverse(f"{PUBLICATION_CHOOSER}:create"),
            {
                "doi": "10.3390/IJMS26178306",
                "title": "Again",
                "study_type": "review",
                "authors_text": "X, Y",
            },
        )
        assert response.status_code == 200
        assert "已有相同DOI的文献" in response.json()["htmlFragment"]
        assert Publication.objects.count() == 2


class TestImportView:
    URL = "/admin/registry/import/"

    def test_preview_then_confirm(self, admin):
        data = (TRIAL_FILES / "NCT02675556.json").read_text()
        response = admin.post(self.URL, {"kind": "trial", "text": data, "preview": ""})
        assert response.status_code == 200
        html = response.content.decode()
        assert "将新建一条记录" in html
        assert "Lack of funding" in html
        assert not ClinicalTrial.objects.exists()
        digest = response.context["form"].initial["digest"]
        response = admin.post(
            self.URL, {"kind": "trial", "text": data, "digest": digest, "confirm": ""}
        )
        trial = ClinicalTrial.objects.get()
        assert response.status_code == 302
        assert response.url == reverse(f"{TRIALS}:edit", args=[trial.pk])

    def test_an_upload_previews_the_changed_fields_only(self, admin, samples):
        document = json.loads((TRIAL_FILES / "NCT02675556.json").read_text())
        document["protocolSection"]["statusModule"]["overallStatus"] = "SUSPENDED"
        upload = SimpleUploadedFile("study.json", json.dumps(document).encode())
        response = admin.post(self.URL, {"kind": "trial", "upload": upload, "preview": ""})
        changes = response.context["plan"].changes
        assert [c.name for c in changes] == ["status"]
        assert "将更新这条记录" in response.content.decode()

    def test_a_stale_preview_is_shown_again_not_applied(self, admin, samples):
        data = (TRIAL_FILES / "NCT02675556.json").read_text().replace("TERMINATED", "SUSPENDED")
        response = admin.post(
            self.URL, {"kind": "trial", "text": data, "digest": "0" * 16, "confirm": ""}
        )
        assert response.status_code == 200
        assert ClinicalTrial.objects.get(registry_id="NCT02675556").status == "TERMINATED"

    @pytest.mark.parametrize(
        "post",
        [
            {"kind": "trial", "text": "{nope"},
            {"kind": "trial", "text": (TRIAL_FILES / "NCT02675556.json").read_text()[:50]},
            {"kind": "publication", "text": '{"message": {"DOI": 5}}'},
            {"kind": "trial"},
            {"kind": "bogus", "text": "{}"},
            {"kind": "trial", "upload": SimpleUploadedFile("x.json", b"\xff\xfe\x00")},
        ],
    )
    def test_bad_input_is_a_form_error_in_chinese(self, admin, post):
        response = admin.post(self.URL, post | {"preview": ""})
        assert response.status_code == 200
        errors = [str(e) for errors in response.context["form"].errors.values() for e in errors]
        assert errors
        assert all(any("\u4e00" <= char <= "\u9fff" for char in e) for e in errors), errors
        assert not ClinicalTrial.objects.exists()

    def test_the_import_page_reads_in_chinese(self, admin):
        html = admin.get(self.URL).text
        assert "导入试验与文献" in html
        assert "粘贴JSON" in html


class TestDeletion:
    def test_a_record_a_live_article_cites_cannot_be_deleted(self, admin, cited):
        trial, live, _draft = cited
        response = admin.post(reverse(f"{TRIALS}:delete", args=[trial.pk]), follow=True)
        assert ClinicalTrial.objects.filter(pk=trial.pk).exists()
        text = " ".join(str(m) for m in response.context["messages"])
        assert "不能删除" in text
        assert live.title in text

    def test_bulk_delete_is_refused_too(self, admin, cited):
        trial, _live, _draft = cited
        other = ClinicalTrial.objects.get(registry_id="NCT02675556")
        url = "/admin/bulk/registry/clinicaltrial/delete/"
        admin.post(f"{url}?id={trial.pk}&id={other.pk}")
        assert ClinicalTrial.objects.filter(pk__in=[trial.pk, other.pk]).count() == 2
        admin.post(f"{url}?id={other.pk}")
        assert not ClinicalTrial.objects.filter(pk=other.pk).exists()

    def test_a_record_only_a_draft_cites_can_be_deleted(self, admin, cited):
        trial = ClinicalTrial.objects.get(registry_id="NCT03522545")
        admin.post(reverse(f"{TRIALS}:delete", args=[trial.pk]))
        assert not ClinicalTrial.objects.filter(pk=trial.pk).exists()


class TestPermissions:
    @pytest.fixture
    def editor(self, django_user_model):
        """An admin user with page rights but no registry permissions."""
        user = django_user_model.objects.create_user("ed", "ed@example.com", "pw")
        group = Group.objects.create(name="No registry")
        group.permissions.add(Permission.objects.get(codename="access_admin"))
        user.groups.add(group)
        client = Client()
        client.force_login(user)
        return client, group

    def test_without_registry_permissions_nothing_is_visible(self, editor, samples):
        client, _group = editor
        trial = samples["NCT03265808"]
        for url in [
            reverse(f"{TRIALS}:list"),
            reverse(f"{TRIALS}:edit", args=[trial.pk]),
            reverse(f"{TRIALS}:add"),
            reverse(f"{PUBLICATIONS}:list"),
            "/admin/registry/import/",
        ]:
            response = client.get(url)
            assert response.status_code in (302, 403), url
        response = client.post(reverse(f"{TRIALS}:edit", args=[trial.pk]), {"registry_id": "X"})
        assert ClinicalTrial.objects.get(pk=trial.pk).registry_id == "NCT03265808"
        assert "导入试验与文献" not in client.get("/admin/").text

    def test_view_only_permission_cannot_import(self, editor, samples):
        client, group = editor
        group.permissions.add(Permission.objects.get(codename="view_clinicaltrial"))
        assert client.get(reverse(f"{TRIALS}:list")).status_code == 200
        data = (TRIAL_FILES / "NCT02675556.json").read_text()
        response = client.post("/admin/registry/import/", {"kind": "trial", "text": data})
        assert response.status_code in (302, 403)


class TestChineseScreens:
    def test_registry_screens_have_no_english_leftovers(self, admin, cited):
        trial, _live, _draft = cited
        publication = Publication.objects.first()
        urls = [
            reverse(f"{TRIALS}:list"),
            reverse(f"{TRIALS}:add"),
            reverse(f"{TRIALS}:edit", args=[trial.pk]),
            reverse(f"{TRIALS}:usage", args=[trial.pk]),
            reverse(f"{PUBLICATIONS}:list"),
            reverse(f"{PUBLICATIONS}:add"),
            reverse(f"{PUBLICATIONS}:edit", args=[publication.pk]),
            reverse(f"{TRIAL_CHOOSER}:choose"),
            reverse(f"{PUBLICATION_CHOOSER}:choose"),
            "/admin/registry/import/",
        ]
        leftovers = {url: english_on(admin, url) for url in urls}
        assert {url: found for url, found in leftovers.items() if found} == {}


class TestQueryCounts:
    def test_the_publication_listing_does_not_query_per_row(
        self, admin, samples, django_assert_max_num_queries
    ):
        url = reverse(f"{PUBLICATIONS}:list")
        admin.get(url)
        with django_assert_max_num_queries(30) as few:
            admin.get(url)
        for n in range(10):
            Publication.objects.create(
                doi=f"10.1000/extra{n}", title=f"Extra {n}", study_type="other"
            )
        with django_assert_max_num_queries(len(few.captured_queries)):
            admin.get(url)


def edit_post(record, **changes):
    """The POST of the record's admin edit form as shown, with `changes`."""
    form = type(record).snippet_viewset.get_edit_handler().get_form_class()(instance=record)
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is True:
            data[name] = "on"
        elif value not in (None, False):
            data[name] = value.isoformat() if hasattr(value, "isoformat") else value
    return data | changes


class TestEditForm:
    def test_an_editor_changes_the_status_once_for_both_languages(self, admin, samples):
        trial = samples["NCT03522545"]
        url = reverse(f"{TRIALS}:edit", args=[trial.pk])
        response = admin.post(url, edit_post(trial, status="COMPLETED"))
        assert response.status_code == 302
        trial.refresh_from_db()
        assert trial.status == "COMPLETED"
        assert trial.phases == ["PHASE1"]

    def test_stopping_a_trial_without_saying_why_is_refused_in_chinese(self, admin, samples):
        trial = samples["NCT03522545"]
        url = reverse(f"{TRIALS}:edit", args=[trial.pk])
        response = admin.post(url, edit_post(trial, status="SUSPENDED"))
        assert response.status_code == 200
        assert "请用试验显示的每种语言说明" in response.content.decode()
        trial.refresh_from_db()
        assert trial.status == "RECRUITING"

    def test_a_forged_phase_is_a_form_error(self, admin, samples):
        trial = samples["NCT03522545"]
        url = reverse(f"{TRIALS}:edit", args=[trial.pk])
        response = admin.post(url, edit_post(trial, phases=["PHASE9"]))
        assert response.status_code == 200
        trial.refresh_from_db()
        assert trial.phases == ["PHASE1"]
