"""The Celery application; its configuration lives in settings (CELERY_* names)."""

import os
from datetime import datetime

from celery import Celery, Task
from celery.signals import worker_process_init

# One BLAS thread per worker process: with more, two processes are no faster than one
# (PERFORMANCE.md).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "placement.settings")


class GuardedTask(Task):
    """Refuses a countdown or ETA beyond half the broker's visibility timeout.

    Redis hands a delayed message to a worker at once and the worker keeps it unacknowledged
    until its time; past the visibility timeout Redis gives it to another worker as well, and the
    task runs twice. Refusing such a delay at publishing time makes that impossible (settings:
    CELERY_BROKER_TRANSPORT_OPTIONS)."""

    def apply_async(
        self,
        args=None,
        kwargs=None,
        task_id=None,
        producer=None,
        link=None,
        link_error=None,
        shadow=None,
        **options,
    ):
        limit = (self.app.conf.broker_transport_options or {}).get("visibility_timeout")
        if limit and not self.app.conf.task_always_eager:
            delay = _delay_seconds(options)
            if delay is not None and delay > limit / 2:
                raise ValueError(
                    f"{self.name}: a delay of {delay:.0f} s exceeds half the broker's visibility "
                    f"timeout ({limit} s); the message would be delivered twice."
                )
        return super().apply_async(
            args, kwargs, task_id, producer, link, link_error, shadow, **options
        )


def _delay_seconds(options: dict) -> float | None:
    if options.get("countdown") is not None:
        return float(options["countdown"])
    eta = options.get("eta")
    if eta is None:
        return None
    if isinstance(eta, str):
        eta = datetime.fromisoformat(eta)
    now = datetime.now(eta.tzinfo) if eta.tzinfo else datetime.now()
    return (eta - now).total_seconds()


app = Celery("placement", task_cls=GuardedTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_process_init.connect
def _load_word_indexes(**_kwargs) -> None:
    """Each worker process loads the word indexes once, before its first import task codes
    titles, places and skills."""
    # Imported here: only worker processes need the word modules; web processes load this app too.
    from placement.taxonomy.text.warm import warm_up

    warm_up()
