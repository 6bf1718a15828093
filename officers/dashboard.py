"""The officer dashboard's figures, charts and work-queue counts.

A regency/city office's dashboard is counted live with a handful of bounded, indexed queries (one
regency: PERFORMANCE.md measures tens of milliseconds). A provincial or the national office reads
the per-region summaries the nightly run builds (`RegionSummary`), never aggregating a province or
the nation live; its work-queue counts are capped live counts (at most 1,000 rows are counted).

With a shared cache (Redis) the figures of an office are counted once and shared by its officers
for at most `OFFICER_DASHBOARD_CACHE_SECONDS`: the key holds the office, the region scope of the
user, the day and the language, so no office ever sees another region's figures. Any saved or
deleted record the dashboard counts (`COUNTED_MODELS`, after its transaction commits) starts a
new generation of keys, so an officer's own verification or placement shows at once; writes that
bypass `save()` (bulk updates, the nightly summaries) show within the time-to-live. The officer's
own counselling actions due are never shared: they are counted for each request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from employers.models import Employer, Vacancy
from jobseekers.models import JobSeeker
from officers import charts, queues
from officers.access import actions_for_officer
from placement.accounts.scope import region_scope
from placement.matching.models import RegionSummary
from placement.offices.models import Office, Officer
from placement.pipeline.models import FollowUp, Placement, Referral
from placement.reports import figures
from placement.taxonomy.models import EducationLevel, Occupation, Province, Regency

MONTHS = 12
NO_FIGURE = "\u2013"  # a month whose IPK tables are not built yet
GENERATION_KEY = "officers:dashboard:generation"
# What the dashboard counts: a save or delete of one of these starts a new cache generation.
COUNTED_MODELS = (
    "jobseekers.JobSeeker",
    "employers.Employer",
    "employers.Vacancy",
    "pipeline.Referral",
    "pipeline.Placement",
    "pipeline.FollowUp",
    "ledger.Event",
    "migrants.Case",
    "market.JobFair",
    "reports.IpkReport",
    "matching.RegionSummary",
    "offices.Office",
)


@dataclass
class Figure:
    label: str
    value: int | None
    hint: str = ""


@dataclass
class Queue:
    key: str
    label: str
    count: int
    url: str
    capped: bool = False


@dataclass
class Chart:
    chart_id: str
    title: str
    svg: str
    headers: list[str]
    rows: list[list[object]]


@dataclass
class Dashboard:
    level: str  # "regency" (live) or "summary" (province / nation)
    title: str
    figures: list[Figure] = field(default_factory=list)
    queues: list[Queue] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    regions: list[dict] = field(default_factory=list)
    built_on: date | None = None
    month: date | None = None
    counted_at: datetime | None = None  # set when the figures are shared from the cache


def month_start(day: date) -> date:
    return day.replace(day=1)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _url(name: str, query: str = "") -> str:
    return reverse(name) + (f"?{query}" if query else "")


def build(user, officer: Officer | None, today: date | None = None) -> Dashboard:
    """The dashboard of `user`'s office: live for a regency office, summaries above it."""
    today = today or timezone.localdate()
    scope = region_scope(user)
    if scope.is_empty:
        # No region (the privacy officer, an officer no longer in post): no figures at all.
        return Dashboard(level="none", title="", month=month_start(today))
    office = officer.office if officer is not None else None

    def count() -> Dashboard:
        dashboard = _office_figures(user, office, today)
        if settings.OFFICER_DASHBOARD_CACHE_SECONDS > 0:
            dashboard.counted_at = timezone.now()
        return dashboard

    dashboard = shared("figures", user, office, today, count)
    _count_own_actions(dashboard, user, officer, today)
    return dashboard


def shared(name: str, user, office: Office | None, today: date, compute):
    """`compute()`, shared through the cache by the users of `office` with the same region scope
    for at most OFFICER_DASHBOARD_CACHE_SECONDS (0: always computed)."""
    seconds = settings.OFFICER_DASHBOARD_CACHE_SECONDS
    if seconds <= 0:
        return compute()
    key = cache_key(name, region_scope(user), office, today)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, seconds)
    return value


def cache_key(name: str, scope, office: Office | None, today: date) -> str:
    """The key of shared figures: generation, office, region scope, day and language."""
    generation = cache.get(GENERATION_KEY, 0)
    return (
        f"officers:dashboard:{name}:{generation}:{office.pk if office else '-'}:{scope.key}:"
        f"{today.isoformat()}:{get_language()}"
    )


