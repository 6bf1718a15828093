"""AntarKerja: the project package and the shared core of the placement service."""

from placement.celery import app as celery_app

__all__ = ("celery_app",)
