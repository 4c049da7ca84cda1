"""One pagination rule for every list: Django's Paginator.get_page, with numbers below 1 as 1."""

from django.core.paginator import Paginator
from django.db.models import QuerySet


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
        items = self.object_list
        # Past the middle, read from the end in reverse order: the database then skips the rows
        # after the page, not those before it, so the last page costs what the first does.
        if isinstance(items, QuerySet) and items.ordered and bottom > self.count - top:
            rows = list(items.reverse()[self.count - top : self.count - bottom])
            return self._get_page(rows[::-1], number, self)
        return self._get_page(items[bottom:top], number, self)


def _below_one(number):
    """Whether `number` reads as an integer smaller than 1."""
    try:
        return int(number) < 1
    except (TypeError, ValueError, OverflowError):
        return False


def paginate(request, items, per_page, parameter="page"):
    """The page of `items` named by ?page= (or `parameter`) in the request."""
    return ClampingPaginator(items, per_page).get_page(request.GET.get(parameter))
