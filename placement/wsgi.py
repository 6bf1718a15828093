"""WSGI entry point (gunicorn placement.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "placement.settings")
application = get_wsgi_application()
