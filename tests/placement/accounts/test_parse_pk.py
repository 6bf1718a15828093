"""One primary-key parser for every door: anything that cannot name a row answers 404."""

from __future__ import annotations

import pytest
from django.http import Http404

from placement.accounts.access import parse_pk


@pytest.mark.parametrize("value", ["42", 42, " 42 "])
def test_a_positive_number_is_a_primary_key(value):
    assert parse_pk(value) == 42


@pytest.mark.parametrize("value", [None, "", "abc", "4.2", "0", "-1", str(2**63), "9" * 30])
def test_anything_else_is_not_found(value):
    with pytest.raises(Http404):
        parse_pk(value)


def test_an_out_of_range_seeker_id_is_not_found_through_the_api(client, alice):
    client.force_login(alice)
    response = client.get(f"/api/v1/jobseekers/{'9' * 25}/")
    assert response.status_code == 404


def test_an_out_of_range_vacancy_id_is_not_found_on_the_officer_pages(client, alice):
    client.force_login(alice)
    response = client.get(f"/officer/referrals/new/?vacancy={'9' * 25}")
    assert response.status_code == 404
