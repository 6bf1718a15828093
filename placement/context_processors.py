"""Values every page template needs."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from placement.notifications.services import unread_count


def site(request: HttpRequest) -> dict[str, object]:
    """Expose the service name, whether demo hints may be shown and the unread notices (the
    bell: a cached count, read only when the page shows it)."""

    user = getattr(request, "user", None)
    return {
        "SITE_NAME": "AntarKerja",
        "DEMO_MODE": settings.DEBUG,
        "NOTIFICATIONS_UNREAD": SimpleLazyObject(lambda: unread_count(user) if user else 0),
    }
