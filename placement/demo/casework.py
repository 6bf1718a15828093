"""Casework: the demo offices' lived-in look (runs after the seekers and employers exist).

Size: one builder class per demo office's casework, mostly data; demo code, top floor.
"""

from __future__ import annotations

import logging
import random
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from employers.models import Employer, EmployerUser, Vacancy
from jobseekers import services as seeker_services
from jobseekers.consent import CURRENT_CONSENT_VERSION
from jobseekers.models import JobSeeker
from jobseekers.nik import format_nik
from jobseekers.services import add_months
from officers.models import CounsellingSession
from officers.services import AgreedAction, record_session, template_text
from placement.accounts.models import User
from placement.demo.accounts import DEMO_DOMAIN, DEMO_PASSWORD
from placement.demo.employers_data import CONTRACT_COMPANIES
from placement.ledger.models import Event, EventKind
from placement.offices.models import Activity, Office
from placement.pipeline import services
from placement.pipeline.models import FollowUp, Placement, Referral
from placement.taxonomy.models import District, Occupation, Regency, Skill

# --- Casework: the demo offices' lived-in look (runs after the seekers and employers exist) ------
CASEWORK_OFFICES = ("62.71", "62.01")
# A walk-in registration waiting in 62.71's queue whose profile fits PT Kahayan Mitra Niaga's
# cashier vacancy: the officer's journey verifies, interviews and refers her (tests/e2e).
WALK_IN = {
    "email": f"sri.wahyuni@{DEMO_DOMAIN}",
    "profile": {
        "full_name": "Sri Wahyuni",
        "sex": "P",
        "birth_date": (2004, 9, 12),
        "birth_place": "Palangka Raya",
        "marital_status": "single",
        "religion": "islam",
        "address": "Jl. Rajawali VII No. 8, Bukit Tunggal",
        "regency": "62.71",
        "district": "62.71.04",
        "postcode": "73112",
        "phone": "085249871234",
        "relocation": "regency",
        "category": "never_worked",
        "expected_wage": 3_400_000,
    },
    "wanted": ["5230", "5223"],
    "skills": [
        "process payments",
        "count money",
        "handle financial transactions",
        "maintain customer service",
        "communicate with customers",
        "work in teams",
    ],
    "education": {"level_id": "3000", "major": "Akuntansi", "school": "SMKN 1 Palangka Raya"},
}
TRAINING = [
    ("BLK", "UPTD BLK Palangka Raya", "Operator komputer perkantoran"),
    ("BLK", "UPTD BLK Palangka Raya", "Teknisi sepeda motor"),
    ("LPK", "LPK Bina Terampil Kalteng", "Kasir dan pelayanan pelanggan"),
    ("LPK", "LPK Mandiri Sejahtera", "Menjahit pakaian"),
]
GUIDANCE_ACTIONS = [
    "Melengkapi CV dan mengunggahnya",
    "Datang ke bursa kerja bulan depan",
    "Mendaftar pelatihan di BLK",
    "Menyiapkan sertifikat keahlian",
    "Melapor hasil wawancara ke Disnaker",
]
INTERVIEW_NOTES = (
    "Pekerjaan yang dicari: {job}\nMinat dan kekuatan: teliti, mau belajar\n"
    "Keterampilan dan sertifikat: sesuai data AK/II\nHambatan: transportasi\n"
    "Rencana: dirujuk ke lowongan yang cocok"
)
OUTSIDE_EMPLOYERS = [
    ("CV Sumber Rejeki Kahayan", "private", "G"),
    ("Rumah Makan Bu Ani", "individual", "I"),
    ("Koperasi Sawit Makmur", "cooperative", "A"),
    ("Puskesmas Pahandut", "government", "Q"),
]


