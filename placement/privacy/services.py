"""Data-subject requests and the breach register: one function per state change, each audited.

Requests: received --start_request--> in_progress --complete_request--> done
                                                  \\--refuse_request--> refused
Completing a request does what it asks: access (the "my data" export is ready for the person),
correction (the answer says what was corrected), deletion (anonymise.py), withdrawal of consent
(every consent withdrawn), objection (the answer records the decision).

Breaches: open --record_notice (persons and authority)--> notified --close_breach--> closed.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from jobseekers import services as seeker_services
from jobseekers.models import JobSeeker
from placement.accounts.audit import Via, audit
from placement.accounts.models import AuditEvent, Role, User
from placement.notifications.services import notify
from placement.privacy import clock
from placement.privacy.anonymise import anonymise_seeker
from placement.privacy.models import Breach, SubjectRequest

Action = AuditEvent.Action
Kind = SubjectRequest.Kind


class PrivacyError(ValidationError):
    """A rule refused the step; the message is for the person."""


def privacy_officers():
    return User.objects.filter(role=Role.PRIVACY, is_active=True)


# --- Data-subject requests -----------------------------------------------------------------------
@transaction.atomic
def file_request(
    *,
    seeker: JobSeeker,
    kind: str,
    details: str,
    actor: User,
    channel: str = SubjectRequest.Channel.ONLINE,
    now: datetime | None = None,
) -> SubjectRequest:
    """File a request (online by the seeker, or by an officer for a walk-in); the clock starts."""
    now = now or timezone.now()
    if kind not in Kind.values:
        raise PrivacyError({"kind": [_("Choose what you ask for.")]})
    details = (details or "").strip()
    if kind == Kind.CORRECTION and not details:
        raise PrivacyError({"details": [_("Say which data is wrong and what is right.")]})
    if seeker.anonymised_on is not None:
        raise PrivacyError(_("This record has been erased already."))
    if SubjectRequest.objects.filter(
        seeker=seeker, kind=kind, status__in=SubjectRequest.OPEN_STATUSES
    ).exists():
        raise PrivacyError({"kind": [_("A request of this kind is already being handled.")]})
    request = SubjectRequest.objects.create(
        seeker=seeker,
        kind=kind,
        channel=channel,
        details=details,
        received_at=now,
        due_at=clock.due_at(now),
        filed_by=actor,
    )
    audit(actor=actor, action=Action.CREATE, obj=request, seeker=seeker.pk, kind=kind)
    context = {"number": request.number, "kind": request.get_kind_display(), "due": request.due_at}
    notify(
        users=privacy_officers(),
        event="privacy.request_received",
        key=str(request.pk),
        context=context,
        link=reverse("privacy:request", args=[request.pk]),
    )
    notify(
        users=[seeker.user],
        event="seeker.privacy_request_received",
        key=str(request.pk),
        context=context,
        link=reverse("privacy:mine"),
    )
    return request


def _locked(request: SubjectRequest) -> SubjectRequest:
    request = (
        SubjectRequest.objects.select_for_update(of=("self",))
        .select_related("seeker__user")
        .get(pk=request.pk)
    )
    if not request.is_open:
        raise PrivacyError(_("This request is closed already."))
    return request


@transaction.atomic
def start_request(*, request: SubjectRequest, actor: User) -> SubjectRequest:
    """The privacy officer takes the request on (the clock keeps running)."""
    request = _locked(request)
    request.status = SubjectRequest.Status.IN_PROGRESS
    request.handled_by = actor
    request.save(update_fields=["status", "handled_by"])
    audit(actor=actor, action=Action.CHANGE, obj=request, event="started")
    return request


@transaction.atomic
def complete_request(
    *, request: SubjectRequest, actor: User, resolution: str, via: Via = "web"
) -> SubjectRequest:
    """Do what the request asks and answer the person."""
    request = _locked(request)
    resolution = (resolution or "").strip()
    if request.kind in (Kind.CORRECTION, Kind.OBJECTION) and not resolution:
        raise PrivacyError({"resolution": [_("Write the answer: what was done and why.")]})
    seeker = request.seeker
    user = seeker.user
    email = user.email if user is not None else ""
    context = {"number": request.number, "kind": request.get_kind_display()}
    if request.kind == Kind.WITHDRAWAL:
        seeker_services.withdraw_consent(seeker=seeker, actor=actor, via=via)
    request.status = SubjectRequest.Status.DONE
    request.handled_by = actor
    request.resolved_at = timezone.now()
    request.resolution = resolution
    request.save(update_fields=["status", "handled_by", "resolved_at", "resolution"])
    audit(
        actor=actor,
        action=Action.CHANGE,
        obj=request,
        event="done",
        kind=request.kind,
        late=request.answered_late,
    )
    if request.kind == Kind.DELETION:
        # The person's account is closed with the erasure: the answer goes once, by e-mail, to
        # the address they had (it is not kept).
        anonymise_seeker(seeker=seeker, actor=actor, via=via)
        if email:
            language = translation.get_language()
            transaction.on_commit(lambda: _send_erasure_notice(email, context, language))
        return request
    link = reverse("jobseekers:my_data") if request.kind == Kind.ACCESS else reverse("privacy:mine")
    notify(
        users=[user],
        event="seeker.privacy_request_done",
        key=str(request.pk),
        context={**context, "answer": resolution or "-"},
        link=link,
    )
    return request


def _send_erasure_notice(email: str, context: dict, language: str | None) -> None:
    with translation.override(language or "id"):
        subject = gettext("AntarKerja: your data has been erased")
        body = gettext(
            "Your request %(number)s is done: your personal data has been erased from AntarKerja "
            "and your account is closed. Figures that count people without naming them remain."
        ) % {"number": context["number"]}
    send_mail(subject, body, None, [email], fail_silently=True)


@transaction.atomic
def refuse_request(*, request: SubjectRequest, actor: User, reason: str) -> SubjectRequest:
    """Refuse a request, with the reason the person is told (e.g. identity not confirmed)."""
    request = _locked(request)
    reason = (reason or "").strip()
    if not reason:
        raise PrivacyError({"resolution": [_("Say why the request is refused.")]})
    request.status = SubjectRequest.Status.REFUSED
    request.handled_by = actor
    request.resolved_at = timezone.now()
    request.resolution = reason
    request.save(update_fields=["status", "handled_by", "resolved_at", "resolution"])
    audit(actor=actor, action=Action.CHANGE, obj=request, event="refused")
    notify(
        users=[request.seeker.user],
        event="seeker.privacy_request_refused",
        key=str(request.pk),
        context={"number": request.number, "kind": request.get_kind_display(), "reason": reason},
        link=reverse("privacy:mine"),
    )
    return request


# --- Breach register -----------------------------------------------------------------------------
BREACH_FIELDS = ("title", "description", "discovered_at", "affected_data", "affected_subjects")


@transaction.atomic
def record_breach(*, actor: User, now: datetime | None = None, **fields) -> Breach:
    """Record a (suspected) breach; the 3x24-hour clock runs from its discovery."""
    now = now or timezone.now()
    discovered_at = fields["discovered_at"]
    if discovered_at > now:
        raise PrivacyError({"discovered_at": [_("The discovery cannot be in the future.")]})
    breach = Breach.objects.create(
        recorded_by=actor,
        recorded_at=now,
        due_at=clock.due_at(discovered_at),
        **{name: fields[name] for name in BREACH_FIELDS},
    )
    audit(actor=actor, action=Action.CREATE, obj=breach)
    notify(
        users=privacy_officers().exclude(pk=actor.pk),
        event="privacy.breach_recorded",
        key=str(breach.pk),
        context={"number": breach.number, "title": breach.title, "due": breach.due_at},
        link=reverse("privacy:breach", args=[breach.pk]),
    )
    return breach


def _locked_breach(breach: Breach) -> Breach:
    breach = Breach.objects.select_for_update().get(pk=breach.pk)
    if breach.status == Breach.Status.CLOSED:
        raise PrivacyError(_("This incident is closed."))
    return breach


@transaction.atomic
def record_notice(
    *, breach: Breach, actor: User, to: str, text: str, sent_at: datetime | None = None
) -> Breach:
    """Record that the notice to the persons ("subjects") or the authority was sent, with its
    text; both sent stop the clock."""
    breach = _locked_breach(breach)
    text = (text or "").strip()
    sent_at = sent_at or timezone.now()
    if to not in ("subjects", "authority"):
        raise PrivacyError({"to": [_("Choose who was notified.")]})
    if not text:
        raise PrivacyError({"text": [_("Keep the text of the notice that was sent.")]})
    if sent_at > timezone.now() or sent_at < breach.discovered_at:
        raise PrivacyError(
            {"sent_at": [_("The notice must be sent after the discovery, not in the future.")]}
        )
    if to == "subjects":
        breach.subject_notice, breach.subjects_notified_at = text, sent_at
    else:
        breach.authority_notice, breach.authority_notified_at = text, sent_at
    if breach.notices_done:
        breach.status = Breach.Status.NOTIFIED
    breach.save()
    audit(actor=actor, action=Action.CHANGE, obj=breach, event=f"notified_{to}")
    return breach


@transaction.atomic
def update_actions(*, breach: Breach, actor: User, actions: str) -> Breach:
    """The actions taken so far (containment, remediation)."""
    breach = _locked_breach(breach)
    breach.actions = (actions or "").strip()
    breach.save(update_fields=["actions"])
    audit(actor=actor, action=Action.CHANGE, obj=breach, event="actions")
    return breach


@transaction.atomic
def close_breach(*, breach: Breach, actor: User, actions: str) -> Breach:
    """Close the incident: the actions taken are required."""
    breach = _locked_breach(breach)
    actions = (actions or "").strip() or breach.actions
    if not actions:
        raise PrivacyError({"actions": [_("Write what was done before closing.")]})
    breach.actions = actions
    breach.status = Breach.Status.CLOSED
    breach.closed_at = timezone.now()
    breach.closed_by = actor
    breach.save()
    audit(actor=actor, action=Action.CHANGE, obj=breach, event="closed")
    return breach


# --- Reminders -----------------------------------------------------------------------------------
def remind_deadlines(*, now: datetime | None = None) -> int:
    """Tell the privacy officers about requests and breaches due within PRIVACY_REMINDER_HOURS
    and about overdue ones, once per item and stage (notify's key). The number of new notices."""
    now = now or timezone.now()
    soon = now + timedelta(hours=clock.reminder_hours())
    officers = list(privacy_officers())
    told = 0
    open_requests = SubjectRequest.objects.filter(
        status__in=SubjectRequest.OPEN_STATUSES, due_at__lte=soon
    ).select_related("seeker")
    for request in open_requests:
        stage = "overdue" if request.due_at < now else "due_soon"
        told += len(
            notify(
                users=officers,
                event=f"privacy.request_{stage}",
                key=f"{request.pk}:{stage}",
                context={
                    "number": request.number,
                    "kind": request.get_kind_display(),
                    "due": request.due_at,
                },
                link=reverse("privacy:request", args=[request.pk]),
            )
        )
    open_breaches = Breach.objects.exclude(status=Breach.Status.CLOSED).filter(
        due_at__lte=soon, subjects_notified_at__isnull=True
    ) | Breach.objects.exclude(status=Breach.Status.CLOSED).filter(
        due_at__lte=soon, authority_notified_at__isnull=True
    )
    for breach in open_breaches.distinct():
        stage = "overdue" if breach.due_at < now else "due_soon"
        told += len(
            notify(
                users=officers,
                event=f"privacy.breach_{stage}",
                key=f"{breach.pk}:{stage}",
                context={"number": breach.number, "title": breach.title, "due": breach.due_at},
                link=reverse("privacy:breach", args=[breach.pk]),
            )
        )
    return told
