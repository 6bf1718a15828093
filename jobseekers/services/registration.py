"""Online registration step by step: account, profile fields, rows, consent, submission."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from jobseekers.consent import CURRENT_CONSENT_VERSION
from jobseekers.models import Consent, Education, Experience, JobSeeker, SeekerSkill
from jobseekers.services.checks import compute_warnings, normalise_name
from jobseekers.services.rules import (
    EMAIL_TAKEN,
    MAX_PREFERRED_OCCUPATIONS,
    NIK_TAKEN,
    PROFILE_FIELDS,
    VERIFIED_IDENTITY,
    ServiceError,
    locked,
)
from jobseekers.signals import seeker_profile_changed
from placement.accounts.audit import audit
from placement.accounts.models import AuditEvent, Role, User
from placement.notifications.services import notify, remember_language
from placement.taxonomy.models import Occupation, Skill

Action = AuditEvent.Action


# --- Registration --------------------------------------------------------------------------------
@transaction.atomic
def create_seeker_account(
    *, email: str, password: str, full_name: str = "", language: str = ""
) -> JobSeeker:
    """Create a seeker user and their draft registration (the first step of the online form).

    `language` is the one the person is reading the site in: their e-mails are written in it
    (from the registration receipt on) until they choose otherwise in their preferences."""
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ServiceError({"email": [EMAIL_TAKEN]})
    user = User.objects.create_user(email, password, role=Role.SEEKER, full_name=full_name)
    remember_language(user=user, language=language)
    seeker = JobSeeker.objects.create(user=user, full_name=full_name, steps_done=["account"])
    audit(actor=user, action=Action.CREATE, obj=seeker, step="account")
    return seeker


@transaction.atomic
def start_registration(*, user: User) -> JobSeeker:
    """A draft registration for a signed-in seeker who has none yet."""
    seeker, created = JobSeeker.objects.get_or_create(
        user=user, defaults={"full_name": user.full_name, "steps_done": ["account"]}
    )
    if created:
        audit(actor=user, action=Action.CREATE, obj=seeker, step="account")
    return seeker


def mark_step(*, seeker: JobSeeker, step: str) -> None:
    """Remember that a registration step was completed."""
    _mark_step(seeker, step)


def editable_fields(seeker: JobSeeker, actor: User) -> frozenset[str]:
    """Profile fields `actor` may set on `seeker`: never status, numbers, office or scope."""
    if actor.role == Role.SEEKER:
        if seeker.user_id != actor.pk:
            return frozenset()
        return PROFILE_FIELDS - VERIFIED_IDENTITY if seeker.is_verified else PROFILE_FIELDS
    return PROFILE_FIELDS


def _holder_of(nik: str, seeker: JobSeeker) -> JobSeeker | None:
    """The registration that owns `nik`, other than `seeker` itself."""
    return (
        JobSeeker.objects.filter(nik=nik, duplicate_of__isnull=True)
        .exclude(status=JobSeeker.Status.REJECTED)
        .exclude(pk=seeker.pk)
        .first()
    )


def _set_nik(seeker: JobSeeker, nik: str, actor: User) -> None:
    """Give `seeker` the NIK. An officer is told when another seeker holds it; a person
    registering themselves is not (that would tell anyone which NIKs are registered): their
    registration is kept as a duplicate of the holder's for the officer to resolve."""
    holder = _holder_of(nik, seeker)
    if holder is not None and actor.role != Role.SEEKER:
        raise ServiceError({"nik": [NIK_TAKEN]})
    seeker.nik = nik
    seeker.duplicate_of = holder


def _save_claiming_nik(seeker: JobSeeker) -> None:
    """Save; if a parallel registration took the NIK meanwhile, keep this one as its duplicate."""
    try:
        with transaction.atomic():
            seeker.save()
    except IntegrityError:
        holder = _holder_of(seeker.nik or "", seeker) if seeker.duplicate_of_id is None else None
        if holder is None:
            raise
        seeker.duplicate_of = holder
        seeker.warnings = compute_warnings(seeker)
        seeker.save()


