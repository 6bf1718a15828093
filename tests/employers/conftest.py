"""Employer personas on top of tests/conftest.py.

erin_company: erin (employer user) administers a verified company in 62.71: sees only it.
fiona: employer user of another verified company, in 62.01: must never see erin's company.
"""

from __future__ import annotations

import pytest

from tests.factories import EmployerUserFactory, UserFactory


@pytest.fixture
def erin_company(erin):
    return EmployerUserFactory(user=erin, employer__regency_id="62.71").employer


@pytest.fixture
def fiona(db):
    user = UserFactory(email="fiona@example.org", role="employer")
    EmployerUserFactory(user=user, employer__regency_id="62.01")
    return user
