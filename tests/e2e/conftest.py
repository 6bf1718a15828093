"""Browser tests: a real server process on its own database, driven by Debian's chromium.

The server is set up exactly as `make run` does (migrate, load_reference_data, seed_demo) on a
fresh database: `<name>_e2e` on PostgreSQL when DATABASE_URL points there, else a SQLite file.
"""

from __future__ import annotations

import contextlib
import email
import email.policy
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest

from tests.helpers import fresh_postgres_database

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
DEMO_PASSWORD = "antarkerja-demo"


def pytest_collection_modifyitems(config, items) -> None:
    """Mark browser tests and run them last (in one process; their fixtures end with them)."""
    items.sort(key=lambda item: "tests/e2e/" in str(item.fspath).replace(os.sep, "/"))
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)
            if not Path(CHROMIUM).exists():
                if os.environ.get("CI"):
                    raise pytest.UsageError("CI needs chromium for the browser tests.")
                item.add_marker(pytest.mark.skip(reason="chromium is not installed"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fresh_database_url(tmp: Path) -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{tmp / 'e2e.sqlite3'}"
    return fresh_postgres_database("e2e")


# Package scope, not session: both end after the last browser test of a worker, so the server
# stops and Playwright's event loop is closed before any other test runs there (Django refuses
# database work while that loop runs: SynchronousOnlyOperation). In one process the browser tests
# run last anyway; under `pytest -n 2 --dist loadgroup` their group can come first on a worker.
class Outbox:
    """The e-mails the server sent: `EMAIL_URL=file://<folder>` writes them there (Django's file
    backend: a file per connection, each message followed by a line of 79 dashes)."""

    SEPARATOR = b"\n" + b"-" * 79 + b"\n"

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def to(self, address: str) -> list[EmailMessage]:
        """The e-mails to `address`, oldest first (the demo data's own e-mails are there too)."""
        needle = address.encode()
        found = []
        for path in sorted(self.folder.glob("*.log"), key=lambda p: p.stat().st_mtime_ns):
            for chunk in path.read_bytes().split(self.SEPARATOR):
                if needle in chunk:
                    message = email.message_from_bytes(chunk, policy=email.policy.default)
                    if address in str(message.get("To", "")):
                        found.append(message)
        return found

    def find(self, address: str, *subject: str) -> EmailMessage:
        """The e-mail to `address` whose subject contains each `subject` (tasks run in the server's
        process after the commit, so it is written when the page has answered; a short wait
        covers the file being flushed)."""
        for _attempt in range(25):
            for message in self.to(address):
                if all(part in str(message["Subject"]) for part in subject):
                    return message
            time.sleep(0.2)
        subjects = [str(m["Subject"]) for m in self.to(address)]
        raise AssertionError(f"no e-mail to {address} about {subject!r}; it has {subjects}")


@pytest.fixture(scope="package")
def mail_folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("mail")


@pytest.fixture
def outbox(mail_folder) -> Outbox:
    """What the server e-mailed to whom (the browser tests' counterpart of `mail.outbox`)."""
    return Outbox(mail_folder)


@pytest.fixture(scope="package")
def live_url(tmp_path_factory, mail_folder) -> Iterator[str]:
    """Base URL of a server seeded like `make run` (reference data, demo data, one matching run)."""
    tmp = tmp_path_factory.mktemp("e2e")
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL",)}
    env.update(
        DEBUG="1",
        DATABASE_URL=_fresh_database_url(tmp),
        EMAIL_URL=f"file://{mail_folder}",
        VAR_DIR=str(tmp / "var"),
        AXES_FAILURE_LIMIT="50",
        PYTHONUNBUFFERED="1",
    )

    def manage(*args: str) -> None:
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=600,
            stdout=subprocess.DEVNULL,
        )

    manage("migrate", "--noinput")
    manage("load_reference_data")
    manage("build_occupation_index")
    manage(
        "seed_demo",
        "--seekers",
        os.environ.get("E2E_SEEKERS", "300"),
        "--vacancies",
        os.environ.get("E2E_VACANCIES", "60"),
    )
    manage("run_matching")
    port = _free_port()
    log = open(tmp / "server.log", "w")  # noqa: SIM115 - closed at teardown
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    break
        except OSError:
            pass
        if time.monotonic() > deadline or server.poll() is not None:
            server.kill()
            raise RuntimeError((tmp / "server.log").read_text()[-3000:])
        time.sleep(0.3)
    # Load the occupation coder's index once before the journeys, as the first visitor of a
    # production server would, so no journey waits on it under a loaded machine.
    with contextlib.suppress(OSError):
        urllib.request.urlopen(  # noqa: S310
            f"{base}/api/v1/taxonomy/occupations/suggest/?title=kasir", timeout=60
        ).close()
    yield base
    server.terminate()
    server.wait(timeout=10)
    log.close()


@pytest.fixture(scope="package")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_url) -> Iterator[object]:
    context = browser.new_context(base_url=live_url, locale="id-ID")
    context.set_default_timeout(30_000)  # generous: CI machines are shared
    page = context.new_page()
    yield page
    context.close()


