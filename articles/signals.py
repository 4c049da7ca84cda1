"""Receivers: medical reviews on record, converted bodies indexed, published images' renditions."""

from django.db.models.signals import post_migrate
from django.utils import timezone
from wagtail.models import AbstractGroupApprovalTask, ReferenceIndex
from wagtail.signals import page_published, task_approved

from articles.models import SHARE_IMAGE_SPEC, ArticlePage, MedicalReviewer
from articles.review_workflow import GROUP_NAME
from images.renditions import make_renditions


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


# The data migration that made old bodies cite registry records.
CONVERSION_MIGRATION = ("articles", "0014_cite_records_in_old_bodies")


def index_converted_citations(sender, plan=None, **kwargs):
    """After the conversion migration ran, list every article's new citations in the index.

    The migration itself runs on historical models, which Wagtail's reference index ignores;
    here the current models are in step with the database again.
    """
    applied = {(m.app_label, m.name) for m, backwards in plan or [] if not backwards}
    # A new database has no articles, and no translated page columns yet either: wagtail-
    # modeltranslation's migrate adds those after post_migrate, so load no page before then.
    if (
        sender.name != "articles"
        or CONVERSION_MIGRATION not in applied
        or not ArticlePage.objects.exists()
    ):
        return
    for article in ArticlePage.objects.all():
        ReferenceIndex.create_or_update_for_object(article)


def make_article_renditions(sender, instance, **kwargs):
    """Make every rendition of the published article's images that its pages will show."""
    for image in instance.shown_images():
        extra = (SHARE_IMAGE_SPEC,) if image.pk == instance.lead_image_id else ()
        make_renditions(image, *extra)


def connect():
    """Connect the receivers (from the app's ready())."""
    post_migrate.connect(index_converted_citations, dispatch_uid="articles_index_citations")
    task_approved.connect(record_medical_review, dispatch_uid="articles_record_medical_review")
    page_published.connect(
        make_article_renditions, sender=ArticlePage, dispatch_uid="articles_make_renditions"
    )
