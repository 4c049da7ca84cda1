"""One pagination rule for every list: Django's Paginator.get_page, with numbers below 1 as 1."""

from django.core.paginator import Paginator


class ClampingPaginator(Paginator):
    """get_page() semantics (nonsense: first page; beyond the end: last) and 0 or less: first."""

    def validate_number(self, number):
        if _below_one(number):
            return 1
        return super().validate_number(number)


def _below_one(number):
    """Whether `number` reads as an integer smaller than 1."""
    try:
        return int(number) < 1
    except (TypeError, ValueError, OverflowError):
        return False


def paginate(request, items, per_page, parameter="page"):
    """The page of `items` named by ?page= (or `parameter`) in the request."""
    return ClampingPaginator(items, per_page).get_page(request.GET.get(parameter))