def invalidate(**_signal) -> None:
    """Start a new generation of cached dashboards once the current transaction commits (the
    receiver of COUNTED_MODELS' saves and deletes: officers/apps.py)."""
    transaction.on_commit(_next_generation)


def _next_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet (or evicted): any new value retires the old keys
        cache.set(GENERATION_KEY, int(timezone.now().timestamp()), None)


def _office_figures(user, office: Office | None, today: date) -> Dashboard:
    if office is not None and office.level == Office.Level.REGENCY:
        return _regency(user, office, today)
    return _summary(user, office, today)


def _count_own_actions(dashboard: Dashboard, user, officer: Officer | None, today: date) -> None:
    """The officer's own counselling actions due (never shared between officers)."""
    queue = next((q for q in dashboard.queues if q.key == "actions"), None)
    if queue is None:
        return
    if officer is None:
        queue.count, queue.capped = 0, False
        return
    due = queues.actions_due(actions_for_officer(user).filter(officer=officer), today)
    if dashboard.level == "regency":
        queue.count, queue.capped = due.count(), False
    else:
        queue.count, queue.capped = queues.capped_count(due)


# --- A regency/city office: live, bounded --------------------------------------------------------


def _regency(user, office: Office, today: date) -> Dashboard:
    code = office.regency_id
    start = month_start(today)
    first = add_months(start, -(MONTHS - 1))
    soon_report = today + timedelta(queues.REPORT_DUE_DAYS)
    soon_expiry = today + timedelta(queues.EXPIRING_DAYS)

    # 1. Seekers of the regency by status and education, with the dated counts (one scan).
    active = Q(status=JobSeeker.Status.ACTIVE)
    seeker_rows = (
        JobSeeker.objects.filter(regency_id=code)
        .values("status", "education_level_id")
        .annotate(
            n=Count("pk"),
            report_due=Count("pk", filter=active & Q(next_report_on__lte=soon_report)),
            expiring=Count("pk", filter=active & Q(expires_on__lte=soon_expiry)),
        )
        .order_by()
    )
    by_status: dict[str, int] = {}
    by_education: dict[str, int] = {}
    report_due = expiring = 0
    for row in seeker_rows:
        by_status[row["status"]] = by_status.get(row["status"], 0) + row["n"]
        if row["status"] == JobSeeker.Status.ACTIVE:
            key = row["education_level_id"] or ""
            by_education[key] = by_education.get(key, 0) + row["n"]
        report_due += row["report_due"]
        expiring += row["expiring"]

    # 2. The seeker stock and flows of IPK III/1 (placement/reports/figures.py): this month up to
    # today live from the ledger, the eleven months before from the stored monthly tables.
    months = [add_months(first, i) for i in range(MONTHS)]
    per_month = figures.monthly_seekers(code, months, today)
    flows = per_month[start]

    # 3. Vacancies located in the regency: open (the shared count), waiting for verification,
    # closing unreferred.
    vacancies = Vacancy.objects.filter(
        Q(regency_id=code) | Q(regency__isnull=True, employer__regency_id=code)
    )
    open_figures = figures.open_vacancy_figures(code, today)
    to_verify = vacancies.filter(status=Vacancy.Status.SUBMITTED).count()
    closing = queues.closing_without_referral(vacancies, today).count()

    # 4. Employers waiting for verification.
    employers_waiting = Employer.objects.filter(
        regency_id=code, status=Employer.Status.PENDING
    ).count()

    # 5. Referrals of the regency's seekers: this month, and waiting too long for an outcome.
    referrals = Referral.objects.filter(seeker__regency_id=code)
    stale_cutoff = timezone.now() - timedelta(queues.STALE_REFERRAL_DAYS)
    referral_figures = referrals.aggregate(
        month=Count("pk", filter=Q(referred_at__gte=_aware(start))),
        stale=Count(
            "pk",
            filter=Q(status__in=Referral.AWAITING_STATUSES, referred_at__lt=stale_cutoff),
        ),
    )

    # 6. The regency's follow-ups due (the officer's own actions due: `_count_own_actions`).
    follow_ups = queues.follow_ups_due(
        FollowUp.objects.filter(placement__regency_id=code), today
    ).count()

    dashboard = Dashboard(level="regency", title=office.name, month=start)
    dashboard.figures = [
        Figure(_("Registrations this month"), flows.registered, _("up to today (IPK III/1)")),
        Figure(
            _("Active job seekers"),
            flows.active,
            _("today; IPK III/1 counts the same stock at the end of each month"),
        ),
        Figure(_("Open vacancies"), open_figures["vacancies"], _("today")),
        Figure(_("Open positions"), open_figures["positions"], _("today")),
        Figure(_("Referrals this month"), referral_figures["month"]),
        Figure(_("Placements this month"), flows.placed, _("up to today (IPK III/1)")),
        Figure(_("Cards expiring within 30 days"), expiring),
    ]
    dashboard.queues = _queues(
        to_verify=by_status.get(JobSeeker.Status.SUBMITTED, 0),
        employers=employers_waiting,
        vacancies=to_verify,
        report_due=report_due,
        closing=closing,
        stale=referral_figures["stale"],
        actions=0,
        follow_ups=follow_ups,
    )
    dashboard.charts = [
        _month_chart(per_month),
        _education_chart(by_education),
    ]
    return dashboard


