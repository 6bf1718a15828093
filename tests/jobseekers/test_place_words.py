"""A seeker finds their regency by the place words people use, not only by its official name."""

from tests.jobseekers.conftest import contact_data
from tests.jobseekers.test_registration import draft_client  # noqa: F401 (fixture)


def test_typing_a_locality_offers_its_regency_first(draft_client):  # noqa: F811
    response = draft_client.post(
        "/seeker/register/contact/",
        {**contact_data(regency=""), "regency_q": "Cikarang", "regency_search": "1"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="32.16"' in html
    assert "Kabupaten Bekasi" in html


def test_typing_solo_offers_kota_surakarta(draft_client):  # noqa: F811
    response = draft_client.post(
        "/seeker/register/contact/",
        {**contact_data(regency=""), "regency_q": "Solo", "regency_search": "1"},
    )
    assert 'value="33.72"' in response.content.decode()
