"""Medical review: only reviewers approve; the article names its reviewer; overdue reviews show."""

import datetime
import importlib
import io

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import GroupApprovalTask, TaskState, Workflow, WorkflowPage

from articles.models import ArticlePage, MedicalReviewer, NewsIndexPage, months_after
from articles.review_workflow import GROUP_NAME, WORKFLOW_NAME, assign_review_workflow
from cms.demo.depression_article import ARTICLE as SEED_ARTICLE
from tests.admin_forms import edit, form_data
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(site_tree):
    """The news index under the medical review workflow."""
    _home, index = site_tree
    assign_review_workflow(apps, [index.pk])
    return index


@pytest.fixture
def editor(django_user_model):
    """A member of Wagtail's Editors group: may edit and submit, not publish."""
    user = django_user_model.objects.create_user("bianji", "bianji@example.com", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def reviewer(django_user_model):
    """A member of the reviewers' group whose credentials are on record."""
    user = django_user_model.objects.create_user("chenjing", "chen@example.com", "pw")
    user.groups.add(Group.objects.get(name=GROUP_NAME))
    MedicalReviewer.objects.create(
        name_zh_hans="陈静",
        name_en="Chen Jing",
        title_zh_hans="主任医师",
        title_en="Chief Physician",
        user=user,
    )
    return user


def submit(client, user, article):
    """The user submits the article's draft to the workflow from the editor."""
    client.force_login(user)
    data = form_data(title_en="Reviewed English title")
    del data["action-publish"]
    data["action-submit"] = "action-submit"
    response = edit(client, article, data)
    assert response.status_code == 302
    return TaskState.objects.get(status=TaskState.STATUS_IN_PROGRESS)


def approve(client, user, article, task_state):
    """The user presses Approve on the article's review task."""
    client.force_login(user)
    url = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""})


class TestSetUp:
    def test_the_migration_made_the_workflow_group_and_task(self):
        workflow = Workflow.objects.get(name=WORKFLOW_NAME)
        (task,) = [wt.task.specific for wt in workflow.workflow_tasks.all()]
        assert isinstance(task, GroupApprovalTask)
        assert list(task.groups.values_list("name", flat=True)) == [GROUP_NAME]
        group = Group.objects.get(name=GROUP_NAME)
        assert group.permissions.filter(codename="access_admin").exists()

    def test_the_migration_assigns_existing_news_indexes(self, site_tree):
        _home, index = site_tree
        migration = importlib.import_module("articles.migrations.0010_medical_review_workflow")
        migration.install_medical_review(apps, None)
        migration.install_medical_review(apps, None)
        assert WorkflowPage.objects.get(page=index).workflow.name == WORKFLOW_NAME
        assert Workflow.objects.filter(name=WORKFLOW_NAME).count() == 1
        assert GroupApprovalTask.objects.filter(groups__name=GROUP_NAME).count() == 1
        assert index.get_workflow().name == WORKFLOW_NAME

    def test_a_workflow_chosen_on_purpose_is_kept(self, site_tree):
        _home, index = site_tree
        other = Workflow.objects.create(name="法务审核")
        WorkflowPage.objects.create(page=index, workflow=other)
        assign_review_workflow(apps, [index.pk])
        assert WorkflowPage.objects.get(page=index).workflow == other


class TestWorkflow:
    def test_reviewer_approval_publishes_and_records_the_review(
        self, client, index, editor, reviewer
    ):
        article = make_article(index, 1)
        task_state = submit(client, editor, article)
        assert task_state.task.name == "医学审核 / Medical review"

        response = approve(client, reviewer, article, task_state)

        assert response.status_code == 302
        article = ArticlePage.objects.get(pk=article.pk)
        today = timezone.localdate()
        assert article.title_en == "Reviewed English title"
        assert article.reviewed_by.user == reviewer
        assert article.last_reviewed == today
        assert article.next_review_due == months_after(today, 12)
        # The draft an editor opens next carries the review, so publishing it keeps it.
        draft = article.get_latest_revision_as_object()
        assert draft.reviewed_by == article.reviewed_by
        assert draft.last_reviewed == today

    def test_a_non_reviewer_cannot_approve(self, client, index, editor, django_user_model):
        article = make_article(index, 1)
        task_state = submit(client, editor, article)
        moderator = django_user_model.objects.create_user("shenhe", "m@example.com", "pw")
        moderator.groups.add(Group.objects.get(name="Moderators"))
        for user in (editor, moderator):
            assert approve(client, user, article, task_state).status_code in (302, 403)
            task_state.refresh_from_db()
            assert task_state.status == TaskState.STATUS_IN_PROGRESS
        article = ArticlePage.objects.get(pk=article.pk)
        assert article.reviewed_by is None
        assert article.title_en == "Stem cell news 1"

    def test_an_approval_without_credentials_records_no_review(
        self, client, index, editor, django_user_model
    ):
        admin = django_user_model.objects.create_superuser("admin", "a@example.com", "pw")
        article = make_article(index, 1)
        approve(client, admin, article, submit(client, editor, article))
        article = ArticlePage.objects.get(pk=article.pk)
        assert article.title_en == "Reviewed English title"
        assert article.reviewed_by is None
        assert article.last_reviewed is None

    def test_publishing_after_the_review_keeps_it(self, client, index, editor, reviewer):
        article = make_article(index, 1)
        approve(client, reviewer, article, submit(client, editor, article))
        admin = type(editor).objects.create_superuser("admin", "a@example.com", "pw")
        client.force_login(admin)
        edit(client, article, form_data(title_en="Later English title"))
        article = ArticlePage.objects.get(pk=article.pk)
        assert article.title_en == "Later English title"
        assert article.reviewed_by.name == "陈静"


