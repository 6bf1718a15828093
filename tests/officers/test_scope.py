from placement.accounts.scope import region_scope
from placement.offices.models import Office
from placement.taxonomy.models import Regency


def test_one_office_per_region_plus_the_national_office(db):
    assert Office.objects.count() == 1 + 38 + 514
    assert Office.objects.get(code="62.71").regency.name == "Kota Palangkaraya"
    assert Office.objects.get(code="62").level == Office.Level.PROVINCE


def test_regency_officer_sees_only_their_regency(alice, bob):
    scope = region_scope(alice)
    assert scope.contains_regency("62.71")
    assert not scope.contains_regency("62.01")
    assert not region_scope(bob).contains_regency("62.71")


def test_provincial_officer_sees_every_regency_of_the_province(carol):
    scope = region_scope(carol)
    assert scope.contains_regency("62.71") and scope.contains_regency("62.01")
    assert not scope.contains_regency("63.71")


def test_scope_filters_querysets_by_a_regency_foreign_key(alice, carol, nadia, sam, db):
    offices = Office.objects.filter(regency__isnull=False)
    assert set(region_scope(alice).filter(offices).values_list("code", flat=True)) == {"62.71"}
    assert (
        region_scope(carol).filter(offices).count()
        == Regency.objects.filter(province_id="62").count()
    )
    assert region_scope(nadia).filter(offices).count() == 514
    assert region_scope(sam).filter(offices).count() == 0


def test_inactive_officer_sees_nothing(alice):
    alice.officer_profile.is_active = False
    alice.officer_profile.save(update_fields=["is_active"])
    alice.refresh_from_db()
    assert region_scope(alice).is_empty


def test_the_regencies_of_a_scope_are_one_definition_for_every_picker(alice, carol, nadia, sam):
    assert list(region_scope(alice).regencies().values_list("code", flat=True)) == ["62.71"]
    provincial = list(region_scope(carol).regencies().values_list("code", flat=True))
    assert provincial == sorted(
        Regency.objects.filter(province_id="62").values_list("code", flat=True)
    )
    assert region_scope(nadia).regencies().count() == 514
    assert not region_scope(sam).regencies().exists()
