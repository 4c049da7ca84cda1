"""Readers' views outside a transaction: Wagtail's page view (writes in one), feeds, sitemap."""

from django.db import transaction
from wagtail import views as wagtail_views

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def reader_view(view):
    """`view`, which only reads, without ATOMIC_REQUESTS' transaction (see `serve`)."""
    return transaction.non_atomic_requests(view)


@transaction.non_atomic_requests
def serve(request, path):
    """Serve a page: readers' GETs in autocommit, anything else in one transaction.

    ATOMIC_REQUESTS would open a transaction for every reader, and on SQLite (BEGIN IMMEDIATE)
    take the write lock, queueing readers behind each other and behind editors' saves.
    """
    if request.method in SAFE_METHODS:
        return wagtail_views.serve(request, path)
    with transaction.atomic():
        return wagtail_views.serve(request, path)
