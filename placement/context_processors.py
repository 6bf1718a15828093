"""Values every page template needs."""

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, object]:
    """Expose the service name and whether demo hints may be shown."""
    return {"SITE_NAME": "AntarKerja", "DEMO_MODE": settings.DEBUG}