def notify_duplicate_nik(seeker: JobSeeker) -> None:
    """Tell the person what happens to a registration whose NIK is already on file."""
    if seeker.user is None or not seeker.user.email:
        return
    subject = str(_("AntarKerja: your registration will be checked by an officer"))
    body = str(
        _(
            "Thank you for registering with AntarKerja.\n\n"
            "The NIK you gave is already on file with us. A Disnaker officer will check your "
            "registration against the KTP within three working days and contact you. If you "
            "already have an account, you can sign in with it instead. If you did not register "
            "before, bring your KTP to your Disnaker office: the officer will correct the record "
            "and keep the one that is yours.\n\nYou do not need to register again."
        )
    )
    send_mail(subject, body, None, [seeker.user.email], fail_silently=True)


def _set_preferred_occupations(seeker: JobSeeker, occupations: Sequence[Occupation]) -> None:
    # The through table's primary key keeps the order: the first is the main wish (IPK III/3).
    unique = list(dict.fromkeys(occupations))[:MAX_PREFERRED_OCCUPATIONS]
    through = JobSeeker.preferred_occupations.through
    through.objects.filter(jobseeker=seeker).delete()
    through.objects.bulk_create(
        [through(jobseeker_id=seeker.pk, occupation_id=o.pk) for o in unique]
    )


def _set_skills(seeker: JobSeeker, skills: Iterable[Skill]) -> None:
    wanted = {s.pk for s in skills}
    current = set(seeker.skills.values_list("skill_id", flat=True))
    seeker.skills.filter(skill_id__in=current - wanted).delete()
    SeekerSkill.objects.bulk_create(
        [SeekerSkill(seeker=seeker, skill_id=pk) for pk in sorted(wanted - current)]
    )


@transaction.atomic
def update_jobseeker(
    *,
    seeker: JobSeeker,
    actor: User,
    changes: dict[str, object],
    step: str | None = None,
) -> JobSeeker:
    """Save profile fields (a registration step, a profile edit or an officer's correction)."""
    allowed = editable_fields(seeker, actor)
    refused = sorted(set(changes) - allowed)
    if refused:
        raise ServiceError(
            {name: [_("You cannot change this field.")] for name in refused}, code="forbidden"
        )
    changes = dict(changes)
    new_nik = changes.pop("nik", None)
    changed_nik = bool(new_nik) and new_nik != seeker.nik
    if changed_nik:
        _set_nik(seeker, str(new_nik), actor)
    elif new_nik == "" and seeker.nik:
        changes["nik"] = None
    if "full_name" in changes:
        changes["full_name"] = normalise_name(str(changes["full_name"]))
    occupations = changes.pop("preferred_occupations", None)
    skills = changes.pop("skills", None)
    new_regency = changes.get("regency")
    if (
        "regency" in changes
        and "district" not in changes
        and seeker.district_id
        and (new_regency is None or seeker.district.regency_id != new_regency.pk)
    ):
        changes["district"] = None  # moving to another regency: the old district no longer fits
    if "district" in changes and changes["district"] is not None:
        regency = changes.get("regency", seeker.regency)
        if regency is None or changes["district"].regency_id != regency.pk:
            raise ServiceError({"district": [_("Choose a district of the chosen regency/city.")]})
    changed = ["nik"] if changed_nik else []
    for name, value in changes.items():
        if getattr(seeker, name) != value:
            setattr(seeker, name, value)
            changed.append(name)
    if occupations is not None:
        _set_preferred_occupations(seeker, list(occupations))
        changed.append("preferred_occupations")
    if skills is not None:
        _set_skills(seeker, skills)
        changed.append("skills")
    seeker.warnings = compute_warnings(seeker)
    if step and step not in seeker.steps_done:
        seeker.steps_done = [*seeker.steps_done, step]
    _save_claiming_nik(seeker)
    if "full_name" in changed and seeker.user_id:
        # The account carries the name too: the header and the greetings say it, not the e-mail.
        User.objects.filter(pk=seeker.user_id).update(full_name=seeker.full_name)
    if changed:
        audit(actor=actor, action=Action.CHANGE, obj=seeker, fields=sorted(changed), step=step)
    if changed:
        # New skills or wishes: the matching rescores an active seeker at once.
        seeker_profile_changed.send(sender=JobSeeker, seeker=seeker, fields=frozenset(changed))
    return seeker


