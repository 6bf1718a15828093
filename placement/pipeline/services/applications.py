"""Applications: a verified seeker applies to a published vacancy; the employer answers.

Statuses and who moves them:

    submitted -> seen -> shortlisted -> interview -> hired | rejected   (the employer; steps may be
                                                                         skipped, never undone)
    any open status -> withdrawn                                         (the seeker)

"Hired" records the placement (card deactivated, vacancy filled count, ledger): if the placement
cannot be recorded, the application does not become hired either.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from employers.models import Vacancy
from jobseekers.models import JobSeeker
from placement.accounts.audit import audit
from placement.accounts.models import User
from placement.migrants.rules import minor_refusal
from placement.pipeline.models import Application
from placement.pipeline.services.placements import PlacementRefused, record_placement

Status = Application.Status

# Where the employer may move an application from each status.
EMPLOYER_TRANSITIONS: dict[str, frozenset[str]] = {
    Status.SUBMITTED: frozenset(
        {Status.SEEN, Status.SHORTLISTED, Status.INTERVIEW, Status.HIRED, Status.REJECTED}
    ),
    Status.SEEN: frozenset({Status.SHORTLISTED, Status.INTERVIEW, Status.HIRED, Status.REJECTED}),
    Status.SHORTLISTED: frozenset({Status.INTERVIEW, Status.HIRED, Status.REJECTED}),
    Status.INTERVIEW: frozenset({Status.HIRED, Status.REJECTED}),
    Status.HIRED: frozenset(),
    Status.REJECTED: frozenset(),
    Status.WITHDRAWN: frozenset(),
}
OPEN_STATUSES = frozenset({Status.SUBMITTED, Status.SEEN, Status.SHORTLISTED, Status.INTERVIEW})
# From these statuses on the employer sees the applicant's phone and e-mail to invite them.
CONTACT_STATUSES = frozenset({Status.SHORTLISTED, Status.INTERVIEW, Status.HIRED})
MAX_NOTE = 2000


class ApplicationRefused(Exception):
    """An application step the rules do not allow; the message is for the user."""


def can_apply(seeker: JobSeeker | None, vacancy: Vacancy) -> str:
    """'' when `seeker` may apply to `vacancy`, else the reason they may not."""
    if seeker is None or seeker.status != JobSeeker.Status.ACTIVE:
        return _(
            "Only job seekers with a verified registration (AK/I card) can apply. "
            "Finish your registration and have it verified at your Disnaker first."
        )
    if not vacancy.is_open:
        return _("This vacancy is no longer open.")
    if vacancy.employer.from_job_board:
        return _(
            "This company is not registered with the Disnaker: apply at the original ad, or ask "
            "your Disnaker to refer you."
        )
    if minor_refusal(seeker, vacancy):
        return _(
            "Work abroad, night work and hazardous work are open only to people aged 18 or over."
        )
    return ""


@transaction.atomic
def apply_to_vacancy(*, seeker: JobSeeker | None, vacancy: Vacancy, note: str = "") -> Application:
    """The seeker applies once to an open vacancy, optionally with a note to the employer."""
    reason = can_apply(seeker, vacancy)
    if reason:
        raise ApplicationRefused(reason)
    if Application.objects.filter(seeker=seeker, vacancy=vacancy).exists():
        raise ApplicationRefused(_("You have already applied to this vacancy."))
    try:
        with transaction.atomic():
            application = Application.objects.create(
                seeker=seeker, vacancy=vacancy, note=(note or "").strip()[:MAX_NOTE]
            )
    except IntegrityError as exc:  # a double click sent two requests at once
        raise ApplicationRefused(_("You have already applied to this vacancy.")) from exc
    audit(actor=seeker.user, action="create", obj=application)
    return application


@transaction.atomic
def change_application_status(*, application: Application, status: str, by: User) -> Application:
    """The employer moves an application on (never back, never out of a final status)."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if status not in EMPLOYER_TRANSITIONS.get(application.status, frozenset()):
        raise ApplicationRefused(
            _("An application that is “%(current)s” cannot become “%(new)s”.")
            % {
                "current": application.get_status_display(),
                "new": dict(Status.choices).get(status, status),
            }
        )
    previous = application.status
    application.status = status
    application.save(update_fields=["status", "updated_at"])
    audit(actor=by, action="change", obj=application, status=status, previous=previous)
    if status == Status.HIRED:
        try:
            record_placement(
                seeker=application.seeker,
                vacancy=application.vacancy,
                application=application,
                by=by,
            )
        except PlacementRefused as refused:
            raise ApplicationRefused(str(refused)) from refused
    return application


@transaction.atomic
def withdraw_application(*, application: Application, by: User) -> Application:
    """The seeker takes back an application that is still open."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status not in OPEN_STATUSES:
        raise ApplicationRefused(_("This application is already closed."))
    application.status = Status.WITHDRAWN
    application.save(update_fields=["status", "updated_at"])
    audit(actor=by, action="change", obj=application, status=Status.WITHDRAWN)
    return application
