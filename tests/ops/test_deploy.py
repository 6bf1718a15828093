"""The production runner: gunicorn + WhiteNoise, the systemd units and the compose file."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
THIRD_PARTY_STATIC = (
    "admin",
    "drf_spectacular_sidecar",
    "rest_framework",
    "django_otp",
    "otp_totp",
)
UNITS = sorted((ROOT / "deploy" / "systemd").glob("antarkerja-*"))


ENV_READ = re.compile(
    r"""(?:env_\w+|os\.environ\.get|os\.getenv|os\.environ\[)\(?\s*["']([A-Z][A-Z0-9_]+)["']"""
)


def test_the_example_environment_names_every_variable_the_code_reads():
    # The person installing reads deploy/env.example, not the code: a variable only the code
    # knows (SITE_URL was one: every e-mail linked to 127.0.0.1) is a setting nobody sets.
    read = set()
    for folder in ("placement", "jobseekers", "employers", "officers", "deploy"):
        for path in (ROOT / folder).rglob("*.py"):
            if "tests" not in path.parts and "demo" not in path.parts:
                read |= set(ENV_READ.findall(path.read_text()))
    example = (ROOT / "deploy" / "env.example").read_text()
    named = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", example, re.MULTILINE))
    assert "SITE_URL" in read and "GUNICORN_BIND" in read  # the scan finds what it should
    # Variables Django itself sets, not settings a person installing chooses.
    set_by_django = {"RUN_MAIN"}  # the development server's autoreloader child
    assert sorted(read - named - set_by_django) == []


def test_the_example_environment_can_be_read_by_the_shell_as_the_readme_does(tmp_path):
    # README: `set -a; . /etc/antarkerja/env; set +a`. An unquoted `<...>` was a syntax error
    # there, and every line after it (VAR_DIR, PRIVATE_MEDIA_ROOT, METRICS_TOKEN) went missing.
    result = subprocess.run(
        ["bash", "-c", 'set -e; set -a; . "$0"; set +a; env', str(ROOT / "deploy" / "env.example")],
        capture_output=True,
        text=True,
        timeout=30,
        env={"PATH": os.environ["PATH"]},
    )
    assert result.returncode == 0 and not result.stderr, result.stderr
    env = dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)
    assert env["DEFAULT_FROM_EMAIL"] == "AntarKerja <noreply@antarkerja.example.go.id>"
    assert env["METRICS_TOKEN"] and env["PRIVATE_MEDIA_ROOT"].startswith(env["VAR_DIR"])


def test_every_static_file_a_template_names_exists(settings):
    # In production the manifest storage answers a page naming a missing file with a 500; in
    # development (DEBUG) the same page works, so only this finds the typo before a release.
    from django.contrib.staticfiles import finders

    named = set()
    for path in ROOT.rglob("*.html"):
        if ".venv" not in path.parts and "node_modules" not in path.parts:
            named |= set(re.findall(r"""\{% static ['"]([^'"]+)['"]""", path.read_text()))
    assert "css/site.css" in named
    assert sorted(name for name in named if not finders.find(name)) == []


def test_web_worker_beat_and_backup_units_exist():
    assert [u.name for u in UNITS] == [
        "antarkerja-backup.service",
        "antarkerja-backup.timer",
        "antarkerja-beat.service",
        "antarkerja-web.service",
        "antarkerja-worker.service",
    ]


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze not installed")
def test_systemd_units_pass_systemd_analyze_verify(tmp_path):
    # The units name /srv/antarkerja and /etc/antarkerja/env; verify checks that the programs
    # exist, so the copies point at this checkout and an empty environment file.
    (tmp_path / "env").write_text("")
    copies = []
    for unit in UNITS:
        text = unit.read_text().replace("/etc/antarkerja/env", str(tmp_path / "env"))
        text = text.replace("/srv/antarkerja", str(ROOT))
        copy = tmp_path / unit.name
        copy.write_text(text)
        copies.append(str(copy))
    result = subprocess.run(
        ["systemd-analyze", "verify", *copies],
        capture_output=True,
        text=True,
        timeout=60,
    )
    problems = [line for line in result.stderr.splitlines() if "antarkerja" in line]
    assert result.returncode == 0 and not problems, result.stderr


def test_compose_file_is_valid_against_the_compose_specification():
    # check-jsonschema ships the Compose Specification's JSON schema (vendor.compose-spec), so
    # this works offline; `docker compose config` is not installed on these machines.
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.compose-spec",
            str(ROOT / "compose.yaml"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_file_runs_postgres_redis_web_worker_and_beat_from_one_image():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert set(services) == {"db", "redis", "web", "worker", "beat"}
    assert services["db"]["image"].startswith("postgres:")
    assert services["redis"]["image"].startswith("redis:")
    assert "gunicorn" in services["web"]["command"]
    assert services["worker"]["command"][:4] == ["celery", "-A", "placement", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "placement", "beat"]
    for name in ("web", "worker", "beat"):
        assert services[name]["build"] == "."
        assert services[name]["environment"]["REDIS_URL"].startswith("redis://redis:")
    assert (ROOT / "Dockerfile").exists()


def _pip_installs(target: str, venv: Path) -> list[str]:
    """The requirement files `make <target>` installs into a fresh virtualenv at `venv`."""
    plan = subprocess.run(
        ["make", "--dry-run", "--always-make", target, f"VENV={venv}"],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=ROOT,
        check=True,
    ).stdout
    return re.findall(r"pip install --quiet -r (\S+)", plan)


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
@pytest.mark.parametrize("target", ["venv-prod", "serve", "serve-worker", "beat"])
def test_a_server_installs_the_runtime_requirements_only(tmp_path, target):
    # The test, lint and benchmark tools (requirements-dev.txt) have no place on a server.
    assert _pip_installs(target, tmp_path / "venv") == ["requirements.txt"]


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
@pytest.mark.parametrize("target", ["venv", "run", "test", "lint", "worker"])
def test_a_development_machine_installs_the_dev_requirements(tmp_path, target):
    assert _pip_installs(target, tmp_path / "venv") == ["requirements-dev.txt"]


def test_the_production_instructions_and_image_install_the_runtime_requirements_only():
    readme = (ROOT / "README.md").read_text()
    production = readme[readme.index("## Production") :]
    production = production[: production.index("\n## ", 1)]
    assert "make venv-prod" in production
    assert not re.search(r"make venv(?!-prod)", production)  # the dev virtualenv
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.findall(r"pip install .*-r (\S+)", dockerfile) == ["requirements.txt"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, **headers: str) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(  # noqa: S310 - loopback http only
        url, headers={"X-Forwarded-Proto": "https", **headers}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - loopback
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_gunicorn_serves_hashed_compressed_static_files_and_never_the_media_folder(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DEBUG", "REDIS_URL")},
        "DEBUG": "0",
        "SECRET_KEY": "test-only-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "WEB_CONCURRENCY": "2",
        # Not made here: a fresh compose volume has no such folder (every request was a 500).
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "run" / "metrics"),
        "METRICS_TOKEN": "deploy-test-token",
    }
    subprocess.run(
        # The project's own files only: compressing the admin's and Swagger's thousand files
        # takes minutes on a busy machine and proves nothing more.
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"]
        + [f"--ignore={name}" for name in THIRD_PARTY_STATIC],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=600,
    )
    manifest = json.loads((tmp_path / "static" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    assert hashed != "css/site.css" and (tmp_path / "static" / (hashed + ".gz")).exists()
    private = tmp_path / "private" / "cv"
    private.mkdir(parents=True)
    (private / "secret.pdf").write_bytes(b"%PDF-1.4 secret")

    port = _free_port()
    log = tmp_path / "gunicorn.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                "deploy/gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{port}",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while True:
            try:
                status, _, _ = _get(base + "/healthz")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise AssertionError(log.read_text()) from None
                time.sleep(0.3)
        assert status == 200
        status, headers, body = _get(f"{base}/static/{hashed}", **{"Accept-Encoding": "gzip"})
        assert status == 200
        assert headers.get("Content-Encoding") == "gzip"
        assert "immutable" in headers.get("Cache-Control", "")
        for path in ("/private/cv/secret.pdf", "/media/cv/secret.pdf", "/cv/secret.pdf"):
            status, _, body = _get(base + path)
            assert status == 404 and b"secret" not in body
        for _ in range(6):
            _get(base + "/healthz")
        # The counts of both gunicorn workers, added up through the multiprocess folder.
        status, _, body = _get(base + "/metrics", Authorization="Bearer deploy-test-token")
        assert status == 200
        counts = [
            line
            for line in body.decode().splitlines()
            if line.startswith("antarkerja_http_request_duration_seconds_count")
            and 'view="healthz"' in line
        ]
        assert counts and float(counts[0].split()[-1]) >= 7
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
    access = log.read_text()
    line = json.loads(next(x for x in access.splitlines() if '"path":"/healthz"' in x))
    assert line["status"] == 200 and len(line["request_id"]) == 32


def test_each_gunicorn_worker_loads_the_word_indexes_before_it_serves():
    import runpy
    from unittest import mock

    from placement.taxonomy.text import occupation_index

    config = runpy.run_path("deploy/gunicorn.conf.py")
    worker = mock.Mock()
    with mock.patch.object(occupation_index, "_index", None):
        config["post_worker_init"](worker)
        assert occupation_index._index is not None
    message, seconds = worker.log.info.call_args.args
    assert message.startswith("Loaded the word indexes") and seconds >= 0


def test_the_taxonomy_app_warms_nothing_outside_the_development_server(monkeypatch):
    import threading

    from django.apps import apps

    monkeypatch.setenv("RUN_MAIN", "true")
    monkeypatch.setattr("sys.argv", ["manage.py", "migrate"])
    before = threading.active_count()
    apps.get_app_config("taxonomy").ready()
    assert threading.active_count() == before
