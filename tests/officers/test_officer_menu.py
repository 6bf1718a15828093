"""Every officer page carries the officer menu, the queues and the matching runs too (issue 14)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "url",
    [
        "/officer/seekers/verify/",
        "/officer/employers/",
        "/officer/vacancies/",
        "/officer/matching/",
    ],
)
def test_the_officer_menu_is_on_the_page(client, carol, url):
    client.force_login(carol)
    response = client.get(url)
    assert response.status_code == 200
    assert 'class="officer-nav"' in response.content.decode()
