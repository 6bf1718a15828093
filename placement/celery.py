"""The Celery application; its configuration lives in settings (CELERY_* names)."""

import os

from celery import Celery

# One BLAS thread per worker process: with more, two processes are no faster than one
# (PERFORMANCE.md).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "placement.settings")

app = Celery("placement")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