def _queues(**counts: int | tuple[int, bool]) -> list[Queue]:
    def value(key: str) -> tuple[int, bool]:
        count = counts[key]
        return count if isinstance(count, tuple) else (count, False)

    spec = [
        ("to_verify", _("Registrations to verify"), _url("officers:seeker_queue")),
        ("employers", _("Employers to verify"), _url("officers:employer_queue")),
        ("vacancies", _("Vacancies to verify"), _url("officers:vacancy_queue")),
        (
            "report_due",
            _("Job seekers with a report due"),
            _url("officers:caseload_seekers", "queue=report_due"),
        ),
        (
            "closing",
            _("Vacancies closing soon with no referral"),
            _url("officers:caseload_vacancies", "queue=closing"),
        ),
        (
            "stale",
            _("Referrals with no outcome after 14 days"),
            _url("officers:referral_list", "queue=stale"),
        ),
        ("actions", _("Counselling actions due"), _url("officers:action_list")),
        ("follow_ups", _("Placement follow-ups due"), _url("officers:follow_up_list")),
    ]
    result = []
    for key, label, url in spec:
        count, capped = value(key)
        result.append(Queue(key=key, label=label, count=count, url=url, capped=capped))
    return result


def _month_chart(per_month: dict[date, figures.SeekerFlows | None]) -> Chart:
    months = list(per_month)
    labels = [formats.date_format(month, "M y") for month in months]
    registered = [flows.registered if flows else 0 for flows in per_month.values()]
    placed = [flows.placed if flows else 0 for flows in per_month.values()]
    title = _("Registrations and placements, last 12 months")
    return Chart(
        chart_id="chart-months",
        title=title,
        svg=charts.column_chart(
            chart_id="chart-months",
            title=title,
            description=_(
                "Job seekers registered and placed per month (IPK III/1; months whose tables "
                "are not built yet show none)."
            ),
            categories=labels,
            series=[(_("Registered"), registered), (_("Placed"), placed)],
        ),
        headers=[_("Month"), _("Registered"), _("Placed")],
        rows=[
            [label, flows.registered, flows.placed] if flows else [label, NO_FIGURE, NO_FIGURE]
            for label, flows in zip(labels, per_month.values(), strict=True)
        ],
    )


def _education_chart(by_education: dict[str, int]) -> Chart:
    levels = {level.code: level.short_name for level in EducationLevel.objects.order_by("order")}
    order = list(levels)
    items = [
        (levels.get(code, _("Not stated")), n)
        for code, n in sorted(
            by_education.items(),
            key=lambda item: order.index(item[0]) if item[0] in order else len(order),
        )
    ]
    title = _("Active job seekers by education")
    return Chart(
        chart_id="chart-education",
        title=title,
        svg=charts.bar_chart(
            chart_id="chart-education",
            title=title,
            description=_(
                "Active cards in the register by their highest education; the stock above counts "
                "the ledger and can differ by cards whose lapse is not recorded yet."
            ),
            items=items,
        ),
        headers=[_("Education"), _("Active job seekers")],
        rows=[[label, n] for label, n in items],
    )


# --- A provincial or the national office: nightly summaries ---------------------------------


