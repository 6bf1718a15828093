"""On-demand matching: verifying a vacancy or changing a seeker's skills rescoring at once."""

from employers import services as employer_services
from jobseekers import services as seeker_services
from placement.matching.models import Match
from tests.placement.matching.conftest import FORKLIFT, WELDING, make_seeker, make_vacancy, skill


def test_publishing_a_vacancy_gives_it_candidates_right_away(
    employer, carol, django_capture_on_commit_callbacks
):
    make_seeker("Ani", skills=(WELDING, FORKLIFT))
    vacancy = make_vacancy(
        employer,
        "Juru las",
        required=(WELDING,),
        status="submitted",
        description="Mengelas.",
        wage_min=3_500_000,
    )
    with django_capture_on_commit_callbacks(execute=True):
        employer_services.publish_vacancy(vacancy=vacancy, by=carol)
    assert [m.seeker.full_name for m in Match.objects.for_vacancy(vacancy.pk)] == ["Ani"]


def test_new_skills_give_new_recommendations_right_away(
    employer, carol, django_capture_on_commit_callbacks
):
    vacancy = make_vacancy(employer, "Juru las", required=(WELDING,))
    seeker = make_seeker("Budi", skills=())
    assert not Match.objects.for_seeker(seeker.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        seeker_services.update_jobseeker(
            seeker=seeker, actor=carol, changes={"skills": [skill(WELDING)]}
        )
    assert [m.vacancy_id for m in Match.objects.for_seeker(seeker.pk)] == [vacancy.pk]


def test_a_change_the_matching_does_not_read_asks_for_no_rescoring(
    employer, carol, django_capture_on_commit_callbacks
):
    make_vacancy(employer, "Juru las", required=(WELDING,))
    seeker = make_seeker("Budi", skills=(WELDING,))
    assert not Match.objects.for_seeker(seeker.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        seeker_services.update_jobseeker(seeker=seeker, actor=carol, changes={"phone": "0811"})
    assert not Match.objects.for_seeker(seeker.pk).exists()
