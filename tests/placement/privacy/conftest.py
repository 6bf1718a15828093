from __future__ import annotations

import pytest

from tests.factories import JobSeekerFactory, UserFactory


@pytest.fixture
def priya(db):
    """The privacy officer (data protection officer)."""
    return UserFactory(email="priya@example.org", role="privacy")


@pytest.fixture
def dewi(db, sam):
    """Sam's verified registration in Kota Palangka Raya (62.71)."""
    return JobSeekerFactory(verified=True, user=sam)
