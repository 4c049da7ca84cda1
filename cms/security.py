"""Security glue for kept libraries: the admin's own CSP, and the sign-in lockout message."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.utils.translation import gettext

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class AdminAwareCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, applying CONTENT_SECURITY_POLICY_ADMIN under the admin's URLs.

    Wagtail's admin templates carry inline scripts and styles; public pages carry none.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        if request.path_info.startswith(ADMIN_PREFIXES):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        elif getattr(request, "is_dummy", False):
            # Wagtail renders a preview through a dummy request for the page's own URL, and the
            # admin shows it in a frame: the public policy, framed by the admin only.
            parts.replace = {"frame-ancestors": ["'self'"]}
        return parts


def lockout_response(request, original_response=None, credentials=None):
    """Back to the sign-in page, which tells the locked-out user how long to wait."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    messages.error(
        request,
        gettext(
            "Too many failed sign-in attempts: this account is locked for %(minutes)d minutes "
            "on this device. Try again later, or ask an administrator to unlock it."
        )
        % {"minutes": minutes},
    )
    return HttpResponseRedirect(request.get_full_path())