class TestReviewStatement:
    @pytest.fixture
    def reviewed(self, index, reviewer):
        article = make_article(index, 1)
        article.record_review(reviewer.medical_reviewer, datetime.date(2025, 8, 28))
        return article

    def test_readers_see_who_reviewed_it_in_chinese(self, client, reviewed):
        html = client.get("/zh-hans/news/article-1/").content.decode()
        assert "医学审核：陈静，主任医师 · 2025年8月28日" in html

    def test_readers_see_who_reviewed_it_in_english(self, client, reviewed):
        html = client.get("/en/news/article-1-en/").content.decode()
        assert "Medically reviewed by Chen Jing, Chief Physician · 28 August 2025" in html

    def test_a_review_date_without_a_reviewer_says_the_date_and_sets_the_due_date(self, index):
        article = make_article(index, 1, last_reviewed=datetime.date(2025, 8, 28))
        with translation.override("en"):
            assert article.review_statement == "Last reviewed 28 August 2025"
        assert article.next_review_due == datetime.date(2026, 8, 28)

    def test_an_unreviewed_article_says_nothing(self, client, index):
        make_article(index, 1)
        html = client.get("/zh-hans/news/article-1/").content.decode()
        assert "medical-review" not in html

    def test_the_next_review_is_due_a_year_later_even_from_a_leap_day(self):
        assert months_after(datetime.date(2024, 2, 29), 12) == datetime.date(2025, 2, 28)
        assert months_after(datetime.date(2025, 8, 31), 6) == datetime.date(2026, 2, 28)


class TestOverdueReport:
    def test_lists_overdue_and_never_reviewed_articles(self, english_admin, index, reviewer):
        today = timezone.localdate()
        overdue, current, never = (make_article(index, n) for n in (1, 2, 3))
        overdue.record_review(reviewer.medical_reviewer, today - datetime.timedelta(days=400))
        current.record_review(reviewer.medical_reviewer, today)
        response = english_admin.get(reverse("medical_review_report"))
        html = response.content.decode()
        assert response.status_code == 200
        assert overdue.title in html
        assert never.title in html
        assert current.title not in html
        assert html.index(never.title) < html.index(overdue.title)

    def test_is_in_the_reports_menu(self, english_admin, index):
        html = english_admin.get("/admin/").content.decode()
        assert reverse("medical_review_report") in html


class TestDemo:
    def test_load_demo_adds_the_review_once_and_keeps_editors_changes(self, client):
        call_command("load_demo", stdout=io.StringIO())
        index = NewsIndexPage.objects.get()
        seed = ArticlePage.objects.get(slug_zh_hans=SEED_ARTICLE["slug"])
        assert index.get_workflow().name == WORKFLOW_NAME
        assert seed.reviewed_by.name_en == "Chen Jing"
        assert seed.last_reviewed == datetime.date(2025, 8, 28)
        html = client.get(seed.get_url()).content.decode()
        assert "医学审核：陈静，主任医师 · 2025年8月28日" in html

        reviewer = seed.reviewed_by
        reviewer.title_zh_hans = "副主任医师"
        reviewer.save()
        seed.record_review(reviewer, datetime.date(2026, 1, 5))
        WorkflowPage.objects.filter(page=index).delete()
        call_command("load_demo", stdout=io.StringIO())

        seed = ArticlePage.objects.get(pk=seed.pk)
        assert MedicalReviewer.objects.count() == 1
        assert seed.reviewed_by.title_zh_hans == "副主任医师"
        assert seed.last_reviewed == datetime.date(2026, 1, 5)
        assert index.get_workflow().name == WORKFLOW_NAME