def _refresh_derived(seeker: JobSeeker) -> None:
    """Keep the highest education and total experience in step with the rows (matching reads)."""
    row = (
        Education.objects.filter(seeker=seeker)
        .select_related("smk_programme")
        .order_by("-level__rank", "-level__order", "-graduation_year", "-pk")
        .first()
    )
    highest, code = (row.level_id, row.ipk_code) if row else (None, "")
    months = sum(seeker.experiences.values_list("months", flat=True))
    JobSeeker.objects.filter(pk=seeker.pk).update(
        education_level_id=highest,
        education_code=code,
        experience_months=months,
        updated_at=timezone.now(),
    )
    seeker.education_level_id, seeker.experience_months = highest, months
    seeker.education_code = code


def _mark_step(seeker: JobSeeker, step: str | None) -> None:
    if step and step not in seeker.steps_done:
        seeker.steps_done = [*seeker.steps_done, step]
        seeker.save(update_fields=["steps_done", "updated_at"])


@transaction.atomic
def add_education(*, seeker: JobSeeker, actor: User, **fields: object) -> Education:
    """Add one education row (level, major, school, year)."""
    row = Education.objects.create(seeker=seeker, **fields)
    _refresh_derived(seeker)
    _mark_step(seeker, "education")
    audit(actor=actor, action=Action.CHANGE, obj=seeker, fields=["educations"])
    return row


@transaction.atomic
def remove_education(*, seeker: JobSeeker, actor: User, education_id: int) -> None:
    """Remove one of the seeker's education rows (others' rows are not found)."""
    deleted, _rows = Education.objects.filter(seeker=seeker, pk=education_id).delete()
    if deleted:
        _refresh_derived(seeker)
        audit(actor=actor, action=Action.CHANGE, obj=seeker, fields=["educations"])


@transaction.atomic
def add_experience(*, seeker: JobSeeker, actor: User, **fields: object) -> Experience:
    """Add one work-experience row, coded to KBJI."""
    row = Experience.objects.create(seeker=seeker, **fields)
    _refresh_derived(seeker)
    _mark_step(seeker, "experience")
    audit(actor=actor, action=Action.CHANGE, obj=seeker, fields=["experiences"])
    return row


@transaction.atomic
def remove_experience(*, seeker: JobSeeker, actor: User, experience_id: int) -> None:
    """Remove one of the seeker's work-experience rows."""
    deleted, _rows = Experience.objects.filter(seeker=seeker, pk=experience_id).delete()
    if deleted:
        _refresh_derived(seeker)
        audit(actor=actor, action=Action.CHANGE, obj=seeker, fields=["experiences"])


@transaction.atomic
def replace_rows(
    *,
    seeker: JobSeeker,
    actor: User,
    educations: Sequence[dict] | None = None,
    experiences: Sequence[dict] | None = None,
) -> None:
    """Replace all education and/or experience rows at once (the API's nested lists)."""
    changed = []
    if educations is not None:
        Education.objects.filter(seeker=seeker).delete()
        Education.objects.bulk_create([Education(seeker=seeker, **row) for row in educations])
        changed.append("educations")
    if experiences is not None:
        Experience.objects.filter(seeker=seeker).delete()
        Experience.objects.bulk_create([Experience(seeker=seeker, **row) for row in experiences])
        changed.append("experiences")
    if changed:
        _refresh_derived(seeker)
        audit(actor=actor, action=Action.CHANGE, obj=seeker, fields=changed)


def missing_for_submission(seeker: JobSeeker) -> list[str]:
    """The steps whose required answers are still missing before the registration can be sent."""
    missing = []
    if not (seeker.full_name and seeker.nik and seeker.birth_date and seeker.sex):
        missing.append("identity")
    # At the counter the phone is optional (many walk-in seekers have none to give).
    phone_needed = seeker.channel != JobSeeker.Channel.COUNTER
    if not (seeker.address and seeker.regency_id and (seeker.phone or not phone_needed)):
        missing.append("contact")
    if not seeker.educations.exists():
        missing.append("education")
    if not seeker.preferred_occupations.exists():
        missing.append("preferences")
    if not seeker.category:
        missing.append("category")
    return missing


def has_current_consent(seeker: JobSeeker) -> bool:
    """Whether the seeker consented to the current version of the text and did not withdraw."""
    return seeker.consents.filter(
        version=CURRENT_CONSENT_VERSION, withdrawn_at__isnull=True
    ).exists()