def _walk_in(stdout) -> None:

    if User.objects.filter(email=WALK_IN["email"]).exists():
        return

    profile = dict(WALK_IN["profile"])
    birth = date(*profile.pop("birth_date"))
    regency = Regency.objects.get(code=profile.pop("regency"))
    district = District.objects.filter(code=profile.pop("district")).first()
    serial = 731
    nik = format_nik(
        district_code=district.code if district else f"{regency.code}.01",
        sex=profile["sex"],
        birth_date=birth,
        serial=serial,
    )
    while JobSeeker.objects.filter(nik=nik).exists():
        serial += 1
        nik = nik[:12] + f"{serial:04d}"
    occupations = {
        o.code: o for o in Occupation.objects.current().filter(code__in=WALK_IN["wanted"])
    }
    profile.update(
        birth_date=birth,
        regency=regency,
        district=district,
        nik=nik,
        preferred_occupations=[occupations[c] for c in WALK_IN["wanted"] if c in occupations],
        skills=list(Skill.objects.filter(label_en__in=WALK_IN["skills"])),
    )
    seeker_services.register_jobseeker(
        email=WALK_IN["email"],
        password=DEMO_PASSWORD,
        profile=profile,
        educations=[dict(WALK_IN["education"], graduation_year=2022)],
        experiences=[],
        consent_version=CURRENT_CONSENT_VERSION,
    )
    stdout.write("Casework: walk-in registration of Sri Wahyuni waiting in 62.71")


# Placed through the real services one by one: a sixth of the office's active seekers, at most
# this many (a 200,000-seeker population would otherwise take half an hour here).
HISTORY_CAP = 150


def seed_casework(*, stdout, options: dict, rng: random.Random) -> None:
    """Counselling, referrals in every status, placements over twelve months and follow-ups for
    the demo offices 62.71 and 62.01 (idempotent: skipped when the offices have referrals)."""

    with transaction.atomic():
        _walk_in(stdout)
    if Referral.objects.filter(office__code__in=CASEWORK_OFFICES).exists():
        stdout.write("Casework: already seeded")
        return
    totals: dict[str, int] = {}
    # The in-process e-mail tasks find the demo referrals already "notified": keep them quiet.
    trace = logging.getLogger("celery.app.trace")
    level = trace.level
    trace.setLevel(logging.WARNING)
    try:
        for code in CASEWORK_OFFICES:
            with transaction.atomic():
                for key, n in _Casework(code, rng).seed().items():
                    totals[key] = totals.get(key, 0) + n
    finally:
        trace.setLevel(level)
    stdout.write(
        "Casework: "
        + ", ".join(f"{n} {key}" for key, n in sorted(totals.items()))
        + f" in {', '.join(CASEWORK_OFFICES)}"
    )


