from placement.accounts.models import AuditEvent
from placement.offices.activity import record_activity
from placement.offices.models import Activity


def test_officer_actions_are_logged_with_office_and_evidence(alice):
    entry = record_activity(user=alice, kind=Activity.Kind.INTERVIEW, note="AK/II")
    assert entry.office.code == "62.71"
    assert entry.evidence == {"note": "AK/II"}
    assert Activity.objects.filter(officer__user=alice).count() == 1


def test_non_officers_are_not_logged(sam):
    assert record_activity(user=sam, kind=Activity.Kind.INTERVIEW) is None
    assert not Activity.objects.exists()


def test_verifying_through_the_api_is_logged_like_the_page(client, alice):
    from jobseekers.models import JobSeeker

    seeker = JobSeeker.objects.create(full_name="Uji Api", status="submitted", regency_id="62.71")
    client.force_login(alice)
    response = client.post(f"/api/v1/jobseekers/{seeker.pk}/verify/")
    assert response.status_code == 200, response.content
    entry = Activity.objects.get(subject_id=seeker.pk)
    assert entry.kind == Activity.Kind.SEEKER_VERIFIED
    # The door is the audit entry's business; the activity is the same as through the page.
    assert entry.evidence == {}
    verified = AuditEvent.objects.get(object_id=str(seeker.pk), detail__event="verified")
    assert verified.detail["via"] == "api"
