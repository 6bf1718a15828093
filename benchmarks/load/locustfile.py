"""A Monday morning at a Disnaker: the load mix of issue 18, against gunicorn on 127.0.0.1.

Public search 40 %, seekers' own pages 25 %, officers' lists and case files 25 %, API 10 %.
Accounts are the demo ones (`seed_demo`); ids to visit are read from the list pages, so the
scenario needs no database access. Every request is named "<kind>: <page>"; at the end the
figures per kind (p50, p95, max, errors) and the slowest pages go to LOAD_REPORT (JSON).

    locust -f benchmarks/load/locustfile.py --headless -u 50 -r 5 -t 10m --host http://127.0.0.1:8000
"""

from __future__ import annotations

import json
import os
import random
import re
from collections import defaultdict

from locust import FastHttpUser, between, events, task

PASSWORD = os.environ.get("LOAD_PASSWORD", "antarkerja-demo")
SEEKERS = ["seeker.6271@antarkerja.example", "seeker.6201@antarkerja.example"]
OFFICERS = ["officer.6271@antarkerja.example", "officer.6201@antarkerja.example"]
WORDS = ["kasir", "operator", "guru", "perawat", "sopir", "admin", "teknisi", "penjualan", ""]
REGIONS = ["", "62", "62.71", "62.01", "31", "35"]
HEADERS = {"Accept-Language": "id"}

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
        query = f"/?q={random.choice(WORDS)}&region={random.choice(REGIONS)}"
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
        response = self.client.post(
            "/api/v1/auth/token/",
            json={"email": random.choice(OFFICERS), "password": PASSWORD},
            name="login: api token",
        )
        self.auth = {**HEADERS, "Authorization": f"Token {response.json()['token']}"}

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
