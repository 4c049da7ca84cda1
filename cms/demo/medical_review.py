"""The demo's medical review: the news index's workflow, a reviewer, the seed article reviewed.

Only what is missing is created: a reviewer or a review an editor has changed is left as it is.
"""

import datetime

from django.apps import apps

from articles.models import ArticlePage, MedicalReviewer
from articles.review_workflow import assign_review_workflow
from cms.demo.depression_article import ARTICLE as SEED_ARTICLE

REVIEWER = {
    "name_zh_hans": "陈静",
    "name_en": "Chen Jing",
    "title_zh_hans": "主任医师",
    "title_en": "Chief Physician",
    "qualification_zh_hans": "医学博士，精神科执业医师",
    "qualification_en": "MD, licensed psychiatrist",
    "institution_zh_hans": "杭吉干细胞资讯医学顾问委员会",
    "institution_en": "Hangji Stem Cell News medical advisory board",
}
REVIEW_DATE = datetime.date(2025, 8, 28)


def build_medical_review(index, changes):
    """Put `index` under the review workflow; add the reviewer; record the seed article's review."""
    assign_review_workflow(apps, [index.pk])
    reviewer = MedicalReviewer.objects.filter(name_zh_hans=REVIEWER["name_zh_hans"]).first()
    if reviewer is None:
        reviewer = MedicalReviewer(**REVIEWER)
        reviewer.full_clean()
        reviewer.save()
        changes.record("created", reviewer)
    else:
        changes.record("exists", reviewer)
    article = ArticlePage.objects.child_of(index).filter(slug_zh_hans=SEED_ARTICLE["slug"]).first()
    if article is not None and article.last_reviewed is None and article.reviewed_by_id is None:
        # The seed article is first created unreviewed; its review is part of the demo.
        article.record_review(reviewer, REVIEW_DATE)
        changes.record("created", article)
    return reviewer
