"""A Monday morning at a Disnaker: the load mix of issue 18, against gunicorn on 127.0.0.1.

Public search 40 %, seekers' own pages 25 %, officers' lists and case files 25 %, API 10 %.
Accounts are the demo ones (`seed_demo`); ids to visit are read from the list pages, so the
scenario needs no database access. Officers pass the second factor as staff do: once per account
at the start (the demo authenticator's code, "remember this device"), then every officer user
signs in with the password and that device cookie; API users share one token per account.
Every request is named "<kind>: <page>"; at the end the figures per kind (p50, p95, max, errors)
and the slowest pages go to LOAD_REPORT (JSON).

    locust -f benchmarks/load/locustfile.py --headless -u 50 -r 5 -t 10m --host http://127.0.0.1:8000
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import random
import re
import time
import urllib.parse
import urllib.request
from collections import defaultdict

from django_otp.oath import TOTP
from locust import FastHttpUser, between, events, task

PASSWORD = os.environ.get("LOAD_PASSWORD", "antarkerja-demo")
SEEKERS = ["seeker.6271@antarkerja.example", "seeker.6201@antarkerja.example"]
OFFICERS = ["officer.6271@antarkerja.example", "officer.6201@antarkerja.example"]
WORDS = ["kasir", "operator", "guru", "perawat", "sopir", "admin", "teknisi", "penjualan", ""]
# The home page's region filters (its form has no "region" field: a province or a regency).
REGIONS = ["", "&province=62", "&regency=62.71", "&regency=62.01", "&province=31", "&province=35"]
HEADERS = {"Accept-Language": "id"}
# The demo staff's authenticator key: placement.demo.accounts.DEMO_TOTP_KEY_HEX (public, like the
# demo password; importing it here would need Django set up in the load generator).
TOTP_KEY_HEX = os.environ.get("LOAD_TOTP_KEY_HEX", "616e7461726b65726a612d64656d6f2d746f7470")
REMEMBER_COOKIE = "ak_mfa_remember"

_VACANCY = re.compile(r'href="/vacancies/(\d+)/"')
_SEEKER = re.compile(r'href="/officer/seekers/(\d+)/"')
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

TIMES: dict[str, list[float]] = defaultdict(list)
ERRORS: dict[str, int] = defaultdict(int)
BY_NAME: dict[str, list[float]] = defaultdict(list)


@events.request.add_listener
def _record(name, response_time, exception, **kwargs) -> None:
    kind = name.split(":", 1)[0]
    if kind == "login":
        return
    TIMES[kind].append(response_time)
    BY_NAME[name].append(response_time)
    if exception:
        ERRORS[kind] += 1


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * p))], 1) if ordered else 0.0


# Per officer account, set up once at the start: the "remember this device" cookie and an API token.
STAFF: dict[str, dict] = {}
_USED_STEP: dict[str, int] = {}


def _code(email: str) -> str:
    """A code of the demo authenticator this account has not used yet (a code is accepted once;
    the server also takes the next step's code, so a second one within 30 s uses that)."""
    step = max(int(time.time()) // 30, _USED_STEP.get(email, -1) + 1)
    while step > int(time.time()) // 30 + 1:
        time.sleep(1)
    _USED_STEP[email] = step
    totp = TOTP(bytes.fromhex(TOTP_KEY_HEX), step=30, t0=0, digits=6)
    totp.time = step * 30
    return f"{totp.token():06d}"


def _staff_session(host: str, email: str) -> dict:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def post(path: str, page: str, fields: dict) -> str:
        token = _CSRF.search(page)[1]
        data = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(  # noqa: S310 - the loopback server under test
            host + path, data=data, headers={"Referer": host + path}
        )
        with opener.open(request, timeout=60) as response:
            return response.geturl()

    with opener.open(host + "/accounts/login/", timeout=60) as response:
        page = response.read().decode()
    landed = post("/accounts/login/", page, {"username": email, "password": PASSWORD})
    path = urllib.parse.urlsplit(landed).path
    with opener.open(host + path, timeout=60) as response:
        page = response.read().decode()
    post(path, page, {"code": _code(email), "remember": "on"})
    remember = next((c for c in jar if c.name == REMEMBER_COOKIE), None)
    if remember is None:
        raise RuntimeError(f"the second factor of {email} was not accepted")
    request = urllib.request.Request(  # noqa: S310 - the loopback server under test
        host + "/api/v1/auth/token/",
        data=json.dumps({"email": email, "password": PASSWORD, "otp": _code(email)}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - loopback
        token = json.loads(response.read())["token"]
    return {"remember": remember, "token": token}


@events.test_start.add_listener
def _sign_in_staff(environment, **kwargs) -> None:
    for email in OFFICERS:
        STAFF[email] = _staff_session(environment.host, email)


@events.quitting.add_listener
def _report(environment, **kwargs) -> None:
    kinds = {
        kind: {
            "requests": len(values),
            "errors": ERRORS[kind],
            "p50_ms": _pct(values, 0.50),
            "p95_ms": _pct(values, 0.95),
            "max_ms": round(max(values), 1),
        }
        for kind, values in sorted(TIMES.items())
    }
    slowest = sorted(
        ((name, _pct(values, 0.95), len(values)) for name, values in BY_NAME.items()),
        key=lambda item: -item[1],
    )[:5]
    total = environment.stats.total
    report = {
        "requests": total.num_requests,
        "failures": total.num_failures,
        "rps": round(total.total_rps, 1),
        "kinds": kinds,
        "slowest_p95": [{"page": n, "p95_ms": p, "requests": c} for n, p, c in slowest],
    }
    path = os.environ.get("LOAD_REPORT")
    if path:
        with open(path, "w") as handle:
            json.dump(report, handle, indent=2)
    print("LOAD_REPORT " + json.dumps(report))


class _Base(FastHttpUser):
    abstract = True
    wait_time = between(1, 4)  # people read pages between clicks

    def get(self, path: str, name: str):
        with self.client.get(path, name=name, headers=HEADERS, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
            return response

    def sign_in(self, email: str) -> None:
        if email in STAFF:  # this browser passed the second factor before ("remember")
            self.client.cookiejar.set_cookie(STAFF[email]["remember"])
        page = self.client.get("/accounts/login/", name="login: form", headers=HEADERS)
        token = _CSRF.search(page.text or "")
        response = self.client.post(
            "/accounts/login/",
            data={"username": email, "password": PASSWORD, "csrfmiddlewaretoken": token[1]},
            headers={**HEADERS, "Referer": self.host + "/accounts/login/"},
            name="login: submit",
            allow_redirects=False,
        )
        if response.status_code != 302:
            raise RuntimeError(f"sign-in of {email} failed: HTTP {response.status_code}")


class PublicSearch(_Base):
    weight = 40

    def on_start(self) -> None:
        self.vacancies: list[str] = []

    @task(5)
    def search(self) -> None:
        query = f"/?q={random.choice(WORDS)}{random.choice(REGIONS)}"
        response = self.get(query, "public: search")
        found = _VACANCY.findall(response.text or "")
        if found:
            self.vacancies = found

    @task(3)
    def vacancy(self) -> None:
        if self.vacancies:
            self.get(f"/vacancies/{random.choice(self.vacancies)}/", "public: vacancy")

    @task(1)
    def statistics(self) -> None:
        self.get("/statistik/", "public: statistics")


class Seeker(_Base):
    weight = 25

    def on_start(self) -> None:
        self.sign_in(random.choice(SEEKERS))

    @task(3)
    def portal(self) -> None:
        self.get("/seeker/", "seeker: portal")

    @task(3)
    def recommendations(self) -> None:
        self.get("/seeker/recommendations/", "seeker: recommendations")

    @task(1)
    def profile(self) -> None:
        self.get("/seeker/profile/", "seeker: profile")

    @task(1)
    def applications(self) -> None:
        self.get("/applications/mine/", "seeker: applications")


class Officer(_Base):
    weight = 25

    def on_start(self) -> None:
        self.sign_in(random.choice(OFFICERS))
        self.seekers: list[str] = []

    @task(3)
    def seeker_list(self) -> None:
        page = random.randint(1, 3)
        response = self.get(f"/officer/caseload/seekers/?page={page}", "officer: seeker list")
        found = _SEEKER.findall(response.text or "")
        if found:
            self.seekers = found

    @task(3)
    def case_file(self) -> None:
        if self.seekers:
            pk = random.choice(self.seekers)
            self.get(f"/officer/seekers/{pk}/", "officer: case file")

    @task(1)
    def matches(self) -> None:
        if self.seekers:
            pk = random.choice(self.seekers)
            self.get(f"/officer/seekers/{pk}/matches/", "officer: seeker matches")

    @task(2)
    def vacancy_list(self) -> None:
        self.get("/officer/vacancies/", "officer: vacancy list")

    @task(1)
    def dashboard(self) -> None:
        self.get("/officer/", "officer: dashboard")


class Api(_Base):
    weight = 10

    def on_start(self) -> None:
        token = STAFF[random.choice(OFFICERS)]["token"]  # one integration token per account
        self.auth = {**HEADERS, "Authorization": f"Token {token}"}

    def api(self, path: str, name: str) -> None:
        with self.client.get(path, name=name, headers=self.auth, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")

    @task(3)
    def vacancies(self) -> None:
        self.api("/api/v1/vacancies/", "api: vacancies")

    @task(3)
    def jobseekers(self) -> None:
        self.api("/api/v1/jobseekers/", "api: jobseekers")

    @task(1)
    def runs(self) -> None:
        self.api("/api/v1/matching/runs/", "api: matching runs")

    @task(1)
    def skills(self) -> None:
        self.api(f"/api/v1/taxonomy/skills/?search={random.choice(WORDS)}", "api: skills")
