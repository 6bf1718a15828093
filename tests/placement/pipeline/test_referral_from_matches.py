"""Referring from a match list in Indonesian (the default): the page's own forms, sent as a
browser sends them, refer the candidate; a form that does not validate is shown, never a 404."""

# ruff: noqa: F811

from __future__ import annotations

import pytest

from placement.pipeline.models import Referral
from tests.helpers import forms_in, submit
from tests.officers.conftest import add_match, dewi, kahayan, kasir  # noqa: F401


def _refer_form(html: str) -> dict:
    return next(form for form in forms_in(html) if ("source", "match") in form["fields"])


@pytest.mark.parametrize("page", ["seeker", "vacancy"])
def test_refer_from_a_match_list_works_in_indonesian_with_a_fractional_score(
    client, alice, dewi, kasir, page
):
    add_match(dewi, kasir, score=98.25)
    client.force_login(alice)
    url = (
        f"/officer/seekers/{dewi.pk}/matches/"
        if page == "seeker"
        else f"/officer/vacancies/{kasir.pk}/referrals/"
    )
    html = client.get(url).content.decode()
    assert 'lang="id"' in html
    form = _refer_form(html)
    assert ("score", "98.25") in form["fields"]
    response = submit(client, form, ("send", "1"))
    assert response.status_code == 302, response.content.decode()[:2000]
    referral = Referral.objects.get()
    assert referral.match_score == 98.25 and referral.status == "referred"


def test_the_score_is_read_from_the_match_not_from_the_page(client, alice, dewi, kasir):
    add_match(dewi, kasir, score=77.5)
    client.force_login(alice)
    client.post(
        "/officer/referrals/new/",
        {"seeker": dewi.pk, "vacancy": kasir.pk, "source": "match", "score": "99,9", "send": "0"},
    )
    assert Referral.objects.get().match_score == 77.5


def test_an_invalid_referral_form_is_shown_with_its_problem_not_a_404(client, alice, dewi):
    client.force_login(alice)
    response = client.post(
        "/officer/referrals/new/", {"seeker": dewi.pk, "vacancy": "abc", "send": "1"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "error-summary" in page and dewi.full_name in page
    assert not Referral.objects.exists()


def test_candidate_ranks_count_within_the_list_shown(client, alice, dewi, kasir):
    from tests.factories import JobSeekerFactory

    other = JobSeekerFactory(verified=True, regency_id="62.71", nik="6271014101990002")
    add_match(dewi, kasir, rank=3)
    add_match(other, kasir, rank=9)
    client.force_login(alice)
    html = client.get(f"/officer/vacancies/{kasir.pk}/referrals/").content.decode()
    import re

    ranks = re.findall(r'<td class="num">(\d+)</td>\s*<th scope="row">', html)
    assert ranks == ["1", "2"]
