"""Visitors' enquiries (names, phones, emails) are open to the 客服 group and superusers only."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from cms.enquiries import ENQUIRIES_GROUP
from tests.factories import make_contact_page, make_site

ENQUIRY = {"name": "王小明", "phone_or_email": "xiaoming@example.com", "message": "咨询"}
REFUSED_ROLES = ["Editors", "Moderators"]
ALLOWED_ROLES = [ENQUIRIES_GROUP, "superuser"]


@pytest.fixture
def contact_page(db):
    """The contact page holding one enquiry."""
    home, _index = make_site()
    page = make_contact_page(home)
    page.get_submission_class().objects.create(page=page, form_data=ENQUIRY)
    return page


@pytest.fixture
def as_role(client, django_user_model):
    """Log the client in as a member of the named group (or as a superuser)."""

    def login(role):
        if role == "superuser":
            user = django_user_model.objects.create_superuser("root", "root@example.com", "pw")
        else:
            user = django_user_model.objects.create_user("staff", "staff@example.com", "pw")
            user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        return client

    return login


def submissions_url(page, suffix=""):
    """The admin URL of the page's submissions (listing, export or delete)."""
    return f"/admin/forms/submissions/{page.pk}/{suffix}"


def assert_refused(response):
    """Wagtail answers a refused admin request by sending the user back to the dashboard."""
    assert response.status_code == 302
    assert response.url == "/admin/"


def submission_count(page):
    """How many enquiries the page still holds."""
    return page.get_submission_class().objects.filter(page=page).count()


@pytest.mark.parametrize("role", REFUSED_ROLES)
@pytest.mark.parametrize("query", ["", "?export=csv", "?export=xlsx"])
def test_editors_and_moderators_cannot_list_or_export_enquiries(as_role, contact_page, role, query):
    response = as_role(role).get(submissions_url(contact_page) + query)

    assert_refused(response)


@pytest.mark.parametrize("role", REFUSED_ROLES)
def test_editors_and_moderators_cannot_delete_enquiries(as_role, contact_page, role):
    client = as_role(role)
    submission = contact_page.get_submission_class().objects.get(page=contact_page)
    url = submissions_url(contact_page, f"delete/?selected-submissions={submission.pk}")

    assert_refused(client.get(url))
    assert_refused(client.post(url))
    assert submission_count(contact_page) == 1


@pytest.mark.parametrize("role", REFUSED_ROLES)
def test_editors_and_moderators_see_no_forms_menu_nor_submissions_link(as_role, contact_page, role):
    client = as_role(role)
    edit = client.get(f"/admin/pages/{contact_page.pk}/edit/")

    assert edit.status_code == 200
    assert submissions_url(contact_page) not in edit.text
    assert '"/admin/forms/"' not in client.get("/admin/").text
    assert not is_listed(client)


def is_listed(client):
    """Whether the admin's forms index lists the contact page."""
    return "联系我们" in client.get("/admin/forms/").text


@pytest.mark.parametrize("role", ALLOWED_ROLES)
def test_the_enquiries_group_and_superusers_list_and_export_enquiries(as_role, contact_page, role):
    client = as_role(role)
    listing = client.get(submissions_url(contact_page))
    csv = client.get(submissions_url(contact_page, "?export=csv"))
    xlsx = client.get(submissions_url(contact_page, "?export=xlsx"))

    assert listing.status_code == 200
    assert "xiaoming@example.com" in listing.text
    assert "xiaoming@example.com" in b"".join(csv.streaming_content).decode("utf-8-sig")
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.parametrize("role", ALLOWED_ROLES)
def test_the_enquiries_group_and_superusers_find_enquiries_in_the_menu_and_page(
    as_role, contact_page, role
):
    client = as_role(role)

    assert '"/admin/forms/"' in client.get("/admin/").text
    assert is_listed(client)
    assert submissions_url(contact_page) in client.get(f"/admin/pages/{contact_page.pk}/edit/").text


@pytest.mark.parametrize("role", ALLOWED_ROLES)
def test_the_enquiries_group_and_superusers_delete_enquiries(as_role, contact_page, role):
    submission = contact_page.get_submission_class().objects.get(page=contact_page)
    url = submissions_url(contact_page, f"delete/?selected-submissions={submission.pk}")

    response = as_role(role).post(url)

    assert response.status_code == 302
    assert response.url == submissions_url(contact_page)
    assert submission_count(contact_page) == 0


@pytest.mark.django_db
def test_the_group_migration_runs_on_a_database_with_contact_pages(contact_page):
    """The historical ContactPage cannot be instantiated, so the migration must not try."""
    migration = importlib.import_module("cms.migrations.0004_enquiries_group")
    state = MigrationExecutor(connection).loader.project_state(("cms", "0004_enquiries_group"))

    migration.create_enquiries_group(state.apps, None)

    group = Group.objects.get(name=ENQUIRIES_GROUP)
    assert group.page_permissions.filter(page=contact_page).exists()


@pytest.mark.django_db
def test_the_group_migration_can_run_again_without_changing_the_group():
    migration = importlib.import_module("cms.migrations.0004_enquiries_group")
    group = Group.objects.get(name=ENQUIRIES_GROUP)
    before = set(group.permissions.values_list("codename", flat=True))

    migration.create_enquiries_group(apps, None)

    assert Group.objects.filter(name=ENQUIRIES_GROUP).count() == 1
    assert set(group.permissions.values_list("codename", flat=True)) == before
    assert {"access_admin", "view_formsubmission", "delete_formsubmission"} <= before
