"""Small accessibility defects of the officer pages found by axe (issue 14, item 8)."""

from __future__ import annotations

import re

import pytest
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils import translation

from placement.reports import services
from tests.placement.reports.conftest import MONTH


@pytest.fixture
def built(ledger):
    services.build_month(month=MONTH)


def test_the_iii_1_table_has_no_empty_header(client, alice, built):
    client.force_login(alice)
    html = client.get("/officer/reports/ipk/iii-1/", {"month": "2025-03"}).content.decode()
    assert 'id="ipk-vacancies"' in html
    assert not re.search(r"<th[^>]*>\s*</th>", html)


def test_a_list_paged_at_the_top_and_bottom_has_two_differently_named_pagers():
    page = Paginator(list(range(120)), 50).get_page(2)
    with translation.override("id"):
        top = render_to_string(
            "officers/components/pagination.html", {"page": page, "where": "top"}
        )
        bottom = render_to_string("officers/components/pagination.html", {"page": page})
    labels = [re.search(r'<nav[^>]*aria-label="([^"]+)"', html).group(1) for html in (top, bottom)]
    assert labels[0] != labels[1]


def test_every_list_paged_twice_names_its_top_pager():
    from pathlib import Path

    from django.conf import settings

    include = '{% include "officers/components/pagination.html"'
    for path in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        text = path.read_text()
        if text.count(include) > 1:
            first = text[text.index(include) :].split("%}", 1)[0]
            assert 'where="top"' in first, path