def _summary(user, office: Office | None, today: date) -> Dashboard:
    code = office.code if office is not None else "00"
    if office is not None and office.level == Office.Level.PROVINCE:
        children = list(
            Regency.objects.filter(province_id=office.province_id)
            .order_by("code")
            .values_list("code", "name")
        )
    else:
        children = list(Province.objects.order_by("code").values_list("code", "name"))
    rows = {
        row.region_code: row
        for row in RegionSummary.objects.filter(region_code__in=[code, *[c for c, _n in children]])
    }
    own = rows.get(code)
    data = own.data if own is not None else {}
    by_status = data.get("seekers_by_status", {})
    # Active job seekers: the stored IPK III/1 stock at the end of the last complete month; open
    # vacancies and positions: today's shared count (placement/reports/figures.py).
    last_month = add_months(month_start(today), -1)
    stock = figures.seekers_at_month_end([code, *[c for c, _n in children]], last_month)
    open_now = figures.open_vacancies_by_region(today)
    empty = {"vacancies": 0, "positions": 0}
    own_open = open_now.get(code, empty)
    at_month_end = _("at the end of %(month)s (IPK III/1)") % {
        "month": formats.date_format(last_month, "F Y")
    }
    dashboard = Dashboard(
        level="summary",
        title=office.name if office is not None else _("National"),
        built_on=own.built_on if own is not None else None,
        month=month_start(today),
    )
    dashboard.figures = [
        Figure(
            _("Active job seekers"),
            stock[code].active if stock[code] else None,
            at_month_end,
        ),
        Figure(_("Registrations waiting"), by_status.get("submitted", 0) if own else None),
        Figure(_("Open vacancies"), own_open["vacancies"], _("today")),
        Figure(_("Open positions"), own_open["positions"], _("today")),
        Figure(_("Reports due within 30 days"), data.get("reports_due_30_days") if own else None),
        Figure(
            _("Cards expiring within 30 days"), data.get("cards_expiring_30_days") if own else None
        ),
    ]
    for child_code, name in children:
        child = rows.get(child_code)
        child_data = child.data if child is not None else {}
        statuses = child_data.get("seekers_by_status", {})
        child_stock = stock.get(child_code)
        child_open = open_now.get(child_code, empty)
        dashboard.regions.append(
            {
                "code": child_code,
                "name": name,
                "active": child_stock.active if child_stock else None,
                "submitted": statuses.get("submitted", 0),
                "open_vacancies": child_open["vacancies"],
                "open_positions": child_open["positions"],
                "expiring": child_data.get("cards_expiring_30_days", 0),
            }
        )
    seekers = JobSeeker.objects.visible_to(user)
    vacancies = Vacancy.objects.visible_to(user)
    dashboard.queues = _queues(
        to_verify=queues.capped_count(seekers.filter(status=JobSeeker.Status.SUBMITTED)),
        employers=queues.capped_count(
            Employer.objects.visible_to(user).filter(status=Employer.Status.PENDING)
        ),
        vacancies=queues.capped_count(vacancies.filter(status=Vacancy.Status.SUBMITTED)),
        report_due=(data.get("reports_due_30_days", 0), False),
        closing=queues.capped_count(queues.closing_without_referral(vacancies, today)),
        stale=queues.capped_count(queues.stale_referrals(Referral.objects.visible_to(user))),
        actions=0,  # the officer's own: `_count_own_actions`
        follow_ups=queues.capped_count(
            queues.follow_ups_due(
                FollowUp.objects.filter(placement__in=Placement.objects.visible_to(user)), today
            )
        ),
    )
    # The report-due figure of the summary counts 30 days ahead; label it so.
    dashboard.queues[3].label = _("Job seekers with a report due within 30 days")
    if own is not None:
        dashboard.charts = [
            _education_chart(data.get("active_by_education", {})),
            _occupation_chart(data),
        ]
    return dashboard


def _occupation_chart(data: dict) -> Chart:
    groups = dict(Occupation.objects.current().filter(level=1).values_list("code", "title"))
    seekers = data.get("active_by_occupation_group", {})
    vacancies = data.get("vacancies_by_occupation_group", {})
    codes = sorted(set(seekers) | set(vacancies))
    labels = [f"{code} {groups.get(code, '')}".strip() for code in codes]
    title = _("Active job seekers and open vacancies by occupation group")
    return Chart(
        chart_id="chart-occupations",
        title=title,
        svg=charts.column_chart(
            chart_id="chart-occupations",
            title=title,
            description=_("Per KBJI major group: job seekers who want it and open vacancies."),
            categories=codes,
            series=[
                (_("Job seekers"), [seekers.get(c, 0) for c in codes]),
                (_("Vacancies"), [vacancies.get(c, 0) for c in codes]),
            ],
        ),
        headers=[_("Occupation group"), _("Job seekers"), _("Vacancies")],
        rows=[
            [label, seekers.get(c, 0), vacancies.get(c, 0)]
            for label, c in zip(labels, codes, strict=True)
        ],
    )
