"""Who is signing in, and how many wrong passwords they may type.

Behind a proxy every request arrives from the proxy's address, so the client's own address is read from
X-Forwarded-For, trusting only the entries the configured proxies added. A username is locked at one
address after AXES_FAILURE_LIMIT failures; a whole address is locked only after many more failures
(SIGN_IN_FAILURES_PER_ADDRESS), enough for a department that signs in from behind one address.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from ipware import get_client_ip


def client_address(request):
    """The address of the browser, as the last of the TRUSTED_PROXY_COUNT proxies in front of the app saw it.

    Each proxy appends the address it was called from to X-Forwarded-For, so the client is the entry that
    many places from the right; anything further left was written by the client and is not trusted.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        # ipware counts the proxies listed in the header, which leaves out the last one (REMOTE_ADDR).
        forwarded, _ = get_client_ip(
            request,
            proxy_order="left-most",
            proxy_count=proxies - 1,
            request_header_order=["HTTP_X_FORWARDED_FOR"],
            strict=False,
        )
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR")


class SignInLimits(AxesDatabaseHandler):
    """django-axes' database handler with a second, higher limit on the failures from one address.

    Axes compares every lockout parameter with one failure limit, so the username-at-address limit is axes'
    own (AXES_LOCKOUT_PARAMETERS) and the address limit is counted here.
    """

    def get_failures(self, request, credentials=None):
        failures = super().get_failures(request, credentials)
        at_address = (
            AccessAttempt.objects.filter(
                ip_address=request.axes_ip_address, attempt_time__gte=get_cool_off_threshold(request)
            ).aggregate(total=Sum("failures_since_start"))["total"]
            or 0
        )
        if at_address >= settings.SIGN_IN_FAILURES_PER_ADDRESS:
            return max(failures, get_failure_limit(request, credentials))
        return failures
