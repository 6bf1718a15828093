"""Counselling (penyuluhan dan bimbingan jabatan): the AK/II interview, individual and group
guidance, the actions agreed in them and the referral to training at a BLK or LPK."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jobseekers.models import JobSeeker
from officers.models import Action, CounsellingSession
from placement.accounts.audit import Via, audit
from placement.accounts.models import User
from placement.offices.activity import note_contact, officer_of, record_activity
from placement.offices.models import Activity

Kind = CounsellingSession.Kind
ACTIVITY_KIND = {
    Kind.INTERVIEW: Activity.Kind.INTERVIEW,
    Kind.INDIVIDUAL: Activity.Kind.COUNSELLING_INDIVIDUAL,
    Kind.GROUP: Activity.Kind.COUNSELLING_GROUP,
}
MAX_GROUP = 200
MAX_ACTIONS = 5


@dataclass(frozen=True)
class NoteTemplate:
    key: str
    label: str
    text: str
    kinds: tuple[str, ...]


# The headings an officer fills in; the notes start from one of them (the officer edits freely).
NOTE_TEMPLATES = (
    NoteTemplate(
        "ak2",
        gettext_lazy("AK/II interview"),
        gettext_lazy(
            "Work wanted:\nInterests and strengths:\nSkills and certificates:\n"
            "Obstacles (transport, childcare, health):\nAgreed next steps:"
        ),
        (Kind.INTERVIEW,),
    ),
    NoteTemplate(
        "guidance",
        gettext_lazy("Individual guidance"),
        gettext_lazy(
            "Question the seeker brought:\nInformation given (jobs, wages, training):\n"
            "Result of the self-assessment:\nAgreed next steps:"
        ),
        (Kind.INDIVIDUAL, Kind.INTERVIEW),
    ),
    NoteTemplate(
        "training",
        gettext_lazy("Training needs"),
        gettext_lazy(
            "Skills the wanted jobs ask for:\nSkills missing:\n"
            "Training discussed (BLK/LPK, JKP training benefit):\nDecision:"
        ),
        (Kind.INDIVIDUAL, Kind.INTERVIEW),
    ),
    NoteTemplate(
        "group",
        gettext_lazy("Group information session"),
        gettext_lazy(
            "Topic:\nMaterials used:\nQuestions from the group:\nFollow-up for the participants:"
        ),
        (Kind.GROUP,),
    ),
)
TEMPLATES_BY_KEY = {template.key: template for template in NOTE_TEMPLATES}
DEFAULT_TEMPLATE = {Kind.INTERVIEW: "ak2", Kind.INDIVIDUAL: "guidance", Kind.GROUP: "group"}


class CounsellingRefused(Exception):
    """A session the rules do not allow; `field` names the input it is about."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def templates_for(kind: str) -> list[NoteTemplate]:
    return [template for template in NOTE_TEMPLATES if kind in template.kinds]


def template_text(key: str) -> str:
    template = TEMPLATES_BY_KEY.get(key)
    return str(template.text) if template else ""


@dataclass(frozen=True)
class AgreedAction:
    description: str
    due_on: date


@transaction.atomic
def record_session(
    *,
    kind: str,
    by: User,
    held_on: date,
    seekers: list[JobSeeker],
    participants: int | None = None,
    template: str = "",
    notes: str = "",
    actions: list[AgreedAction] = (),
    training_kind: str = "",
    training_institution: str = "",
    training_programme: str = "",
    via: Via = "web",
) -> CounsellingSession:
    """Record an AK/II interview or a guidance session with its agreed actions (logged)."""
    officer = officer_of(by)
    if officer is None:
        raise CounsellingRefused(_("Only an officer of a manpower office can record counselling."))
    if kind not in Kind.values:
        raise CounsellingRefused(_("Choose the type of session."), "kind")
    if held_on > timezone.localdate():
        raise CounsellingRefused(_("The date cannot be in the future."), "held_on")
    seekers = list(dict.fromkeys(seekers))
    if kind == Kind.GROUP:
        participants = max(participants or 0, len(seekers))
        if participants < 2:
            raise CounsellingRefused(
                _("A group session has at least two people present."), "participants"
            )
        if participants > MAX_GROUP:
            raise CounsellingRefused(
                _("Enter at most %(n)s people.") % {"n": MAX_GROUP}, "participants"
            )
    else:
        if len(seekers) != 1:
            raise CounsellingRefused(_("An individual session is with one job seeker."), "seekers")
        participants = 1
    if kind == Kind.INTERVIEW and seekers[0].status not in (
        JobSeeker.Status.SUBMITTED,
        JobSeeker.Status.ACTIVE,
    ):
        raise CounsellingRefused(
            _("The AK/II interview is for a registration being verified or an active card."),
            "seekers",
        )
    training_institution = (training_institution or "").strip()[:200]
    if training_kind and not training_institution:
        raise CounsellingRefused(_("Name the BLK or LPK."), "training_institution")
    if training_institution and not training_kind:
        raise CounsellingRefused(_("Choose BLK or LPK."), "training_kind")
    actions = list(actions)[:MAX_ACTIONS]
    for action in actions:
        if action.due_on < held_on:
            raise CounsellingRefused(_("An action cannot be due before the session."), "actions")
    session = CounsellingSession.objects.create(
        kind=kind,
        office_id=officer.office_id,
        officer=officer,
        held_on=held_on,
        participants=participants,
        template=template if template in TEMPLATES_BY_KEY else "",
        notes=(notes or "").strip()[:4000],
        training_kind=training_kind if training_institution else "",
        training_institution=training_institution,
        training_programme=(training_programme or "").strip()[:200],
    )
    session.seekers.set(seekers)
    one = seekers[0] if len(seekers) == 1 else None
    Action.objects.bulk_create(
        [
            Action(
                session=session,
                seeker=one,
                officer=officer,
                description=action.description.strip()[:255],
                due_on=action.due_on,
            )
            for action in actions
            if action.description.strip()
        ]
    )
    audit(
        actor=by,
        action="create",
        obj=session,
        kind=kind,
        seekers=[s.pk for s in seekers],
        via=via,
    )
    record_activity(
        user=by,
        kind=ACTIVITY_KIND[kind],
        subject=session,
        quantity=participants if kind == Kind.GROUP else 1,
        seekers=len(seekers),
        training=bool(training_institution),
    )
    for seeker in seekers:
        note_contact(seeker=seeker, kind=f"counselling_{kind}", user=by, on=held_on)
    return session


@transaction.atomic
def complete_action(
    *, action: Action, by: User, on: date | None = None, via: Via = "web"
) -> Action:
    """Mark an agreed action as done."""
    action = Action.objects.select_for_update().get(pk=action.pk)
    if action.done_on is not None:
        return action
    action.done_on = on or timezone.localdate()
    action.done_by = by
    action.save(update_fields=["done_on", "done_by"])
    audit(actor=by, action="change", obj=action, event="done", via=via)
    return action
