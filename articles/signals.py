"""Receivers: record on an article which medical reviewer approved it, and when."""

from django.utils import timezone
from wagtail.models import AbstractGroupApprovalTask
from wagtail.signals import task_approved

from articles.models import ArticlePage, MedicalReviewer
from articles.review_workflow import GROUP_NAME


def record_medical_review(sender, instance, user=None, **kwargs):
    """When a medical reviewer approves an article's review task, note them and the day."""
    task = instance.task.specific
    if (
        not isinstance(task, AbstractGroupApprovalTask)
        or not task.groups.filter(name=GROUP_NAME).exists()
    ):
        return
    article = ArticlePage.objects.filter(pk=instance.workflow_state.object_id).first()
    # Only a person with credentials on record counts as a medical review (not any superuser).
    reviewer = MedicalReviewer.objects.filter(user=user).first() if user else None
    if article is None or reviewer is None:
        return
    article.record_review(reviewer, timezone.localdate(instance.finished_at))


def connect():
    """Connect the receivers (from the app's ready())."""
    task_approved.connect(record_medical_review, dispatch_uid="articles_record_medical_review")
