"""One pagination rule for every list: Django's Paginator.get_page, with numbers below 1 as 1."""

import hashlib

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

from common import render_cache


class ClampingPaginator(Paginator):
    """get_page() semantics (nonsense: first page; beyond the end: last) and 0 or less: first."""

    def validate_number(self, number):
        if _below_one(number):
            return 1
        return super().validate_number(number)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(self.rows(self.object_list, bottom, top), number, self)

    def rows(self, items, bottom, top):
        """Items `bottom` to `top` of `items`."""
        # Past the middle, read from the end in reverse order: the database then skips the rows
        # after the page, not those before it, so the last page costs what the first does.
        if isinstance(items, QuerySet) and items.ordered and bottom > self.count - top:
            return list(items.reverse()[self.count - top : self.count - bottom])[::-1]
        return items[bottom:top]


def list_key(items):
    """A digest of the SQL and parameters of the queryset `items`."""
    sql, params = items.query.sql_with_params()
    return hashlib.sha256(repr((sql, params)).encode()).hexdigest()


def published_slice(items, bottom, top, read=None):
    """Rows `bottom` to `top` of `items` (published content), by ids kept in the render cache.

    Such a list changes only when something is published, unpublished, moved or deleted, and
    each of those replaces the render cache's content version: ordering a long list is paid once
    per version, and the rows cost one query by primary key. `read(ids, bottom, top)` slices.
    """
    ids = items.prefetch_related(None).values_list("pk", flat=True)
    read = read or (lambda ids, bottom, top: ids[bottom:top])
    kept = render_cache.get_or_build(
        lambda: list(read(ids, bottom, top)), "list-slice", list_key(items), bottom, top
    )
    # By primary key alone: the list's own filters made PostgreSQL scan every article again.
    rows = items.model._base_manager.filter(pk__in=kept)
    rows = rows.select_related(*joined(items.query.select_related))
    by_pk = {row.pk: row for row in rows.prefetch_related(*items._prefetch_related_lookups)}
    return [by_pk[pk] for pk in kept if pk in by_pk]


def joined(select_related, prefix=""):
    """The names of the relations a queryset's select_related() joins ({name: {…}} nested)."""
    if not isinstance(select_related, dict):
        return []
    names = []
    for name, nested in select_related.items():
        names += [prefix + name, *joined(nested, f"{prefix}{name}__")]
    return names


class PublishedListPaginator(ClampingPaginator):
    """Pages of published content, the count and each page's ids kept (see published_slice)."""

    @cached_property
    def count(self):
        counted = Paginator.count.func
        return render_cache.get_or_build(
            lambda: counted(self), "list-count", list_key(self.object_list)
        )

    def rows(self, items, bottom, top):
        return published_slice(items, bottom, top, read=super().rows)


def _below_one(number):
    """Whether `number` reads as an integer smaller than 1."""
    try:
        return int(number) < 1
    except (TypeError, ValueError, OverflowError):
        return False


def paginate(request, items, per_page, parameter="page", paginator=ClampingPaginator):
    """The page of `items` named by ?page= (or `parameter`) in the request."""
    return paginator(items, per_page).get_page(request.GET.get(parameter))
