"""An employer finds the vacancy's or company's regency by the place words people use."""

from tests.employers.test_employer_pages import registration


def test_the_employer_regency_picker_offers_the_regency_of_a_locality(client, db):
    data = registration(regency="", regency_q="Serpong", regency_search="1")
    response = client.post("/employer/register/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="36.74"' in html
    assert "Kota Tangerang Selatan" in html