@transaction.atomic
def give_consent(*, seeker: JobSeeker, actor: User, version: str) -> Consent:
    """Store explicit consent to a version of the processing text, with its time."""
    if version != CURRENT_CONSENT_VERSION:
        raise ServiceError({"consent": [_("The consent text has changed. Read it again, please.")]})
    consent = Consent.objects.create(
        seeker=seeker, version=version, language=(get_language() or "")[:5]
    )
    audit(actor=actor, action=Action.CREATE, obj=consent, version=version)
    return consent


@transaction.atomic
def withdraw_consent(*, seeker: JobSeeker, actor: User | None, via: str = "web") -> int:
    """Withdraw every consent the seeker still has (UU 27/2022 PDP Art. 9): employers no longer
    see them among candidates. The number of consents withdrawn (0 when none was left)."""
    now = timezone.now()
    consents = list(seeker.consents.filter(withdrawn_at__isnull=True))
    for consent in consents:
        consent.withdrawn_at = now
        consent.save(update_fields=["withdrawn_at"])
        audit(actor=actor, action=Action.CHANGE, obj=consent, event="withdrawn", via=via)
    return len(consents)


@transaction.atomic
def submit_registration(*, seeker: JobSeeker, actor: User, consent_version: str) -> JobSeeker:
    """Send a complete registration, with consent, to the officers for verification."""
    seeker = locked(seeker)
    if seeker.status not in (JobSeeker.Status.DRAFT, JobSeeker.Status.RETURNED):
        raise ServiceError(_("This registration has already been sent."), code="not_draft")
    resubmitted = seeker.status == JobSeeker.Status.RETURNED
    missing = missing_for_submission(seeker)
    if missing:
        raise ServiceError(
            _("Some answers are still missing: %(steps)s.") % {"steps": ", ".join(missing)},
            code="incomplete",
        )
    give_consent(seeker=seeker, actor=actor, version=consent_version)
    seeker.status = JobSeeker.Status.SUBMITTED
    seeker.submitted_at = timezone.now()
    seeker.warnings = compute_warnings(seeker)
    seeker.save(update_fields=["status", "submitted_at", "warnings", "updated_at"])
    audit(
        actor=actor,
        action=Action.CHANGE,
        obj=seeker,
        event="resubmitted" if resubmitted else "submitted",
    )
    if seeker.duplicate_of_id is not None:
        transaction.on_commit(lambda: notify_duplicate_nik(seeker))
    notify(
        users=[seeker.user],
        event="seeker.registration_received",
        key=f"{seeker.pk}:{seeker.submitted_at:%Y%m%d%H%M%S}",
        context={"name": seeker.full_name},
        link="/seeker/",
    )
    return seeker


@transaction.atomic
def register_jobseeker(
    *,
    email: str,
    password: str,
    profile: dict[str, object],
    educations: Sequence[dict],
    experiences: Sequence[dict],
    consent_version: str,
    language: str = "",
) -> JobSeeker:
    """Self-registration in one go (the API): account, every step, consent, submission.

    `language` is the one the request asked for: the e-mails are written in it, as for the pages."""
    seeker = create_seeker_account(
        email=email,
        password=password,
        full_name=str(profile.get("full_name", "")),
        language=language,
    )
    user = seeker.user
    update_jobseeker(seeker=seeker, actor=user, changes=profile)
    replace_rows(seeker=seeker, actor=user, educations=educations, experiences=experiences)
    seeker.steps_done = list(REGISTRATION_STEPS)
    seeker.save(update_fields=["steps_done", "updated_at"])
    return submit_registration(seeker=seeker, actor=user, consent_version=consent_version)


REGISTRATION_STEPS = (
    "account",
    "identity",
    "contact",
    "education",
    "experience",
    "skills",
    "certificates",
    "preferences",
    "category",
    "disability",
)


def preferred_occupations(seeker: JobSeeker) -> list[Occupation]:
    """The wanted occupations in the order the seeker gave them."""
    through = JobSeeker.preferred_occupations.through
    rows = through.objects.filter(jobseeker=seeker).select_related("occupation").order_by("pk")
    return [row.occupation for row in rows]
