"""Who may see or change which employer and vacancy: each helper returns the object or 404."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from employers.models import Employer, EmployerUser, ImportRun, Vacancy
from placement.accounts.access import is_office_staff, parse_pk
from placement.accounts.models import Role
from placement.accounts.scope import region_scope
from placement.migrants.rules import closed_to_minors, user_is_minor


def membership_for(user) -> EmployerUser:
    """The signed-in employer user's membership of their company, or 404."""
    if not user.is_authenticated or user.role != Role.EMPLOYER:
        raise Http404
    membership = (
        EmployerUser.objects.select_related("employer", "employer__regency", "employer__industry")
        .filter(user=user)
        .first()
    )
    if membership is None:
        raise Http404
    return membership


def get_vacancy_for_employer(user, pk: int) -> Vacancy:
    """A vacancy of the user's own company, or 404."""
    membership = membership_for(user)
    return get_object_or_404(
        Vacancy.objects.select_related(
            "employer", "occupation", "industry", "min_education", "smk_programme", "regency"
        ),
        pk=parse_pk(pk),
        employer_id=membership.employer_id,
    )


def get_employer_for_officer(user, pk: int) -> Employer:
    """An employer located in the officer's region, or 404."""
    if not is_office_staff(user):
        raise Http404
    return get_object_or_404(
        Employer.objects.visible_to(user).select_related("regency", "industry", "district"),
        pk=parse_pk(pk),
    )


def get_vacancy_for_officer(user, pk: int) -> Vacancy:
    """A vacancy located in the officer's region, or 404."""
    if not is_office_staff(user):
        raise Http404
    return get_object_or_404(
        Vacancy.objects.visible_to(user).select_related(
            "employer",
            "employer__regency",
            "occupation",
            "industry",
            "min_education",
            "regency",
            "verified_by",
        ),
        pk=parse_pk(pk),
    )


def is_public(vacancy: Vacancy) -> bool:
    """Whether the public may see the vacancy: published and not past its end (a vacancy that
    opens later is shown with its opening date)."""
    today = timezone.localdate()
    return (
        vacancy.status == Vacancy.Status.PUBLISHED
        and vacancy.valid_from is not None
        and vacancy.valid_to is not None
        and today <= vacancy.valid_to
    )


def get_vacancy_for_viewer(user, pk: int) -> Vacancy:
    """The public detail page: published for everyone; the owner and officers see any status."""
    vacancy = get_object_or_404(
        Vacancy.objects.select_related(
            "employer",
            "employer__regency",
            "occupation",
            "industry",
            "min_education",
            "smk_programme",
            "regency",
        ),
        pk=parse_pk(pk),
    )
    if is_public(vacancy):
        if closed_to_minors(vacancy) and user_is_minor(user):
            raise Http404  # not for a seeker under 18 (placement/migrants/rules.py)
        return vacancy
    if user.is_authenticated and user.role == Role.EMPLOYER:
        if EmployerUser.objects.filter(user=user, employer_id=vacancy.employer_id).exists():
            return vacancy
    elif (
        is_office_staff(user)
        and vacancy.status != Vacancy.Status.DRAFT
        and region_scope(user).contains_regency(vacancy.location_regency.code)
    ):
        return vacancy
    raise Http404


def imports_for(user):
    """The imports an officer sees: their own uploads and the imports handed (or accepted) by
    their office; the national administrator sees every import; anyone else none."""
    if not is_office_staff(user):
        return ImportRun.objects.none()
    runs = ImportRun.objects.all()
    if user.role == Role.NATIONAL:
        return runs
    officer = getattr(user, "officer_profile", None)
    mine = Q(uploaded_by=user, office__isnull=True)
    if officer is not None and officer.is_active:
        mine |= Q(office_id=officer.office_id)
    return runs.filter(mine)


def get_import_for_officer(user, pk: int) -> ImportRun:
    """An import the officer sees (`imports_for`), or 404."""
    if not is_office_staff(user):
        raise Http404
    return get_object_or_404(imports_for(user), pk=parse_pk(pk))