def sign_in(page, email: str, password: str = DEMO_PASSWORD) -> None:
    """Sign in through the real form; staff then type the code of the demo authenticator."""
    page.goto("/accounts/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", password)
    page.click("form button[type=submit]:not([name=language])")
    page.wait_for_load_state()
    if "/accounts/mfa/verify/" in page.url:
        page.fill("#id_code", demo_totp_code(email))
        page.click("form button[type=submit]:not([name=language]):not(.link-button)")
        page.wait_for_load_state()


_LAST_STEP: dict[str, int] = {}


def demo_totp_code(email: str) -> str:
    """A code of the demo authenticator (the key seed_demo gives the demo staff) that this account
    has not used yet: a TOTP code is accepted once, so a second sign-in within the same 30
    seconds takes the next step's code (the server accepts one step ahead) or waits."""
    from binascii import unhexlify

    from django_otp.oath import TOTP

    from placement.demo.accounts import DEMO_TOTP_KEY_HEX

    now_step = int(time.time()) // 30
    step = max(now_step, _LAST_STEP.get(email, -1) + 1)
    if step > now_step + 1:
        time.sleep((step - 1) * 30 - time.time() + 0.5)
    _LAST_STEP[email] = step
    totp = TOTP(unhexlify(DEMO_TOTP_KEY_HEX), step=30, t0=0, digits=6)
    totp.time = step * 30
    return f"{totp.token():06d}"


def axe_violations(page, impacts: tuple[str, ...] = ("serious", "critical")) -> list[dict]:
    """axe-core violations of the given impact on the current page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [v for v in results.response["violations"] if v.get("impact") in impacts]


def pick(page, field: str, query: str, value: str) -> None:
    """Use a taxonomy picker without relying on its JavaScript: search, then tick."""
    page.fill(f"input[name={field}_q]", query)
    page.click(f"button[name={field}_search]")
    page.wait_for_load_state()
    page.check(f"input[name={field}][value='{value}']")


def add_vocational_school(page, major: str, school: str, year: int) -> None:
    """On the seeker's education step, add an upper-secondary vocational school (SMK)."""
    page.select_option("#id_level", "3000")
    page.select_option("#id_school_type", "smk")
    page.fill("#id_major", major)
    page.fill("#id_school", school)
    page.fill("#id_graduation_year", str(year))
    page.click("button[name=action][value=add]")
    page.wait_for_load_state()


def open_seeker_account(page, email: str, password: str) -> None:
    """The seeker registration's first step (e-mail and password twice), up to the identity step."""
    page.goto("/seeker/register/")
    page.fill("#id_email", email)
    page.fill("#id_password1", password)
    page.fill("#id_password2", password)
    page.click("main form button.button:not(.button-secondary)")
    page.wait_for_url("**/seeker/register/identity/")