class _Casework:
    """The casework of one regency office, built through the real services and then backdated."""

    def __init__(self, code: str, rng: random.Random) -> None:

        self.code = code
        self.rng = rng
        self.today = timezone.localdate()
        self.user = User.objects.get(email=f"officer.{code.replace('.', '')}@{DEMO_DOMAIN}")
        self.counts: dict[str, int] = {}

    # helpers
    def _count(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def _backdate(self, subject, day, kind: str | None = None) -> None:
        """Move the activities the services logged "now" to the day the demo work happened."""

        at = timezone.make_aware(datetime.combine(day, time(9 + self.rng.randint(0, 6), 0)))
        activities = Activity.objects.filter(
            subject_type=subject._meta.label_lower, subject_id=subject.pk
        )
        if kind:
            activities = activities.filter(kind=kind)
        activities.update(at=at)

    def _employer_user(self, employer):

        membership = EmployerUser.objects.filter(employer=employer).select_related("user").first()
        return membership.user if membership else self.user

    def seed(self) -> dict[str, int]:

        seekers = list(
            JobSeeker.objects.filter(regency_id=self.code, status=JobSeeker.Status.ACTIVE)
            .select_related("education_level")
            .order_by("pk")
        )
        self.rng.shuffle(seekers)
        # A few active seekers found work in recent months; the others get counselling and
        # referrals. Seekers the generated population already placed (their seeker_placed events)
        # get the placement records behind those events.
        # The demo accounts' own seekers (the Contract seekers) stay active: they are never among
        # the placed, so their pages (and the load run's seekers) always have an active record.
        generated = [s for s in seekers if s.user_id is None]
        history = generated[: min(len(seekers) // 6, HISTORY_CAP)]
        placed = {s.pk for s in history}
        current = [s for s in seekers if s.pk not in placed]
        self._counselling(seekers)
        self._current_referrals(current)
        self._history(history)
        self._earlier_placements()
        return self.counts

    # counselling
    def _counselling(self, seekers) -> None:

        Kind = CounsellingSession.Kind
        year_ago = self.today - timedelta(days=365)
        recent = [s for s in seekers if s.registered_on and s.registered_on >= year_ago][:30]
        for seeker in recent:
            session = record_session(
                kind=Kind.INTERVIEW,
                by=self.user,
                held_on=seeker.registered_on,
                seekers=[seeker],
                template="ak2",
                notes=INTERVIEW_NOTES.format(job="sesuai pilihan jabatan"),
            )
            self._backdate(session, seeker.registered_on)
            self._count("AK/II interviews")
        for index, seeker in enumerate(seekers[:16]):
            held_on = self.today - timedelta(days=self.rng.randint(3, 170))
            if seeker.registered_on and held_on < seeker.registered_on:
                held_on = seeker.registered_on
            actions = [
                AgreedAction(
                    description=self.rng.choice(GUIDANCE_ACTIONS),
                    due_on=held_on + timedelta(days=self.rng.choice((7, 14, 21, 30))),
                )
                for _ in range(self.rng.randint(1, 2))
            ]
            training = TRAINING[index % len(TRAINING)] if index % 4 == 0 else ("", "", "")
            session = record_session(
                kind=Kind.INDIVIDUAL,
                by=self.user,
                held_on=held_on,
                seekers=[seeker],
                template="guidance",
                notes=template_text("guidance"),
                actions=actions,
                training_kind=training[0],
                training_institution=training[1],
                training_programme=training[2],
            )
            self._backdate(session, held_on)
            self._count("guidance sessions")
            # Most actions are done by now; the rest wait in the officer's queue.
            for action in session.actions.all():
                if action.due_on < self.today and self.rng.random() < 0.6:
                    action.done_on = action.due_on
                    action.done_by = self.user
                    action.save(update_fields=["done_on", "done_by"])
        for months_ago in range(6):
            held_on = self.today - timedelta(days=30 * months_ago + self.rng.randint(2, 20))
            present = [s for s in seekers if s.registered_on and s.registered_on <= held_on]
            group = self.rng.sample(present, min(len(present), self.rng.randint(3, 8)))
            if not group:
                continue
            session = record_session(
                kind=Kind.GROUP,
                by=self.user,
                held_on=held_on,
                seekers=group,
                participants=len(group) + self.rng.randint(5, 18),
                template="group",
                notes=template_text("group"),
                actions=[
                    AgreedAction(
                        description="Membagikan info lowongan terbaru ke peserta",
                        due_on=held_on + timedelta(days=7),
                    )
                ],
            )
            session.actions.filter(due_on__lt=self.today).update(
                done_on=held_on + timedelta(days=6), done_by=self.user
            )
            self._backdate(session, held_on)
            self._count("group sessions")

    # referrals of this month and the last weeks
    def _open_vacancies(self):

        return list(
            Vacancy.objects.published()
            .filter(
                Q(regency_id=self.code) | Q(regency__isnull=True, employer__regency_id=self.code),
                headcount__gt=F("filled_count") + F("removed_count"),
            )
            .select_related("employer", "min_education")
            .order_by("valid_to", "pk")
        )

    def _current_referrals(self, seekers) -> None:

        contract = {company["nib"] for company in CONTRACT_COMPANIES}
        vacancies = self._open_vacancies()
        if not vacancies or not seekers:
            return
        Status = Referral.Status
        Reason = Referral.RejectionReason
        # (status, days ago it was referred, rejection reason): every status of the pipeline,
        # two referrals past 14 days with no outcome, hires last (they fill positions).
        plan = [
            (Status.PROPOSED, 1, ""),
            (Status.PROPOSED, 3, ""),
            (Status.REFERRED, 2, ""),
            (Status.REFERRED, 6, ""),
            (Status.REFERRED, 19, ""),
            (Status.REFERRED, 26, ""),
            (Status.INTERVIEWED, 9, ""),
            (Status.INTERVIEWED, 12, ""),
            (Status.REJECTED, 16, Reason.REQUIREMENTS),
            (Status.REJECTED, 22, Reason.NO_SHOW),
            (Status.REJECTED, 30, Reason.INTERVIEW),
            (Status.WITHDRAWN, 14, ""),
            (Status.HIRED, 10, ""),
            (Status.HIRED, 5, ""),
        ]
        pool = list(seekers)
        for status, days, reason in plan:
            seeker = next(
                (
                    s
                    for s in pool
                    if s.registered_on
                    and (self.today - s.registered_on).days > days
                    and (status != Status.HIRED or s.user_id is None)  # demo accounts stay active
                ),
                None,
            )
            if seeker is None:
                break
            pool.remove(seeker)
            # Hires go to generated companies: the demo employers' own vacancies stay open for
            # the journey of the officer and employer.6271 (tests/e2e/test_officer_journey.py).
            vacancy = next(
                (
                    v
                    for v in vacancies
                    if v.is_open and (status != Status.HIRED or v.employer.nib not in contract)
                ),
                None,
            )
            if vacancy is None:
                break
            vacancies.append(vacancies.pop(0))  # spread the referrals over the vacancies
            referred_on = self.today - timedelta(days=days)
            try:
                referral = services.refer_jobseeker(
                    seeker=seeker,
                    vacancy=vacancy,
                    by=self.user,
                    send=status != Status.PROPOSED,
                    source=self.rng.choice(list(Referral.Source.values)),
                    match_score=round(self.rng.uniform(48, 93), 1),
                )
            except services.ReferralRefused:
                continue
            at = timezone.make_aware(datetime.combine(referred_on, time(10, 30)))
            Referral.objects.filter(pk=referral.pk).update(
                created_at=at,
                referred_at=at if status != Status.PROPOSED else None,
                notified_at=at if status != Status.PROPOSED else None,  # no demo e-mails
            )
            self._backdate(referral, referred_on)
            employer_user = self._employer_user(vacancy.employer)
            outcome_on = min(self.today, referred_on + timedelta(days=max(1, days // 2)))
            if status == Status.INTERVIEWED:
                services.record_referral_outcome(
                    referral=referral, status=status, by=employer_user, on=outcome_on
                )
            elif status == Status.REJECTED:
                services.record_referral_outcome(
                    referral=referral, status=status, by=employer_user, reason=reason, on=outcome_on
                )
            elif status == Status.WITHDRAWN:
                services.record_referral_outcome(
                    referral=referral,
                    status=status,
                    by=self.user,
                    note="Pencari kerja sudah pindah domisili.",
                    on=outcome_on,
                )
            elif status == Status.HIRED:
                services.record_referral_outcome(
                    referral=referral, status=status, by=employer_user, on=outcome_on
                )
                self._count("placements")
            self._count("referrals")

    # placements of the last twelve months, with their referrals and follow-ups
    def _history(self, seekers) -> None:

        employers = list(
            Employer.objects.verified().filter(regency_id=self.code).select_related("industry")
        )
        ended = list(
            Vacancy.objects.filter(
                employer__regency_id=self.code,
                status__in=[Vacancy.Status.FILLED, Vacancy.Status.CLOSED, Vacancy.Status.EXPIRED],
            ).select_related("employer", "employer__industry")
        ) or list(
            Vacancy.objects.filter(
                employer__regency_id=self.code, status=Vacancy.Status.PUBLISHED
            ).select_related("employer", "employer__industry")
        )
        elsewhere = list(
            Employer.objects.verified()
            .filter(regency__province_id=self.code.split(".")[0])
            .exclude(regency_id=self.code)
            .select_related("industry", "regency")[:20]
        )
        abroad_done = False
        start = add_months(self.today.replace(day=1), -11)
        for seeker in seekers:
            earliest = max(
                d for d in (seeker.registered_on, seeker.last_reported_on, start) if d is not None
            ) + timedelta(days=7)
            latest = self.today - timedelta(days=20)
            if earliest > latest:
                continue
            placed_on = earliest + timedelta(days=self.rng.randint(0, (latest - earliest).days))
            via_referral = ended and self.rng.random() < 0.6
            referral = None
            if via_referral:
                vacancy = self.rng.choice(ended)
                referred = placed_on - timedelta(days=self.rng.randint(7, 20))
                referred = max(referred, seeker.registered_on or referred)
                at = timezone.make_aware(datetime.combine(referred, time(10, 0)))
                referral = Referral.objects.create(
                    seeker=seeker,
                    vacancy=vacancy,
                    office=self.user.officer_profile.office,
                    status=Referral.Status.HIRED,
                    source=Referral.Source.MATCH,
                    match_score=round(self.rng.uniform(55, 95), 1),
                    proposed_by=self.user,
                    referred_by=self.user,
                    referred_at=at,
                    interviewed_on=placed_on - timedelta(days=3),
                    outcome_on=placed_on,
                    outcome_by=self._employer_user(vacancy.employer),
                    notified_at=at,
                )
                Referral.objects.filter(pk=referral.pk).update(created_at=at)
                employer = vacancy.employer
                kwargs = {"employer": employer, "job_title": vacancy.title}
                kwargs["occupation"] = vacancy.occupation
                reported_by = Placement.ReportedBy.EMPLOYER
            elif elsewhere and self.rng.random() < 0.25:
                # Work in another regency of the province: AKAD.
                kwargs = {"employer": self.rng.choice(elsewhere), "job_title": "Staf lapangan"}
                reported_by = Placement.ReportedBy.SEEKER
            elif not abroad_done and self.rng.random() < 0.1:
                abroad_done = True
                kwargs = {
                    "employer_name": "Sarawak Palm Estates Sdn Bhd",
                    "employer_type": "private",
                    "industry_section": "A",
                    "job_title": "Pekerja kebun sawit",
                    "country": "Malaysia",
                }
                reported_by = Placement.ReportedBy.SEEKER
            elif employers and self.rng.random() < 0.5:
                employer = self.rng.choice(employers)
                kwargs = {"employer": employer, "job_title": "Staf"}
                reported_by = Placement.ReportedBy.SEEKER
            else:
                name, kind, section = self.rng.choice(OUTSIDE_EMPLOYERS)
                kwargs = {"employer_name": name, "employer_type": kind, "industry_section": section}
                reported_by = self.rng.choice(
                    [Placement.ReportedBy.SEEKER, Placement.ReportedBy.EMPLOYER]
                )
            try:
                placement = services.record_placement(
                    seeker=seeker,
                    by=self.user,
                    placed_on=placed_on,
                    referral=referral,
                    reported_by=reported_by,
                    **kwargs,
                )
            except services.PlacementRefused:
                continue
            if referral is not None:
                Placement.objects.filter(pk=placement.pk).update(vacancy=referral.vacancy)
                self._backdate(referral, referral.referred_at.date())
            self._backdate(placement, placed_on, kind="placement")
            self._count("placements")
            follow_up = FollowUp.objects.get(placement=placement)
            # Follow-ups: done for most that fell due; a few overdue ones wait in the queue.
            if follow_up.due_on <= self.today - timedelta(days=10) and self.rng.random() < 0.8:
                answer = self.rng.choices(list(FollowUp.Answer.values), weights=[80, 12, 8])[0]
                done_on = follow_up.due_on + timedelta(days=self.rng.randint(0, 9))
                services.record_follow_up(
                    follow_up=follow_up, answer=answer, by=self.user, on=done_on
                )
                self._backdate(placement, done_on, kind="follow_up")
                self._count("follow-ups")

    def _earlier_placements(self) -> None:
        """Placement records (with referral, follow-up and the officer's activity) for the
        seekers the generated population placed in the last twelve months: their ledger events
        exist already, so nothing is written to the ledger here."""

        start = add_months(self.today.replace(day=1), -11)
        events = {
            event.subject_id: event
            for event in Event.objects.filter(
                kind=EventKind.SEEKER_PLACED,
                regency_id=self.code,
                occurred_on__gte=start,
                subject_type=JobSeeker._meta.label_lower,
            ).order_by("occurred_on", "id")
        }
        seekers = list(
            JobSeeker.objects.filter(
                pk__in=list(events), status=JobSeeker.Status.PLACED, placements__isnull=True
            )
        )
        if not seekers:
            return
        employers_by_type: dict[str, list] = {}
        for employer in Employer.objects.verified().filter(regency__province_id="62"):
            employers_by_type.setdefault(employer.ownership, []).append(employer)
        ended = list(
            Vacancy.objects.filter(
                employer__regency_id=self.code,
                status__in=[Vacancy.Status.FILLED, Vacancy.Status.CLOSED, Vacancy.Status.EXPIRED],
            ).select_related("employer")
        )
        office = self.user.officer_profile.office
        home = Office.objects.filter(regency_id=self.code).first()
        officer = self.user.officer_profile
        placements, referrals, activities = [], [], []
        for seeker in seekers:
            event = events[seeker.pk]
            day = event.occurred_on
            at = timezone.make_aware(datetime.combine(day, time(11, 0)))
            candidates = employers_by_type.get(event.employer_type) or []
            employer = self.rng.choice(candidates) if candidates else None
            referral = None
            vacancy = None
            if ended and self.rng.random() < 0.5:
                vacancy = self.rng.choice(ended)
                employer = vacancy.employer
                referred = timezone.make_aware(
                    datetime.combine(day - timedelta(days=self.rng.randint(5, 25)), time(10, 0))
                )
                referral = Referral(
                    seeker=seeker,
                    vacancy=vacancy,
                    office=office,
                    status=Referral.Status.HIRED,
                    source=Referral.Source.MATCH,
                    match_score=round(self.rng.uniform(55, 95), 1),
                    proposed_by=self.user,
                    referred_by=self.user,
                    referred_at=referred,
                    outcome_on=day,
                    notified_at=referred,
                )
                referrals.append(referral)
            name, kind, section = self.rng.choice(OUTSIDE_EMPLOYERS)
            placements.append(
                Placement(
                    seeker=seeker,
                    vacancy=vacancy,
                    referral=referral,
                    source=Placement.Source.REFERRAL if referral else Placement.Source.OUTSIDE,
                    reported_by=Placement.ReportedBy.EMPLOYER
                    if referral
                    else self.rng.choice(list(Placement.ReportedBy.values)),
                    employer=employer,
                    employer_name=employer.name if employer else name,
                    job_title=vacancy.title if vacancy else "",
                    industry_section=event.industry_section or section,
                    employer_type=event.employer_type or kind,
                    scope=event.placement_scope or Placement.Scope.AKL,
                    work_regency_id=self.code if event.placement_scope in ("", "AKL") else None,
                    country="Malaysia" if event.placement_scope == "AKAN" else "",
                    placed_on=day,
                    office=home,
                    regency_id=self.code,
                    recorded_by=self.user,
                )
            )
            activities.append((at, day))
        Referral.objects.bulk_create(referrals)
        for placement in placements:
            if placement.referral is not None:
                placement.referral_id = placement.referral.pk
        Placement.objects.bulk_create(placements)
        follow_ups, logged = [], []
        for placement, (at, day) in zip(placements, activities, strict=True):
            due = add_months(day, 3)
            # Follow-ups due in the last month are still the officer's backlog.
            done = due <= self.today - timedelta(days=30) and self.rng.random() < 0.85
            follow_ups.append(
                FollowUp(
                    placement=placement,
                    due_on=due,
                    done_on=due + timedelta(days=self.rng.randint(0, 9)) if done else None,
                    still_employed=self.rng.choices(
                        list(FollowUp.Answer.values), weights=[80, 12, 8]
                    )[0]
                    if done
                    else "",
                    recorded_by=self.user if done else None,
                )
            )
            logged.append(
                Activity(
                    officer=officer,
                    office_id=officer.office_id,
                    kind=Activity.Kind.PLACEMENT,
                    at=at,
                    subject_type=Placement._meta.label_lower,
                    subject_id=placement.pk,
                    evidence={"demo": "casework", "scope": placement.scope},
                )
            )
        if not any(f.done_on is None and f.due_on <= self.today for f in follow_ups):
            due = [f for f in follow_ups if f.due_on <= self.today]
            if due:  # keep at least one in the queue
                latest = max(due, key=lambda f: f.due_on)
                latest.done_on, latest.still_employed, latest.recorded_by = None, "", None
        FollowUp.objects.bulk_create(follow_ups)
        Activity.objects.bulk_create(logged)
        self._count("earlier placements", len(placements))
