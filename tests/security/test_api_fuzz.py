"""schemathesis against /api/schema/ with two identities, an officer and a seeker (SECURITY.md).

Bounded so it runs in every `make test` (and so in `.ci/run`): a fixed seed (derandomised
hypothesis), a few examples per operation, no shrinking. Checks: no 5xx, and every response
conforms to the schema (status code declared, body valid). A failure names the operation, the
identity and the request to reproduce it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from tests.factories import ApplicationFactory, JobSeekerFactory, OfficerFactory

EXAMPLES_PER_OPERATION = 5
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]

schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@pytest.fixture
def identities(db, settings) -> Iterator[dict[str, str]]:
    # Requests go straight to the WSGI application: keep Django from closing the test's
    # connection after each one, as its test client does.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    """An officer of 62.71 and a verified seeker of 62.71 with an application, each a token."""
    # Once per test, not per example: each assignment nests one more settings override.
    settings.AXES_ENABLED = False  # fuzzed sign-ins must not lock the fuzzing identities out
    officer = OfficerFactory(office__code="62.71", user__email="fuzz.officer@example.org").user
    seeker = JobSeekerFactory(verified=True, user__email="fuzz.seeker@example.org")
    ApplicationFactory(seeker=seeker)
    yield {
        "officer": Token.objects.create(user=officer).key,
        "seeker": Token.objects.create(user=seeker.user).key,
    }
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.parametrize("identity", ["officer", "seeker"])
@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_the_api_never_errs_and_keeps_to_its_schema(case, identity, identities):
    case.call_and_validate(
        headers={"Authorization": f"Token {identities[identity]}"}, checks=CHECKS
    )
