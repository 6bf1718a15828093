"""The notification e-mail goes through a real Celery worker (Redis broker, PostgreSQL), once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import fresh_postgres_database

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.celery]

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def env(tmp_path_factory, redis_url):
    import redis

    database_url = fresh_postgres_database("notify")
    broker = redis_url.rsplit("/", 1)[0] + "/12"
    redis.Redis.from_url(broker).flushdb()
    environment = {
        **{k: v for k, v in os.environ.items() if k != "REDIS_URL"},
        "DEBUG": "1",
        "DATABASE_URL": database_url,
        "REDIS_URL": broker,
        "EMAIL_URL": "console://",
        "VAR_DIR": str(tmp_path_factory.mktemp("notify-var")),
    }
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=environment,
        check=True,
        timeout=300,
    )
    return environment


def test_a_notice_is_e_mailed_by_the_worker_exactly_once(env, tmp_path):
    log = tmp_path / "worker.log"
    with log.open("w") as output:
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "placement", "worker", "-c", "1",
             "--without-gossip", "--without-mingle", "--without-heartbeat", "-l", "warning"],
            cwd=ROOT, env=env, start_new_session=True, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        script = (
            "from django.db import transaction\n"
            "from placement.accounts.models import User\n"
            "from placement.notifications.services import notify\n"
            "user = User.objects.create_user('kerja@example.org', 'x-Kuat-2026!', role='seeker')\n"
            "for _ in range(2):\n"
            "    with transaction.atomic():\n"
            "        notify(users=[user], event='seeker.card_issued', key='W1',"
            " context={'number': '62-71-0001'})\n"
        )
        subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", script],
            cwd=ROOT, env=env, check=True, timeout=120,
        )  # fmt: skip
        deadline = time.monotonic() + 180  # a worker starts slowly on a loaded machine
        while "62-71-0001" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.5)
        time.sleep(2)
        text = log.read_text()
        assert text.count("Subject: AntarKerja: Kartu AK/I Anda sudah terbit: 62-71-0001") == 1, (
            text
        )
        assert "Content-Type: text/plain" in text and "Content-Type: text/html" in text
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=30)
