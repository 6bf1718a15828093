import pytest
from django.test import Client

from placement.matching.models import MatchRun


def test_home_page_has_a_skip_link_search_and_language_switch(client, db):
    html = client.get("/").content.decode()
    assert 'href="#main"' in html
    assert 'role="search"' in html
    assert 'name="language" value="en"' in html


def test_home_page_is_indonesian_by_default_and_english_on_request(client, db):
    assert '<html lang="id">' in client.get("/").content.decode()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert '<html lang="en">' in client.get("/").content.decode()


def test_html_pages_send_the_security_headers(client, db):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp
    for directive in ("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"):
        assert directive in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_no_inline_scripts_or_styles_in_the_layout(client, db):
    html = client.get("/").content.decode()
    assert "<script>" not in html and "style=" not in html and "<style" not in html


def test_csrf_is_enforced_on_forms(db):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/accounts/login/", {"username": "a@example.org", "password": "x"})
    assert response.status_code == 403


def test_healthz_reports_the_database_and_the_last_nightly_run(client, db):
    MatchRun.objects.create(run_on="2026-11-28", status=MatchRun.Status.SUCCEEDED)
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["database"]["ok"] is True
    assert body["last_nightly_run"]["date"] == "2026-11-28"
    assert body["last_nightly_run"]["status"] == "succeeded"


def test_healthz_answers_503_when_redis_is_down(client, db, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["redis"]["ok"] is False


@pytest.mark.redis
def test_healthz_pings_a_real_redis(client, db, settings, redis_url):
    settings.REDIS_URL = redis_url
    body = client.get("/healthz").json()
    assert body["redis"] == {"ok": True, "configured": True, "ms": body["redis"]["ms"]}


def test_healthz_does_not_change_state_on_post(client, db):
    assert client.post("/healthz").status_code == 405


def test_an_english_browser_still_gets_indonesian_until_english_is_chosen(client, db):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="id">' in html
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert '<html lang="en">' in client.get("/", HTTP_ACCEPT_LANGUAGE="id").content.decode()


def _untranslated_or_fuzzy(po_text: str) -> list[str]:
    """The msgids of a .po file's entries marked fuzzy or with an empty translation."""
    found = []
    for entry in po_text.split("\n\n")[1:]:  # the first entry is the header
        lines = [line for line in entry.strip().splitlines() if not line.startswith("#")]
        msgid = next((line for line in lines if line.startswith("msgid ")), "")
        translations, current = [], None
        for line in lines:
            if line.startswith("msgstr"):
                current = line.split(" ", 1)[1].strip('"')
                translations.append(current)
            elif line.startswith('"') and current is not None:
                translations[-1] += line.strip('"')
            else:
                current = None
        if msgid and ("#, fuzzy" in entry or not all(translations)):
            found.append(msgid)
    return found


def test_every_message_has_an_indonesian_translation():
    """Indonesian is the default language: no English msgid may reach its pages untranslated,
    and no guessed (fuzzy) translation, which Django ignores."""
    from django.conf import settings

    po = (settings.BASE_DIR / "locale" / "id" / "LC_MESSAGES" / "django.po").read_text()
    assert _untranslated_or_fuzzy(po) == []
