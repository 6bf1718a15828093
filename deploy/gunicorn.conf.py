"""Gunicorn settings for AntarKerja (`make serve`, the systemd unit and the container).

Every value can be overridden from the environment without editing this file:
GUNICORN_BIND, WEB_CONCURRENCY (worker processes), GUNICORN_THREADS, GUNICORN_TIMEOUT,
GUNICORN_ACCESS_LOG ("-" = standard output), GUNICORN_MAX_REQUESTS.
"""

from __future__ import annotations

import multiprocessing
import os

wsgi_app = "placement.wsgi:application"
# Loopback by default: a reverse proxy (nginx, Caddy) in front terminates TLS.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Workers from the cores: 2 per core + 1 is gunicorn's rule for a mostly I/O-bound Django app.
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
worker_class = "gthread" if threads > 1 else "sync"

# A request taking longer than this is killed (the page budgets are far below it).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak never grows for months.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10

# Access log: one JSON object per request with its id (X-Request-ID, also in the application's
# log lines) and duration in microseconds. The path is logged without its query string, which
# can hold search terms (personal data stays out of logs).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
access_log_format = (
    '{"time":"%(t)s","type":"access","remote":"%(h)s","method":"%(m)s","path":"%(U)s",'
    '"status":%(s)s,"bytes":"%(B)s","duration_us":%(D)s,"request_id":"%({x-request-id}o)s"}'
)
# The client address comes from the proxy on the same host only.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Request line and header limits: gunicorn's defaults, written down.
limit_request_line = 4094
limit_request_fields = 100


# Prometheus metrics of all workers (and of the Celery processes on this host) are added up
# through files in PROMETHEUS_MULTIPROC_DIR (a folder under /run, emptied at boot); a dead
# worker's files are marked so its live gauges drop out.
def child_exit(server, worker) -> None:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)


# The occupation coder's index: built once here when missing or stale (first start, or an upgrade
# that changed its data files), so each worker loads it in under a second instead of building it
# for seconds on its first request, again after every `max_requests` restart.
def on_starting(server) -> None:
    from placement.taxonomy.text.occupation_index import ARTEFACT_PATH, ensure_artefact

    try:
        if ensure_artefact():
            server.log.info("Built the occupation index %s", ARTEFACT_PATH)
    except OSError as error:  # a read-only VAR_DIR: workers build the index in memory instead
        server.log.warning("Could not write the occupation index: %s", error)


# Each worker then loads the word indexes (the occupation coder's, places, skills) before it
# serves, so the first search after a start or a `max_requests` restart takes milliseconds, not
# seconds.
def post_worker_init(worker) -> None:
    from django.urls import get_resolver

    from placement.taxonomy.text.warm import warm_up

    get_resolver().url_patterns  # noqa: B018 (imports the views, as the first request would)
    worker.log.info("Loaded the word indexes in %.2f s", warm_up())
