"""Shared fixtures and the personas every test file uses.

Reference data (regions, KBJI, KBLI, education, skills) and the offices are loaded once into the
test database, so tests run against the real codes.
"""

from __future__ import annotations

import os

import hypothesis
import pytest
from django.conf import settings
from django.db import connection

from tests.factories import OfficerFactory, UserFactory

try:  # pytest >= 9.2: structured node ids
    from _pytest.nodeid import NodeId
except ImportError:  # pragma: no cover - older pytest, where xdist's own suffix works
    NodeId = None

# Property tests: no per-example time limit and no "too slow" health check. Wall-clock limits
# fail on a loaded, shared machine and say nothing about correctness; speed is measured in
# benchmarks/. A test's own @settings still sets the number of examples.
hypothesis.settings.register_profile(
    "antarkerja", deadline=None, suppress_health_check=[hypothesis.HealthCheck.too_slow]
)
hypothesis.settings.load_profile("antarkerja")

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


REDIS_URL = os.environ.get("TEST_REDIS_URL", "")


# Which tests must never run at the same time as each other, as `xdist_group` names: under
# `pytest -n 2 --dist loadgroup` (make test) each group runs on one worker, one test after another.
#   e2e       the browser journeys share one seeded server (a session fixture per worker);
#   services  the tests that start Redis clients, Celery workers, beats and gunicorn: the worker
#             tests use fixed Redis databases (/12, /13), and the fault matrix (module fixture:
#             its tests must share one worker) kills processes on a timer, so they are not run
#             beside each other on a 2-core machine.
# Fresh databases carry the worker's id (tests.helpers.fresh_database_name), and every process a
# test starts gets its own VAR_DIR, so two workers never share a database or a file.
XDIST_GROUPS = ("e2e", "services")


def xdist_group_of(item) -> str | None:
    if "e2e" in item.keywords or "/e2e/" in str(item.path).replace(os.sep, "/"):
        return "e2e"
    if any(mark in item.keywords for mark in ("redis", "celery", "faults")):
        return "services"
    return None


# tryfirst: xdist's own pytest_collection_modifyitems (on each worker) turns the xdist_group
# marks into the `@<group>` suffix of the node ids the scheduler groups by, so the marks must be
# there before it runs.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items) -> None:
    """Skip PostgreSQL/Redis tests locally when missing (in CI a skip of those is an error), and
    put the tests that must not run at once into their xdist group."""
    on_postgres = settings.IS_POSTGRES
    for item in items:
        if "postgres" in item.keywords and not on_postgres:
            if IN_CI:
                raise pytest.UsageError("CI must run on PostgreSQL: set DATABASE_URL.")
            item.add_marker(pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL)"))
        if "redis" in item.keywords and not REDIS_URL:
            if IN_CI:
                raise pytest.UsageError("CI must run with Redis: set REDIS_URL.")
            item.add_marker(pytest.mark.skip(reason="needs Redis (set REDIS_URL)"))
        group = xdist_group_of(item)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))


# tryfirst: before xdist's pytest_collection_finish sends the worker's node ids to the scheduler.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_finish(session) -> None:
    """On an xdist worker under --dist loadgroup, give every grouped test its `@<group>` node id
    suffix where xdist could not, and refuse to run if one is still missing.

    pytest 9.2 keeps node ids as structured `NodeId`s (`item._id`); pytest-xdist 3.8 still writes
    the suffix into the old `item._nodeid`, which pytest no longer reads, so --dist loadgroup
    silently spread every group over the workers (pytest-dev/pytest-xdist#1386, fix pending in
    #1388): that is why the browser and fault tests ran on both workers at once. Drop the
    `_id` rewrite once a pytest-xdist release carries the fix (the check stays)."""
    config = session.config
    if not hasattr(config, "workerinput") or not config.getvalue("loadgroup"):
        return
    lost = []
    for item in session.items:
        group = xdist_group_of(item)
        suffix = f"@{group}"
        if group and not item.nodeid.endswith(suffix):
            if NodeId is not None and isinstance(getattr(item, "_id", None), NodeId):
                item._id = NodeId.parse(item.nodeid + suffix)
            if not item.nodeid.endswith(suffix):
                lost.append(item.nodeid)
    if lost:
        raise pytest.UsageError(f"xdist groups not applied to {len(lost)} tests, e.g. {lost[0]}")


@pytest.fixture(scope="session")
def redis_url() -> str:
    """The Redis the Redis and worker tests talk to (REDIS_URL of the environment)."""
    return REDIS_URL


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the reference data and offices once per test database (idempotent, ~1 s)."""
    from placement.offices.services import sync_offices
    from placement.taxonomy.loaders import load_all

    with django_db_blocker.unblock():
        load_all()
        sync_offices()


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path) -> None:
    """MD5 hashing keeps the suite fast; uploads and matching snapshots go to a fresh folder per
    test, so tests never share files (and `pytest -n` workers, whose run ids repeat, never meet)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "private"
    # NICE 0: a test calling `run_matching` in-process keeps this process's priority (the nice
    # value is tested in child processes: tests/placement/matching/test_priority.py).
    settings.MATCHING = {**settings.MATCHING, "SNAPSHOT_DIR": tmp_path / "matching", "NICE": 0}
    settings.AXES_ENABLED = True


@pytest.fixture(autouse=True)
def _reference_data_in_transactional_tests(request) -> None:
    """pytest-django runs transactional tests after the others, and each ends by flushing every
    table, reference data and offices included: load them again first (idempotent, ~1 s), so the
    outcome does not depend on which transactional test ran before on this worker."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    from placement.offices.services import sync_offices
    from placement.taxonomy.loaders import load_all

    load_all()
    sync_offices()


@pytest.fixture
def db_vendor() -> str:
    return connection.vendor


# --- Personas --------------------------------------------------------------------------------
# alice: officer of Kota Palangka Raya (62.71): sees 62.71 only.
# bob: officer of Kab. Kotawaringin Barat (62.01): sees 62.01 only.
# carol: officer of the provincial office of Kalimantan Tengah (62): sees every regency of 62.
# nadia: national administrator: sees everything.
# sam: a job seeker: sees only their own records.
# erin: an employer user: sees only their own company.


@pytest.fixture
def alice(db):
    return OfficerFactory(office__code="62.71", user__email="alice@example.org").user


@pytest.fixture
def bob(db):
    return OfficerFactory(office__code="62.01", user__email="bob@example.org").user


@pytest.fixture
def carol(db):
    return OfficerFactory(office__code="62", user__email="carol@example.org").user


@pytest.fixture
def nadia(db):
    return OfficerFactory(
        office__code="00", user__email="nadia@example.org", user__role="national"
    ).user


@pytest.fixture
def sam(db):
    return UserFactory(email="sam@example.org", role="seeker")


@pytest.fixture
def erin(db):
    return UserFactory(email="erin@example.org", role="employer")


@pytest.fixture(autouse=True, scope="session")
def _force_login_passes_the_second_factor():
    """Tests sign officers in with `client.force_login`: for the roles that need a second factor
    this also records a verified TOTP device in the session, as if the code had been typed.
    Test-only (production code has no way around the second factor); the MFA tests sign in
    through the real pages instead (tests/security/test_mfa.py)."""
    from django.test import Client

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        if getattr(user, "needs_second_factor", False):
            from django_otp import DEVICE_ID_SESSION_KEY
            from django_otp.plugins.otp_totp.models import TOTPDevice

            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            if device is None:
                device = TOTPDevice.objects.create(user=user, name="tests", confirmed=True)
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    Client.force_login = force_login
    yield
    Client.force_login = original
