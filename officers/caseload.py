"""The officer's caseload: filter forms and the scoped querysets behind the three lists.

Every list starts from the app's `visible_to(user)` queryset (out-of-region rows never appear),
filters on indexed columns where it can, and counts at most `CAP` rows, so a page costs a bounded
number of bounded queries whatever the region's size.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from django import forms
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Concat
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from employers.models import Employer, Vacancy
from jobseekers.models import JobSeeker
from officers import queues
from officers.listing import query_without
from placement.accounts.scope import region_scope
from placement.pipeline.models import Referral
from placement.taxonomy.models import District, EducationLevel, Occupation, Regency

PAGE_SIZE = 50
CAP = 2_500  # 50 pages: beyond that, narrowing the filters beats paging
NIK = re.compile(r"^\d{16}$", re.ASCII)
AK1 = re.compile(r"^\d{2,4}-\d{4}-\d{6}$", re.ASCII)
VACANCY_REFERENCE = re.compile(r"^AK3-(\d{1,12})$", re.ASCII | re.IGNORECASE)
REFERENCE_TTL = 60 * 60  # reference lists change only when reference data is reloaded

LAST_CONTACT = [
    ("", _("Any time")),
    ("none", _("Never")),
    ("30", _("Within 30 days")),
    ("90", _("Within 90 days")),
    ("older", _("More than 90 days ago")),
]


class CappedPaginator(Paginator):
    """A paginator that counts at most CAP rows (`capped` tells whether there are more).

    `counted` is the same filter without the row annotations (what a row shows is not needed to
    count rows, and a subquery per counted row would cost as much as the page itself).
    """

    capped = False

    def __init__(self, object_list, per_page, *, counted: QuerySet | None = None) -> None:
        super().__init__(object_list, per_page)
        self.counted = counted if counted is not None else object_list

    @cached_property
    def count(self) -> int:
        n = self.counted.order_by()[: CAP + 1].count()
        self.capped = n > CAP
        return min(n, CAP)


def page_of(request, queryset: QuerySet, counted: QuerySet | None = None):
    """The requested page of `queryset` (counting at most CAP rows of `counted`)."""
    paginator = CappedPaginator(queryset, PAGE_SIZE, counted=counted)
    return paginator.get_page(request.GET.get("page"))


def page_of_ids(request, queryset: QuerySet, rows):
    """Like `page_of`, in two steps: the page's primary keys from the lean, ordered filter, then
    `rows(pks)` loads what the rows show for just those (a "deferred join": the planner never
    joins the displayed tables to the whole region before sorting)."""
    paginator = CappedPaginator(queryset.values_list("pk", flat=True), PAGE_SIZE, counted=queryset)
    page = paginator.get_page(request.GET.get("page"))
    pks = list(page.object_list)
    loaded = {row.pk: row for row in rows(pks)} if pks else {}
    page.object_list = [loaded[pk] for pk in pks if pk in loaded]
    return page


FILTERS_TEMPLATE = "officers/components/filters.html"


def filters_html(request, form: CaseloadForm, sort: str) -> str:
    """The list's filter bar. Unfiltered (the pages of the default list, what officers open most)
    it is rendered once per form, region scope, language and sort order and kept as long as the
    reference lists it offers: its select widgets render a template per option, about a third of
    the page's time. Filtered, or with an error, it is rendered for the request."""
    context = {"form": form, "sort": sort}
    if query_without(request, "page", "sort", "export") or form.errors:
        return render_to_string(FILTERS_TEMPLATE, context)
    key = (
        f"officers:filters:{type(form).__name__}:{region_scope(form.user).key}:"
        f"{get_language()}:{sort}"
    )
    return cache.get_or_set(key, lambda: render_to_string(FILTERS_TEMPLATE, context), REFERENCE_TTL)


# --- Choices (reference data, cached) ------------------------------------------------------------


def education_choices() -> list[tuple[str, str]]:
    return cache.get_or_set(
        "officers:education-choices",
        lambda: list(EducationLevel.objects.order_by("order").values_list("code", "short_name")),
        REFERENCE_TTL,
    )


def occupation_group_choices() -> list[tuple[str, str]]:
    return cache.get_or_set(
        "officers:occupation-groups",
        lambda: [
            (code, f"{code} {title}")
            for code, title in Occupation.objects.current()
            .filter(level=1)
            .order_by("code")
            .values_list("code", "title")
        ],
        REFERENCE_TTL,
    )


def district_choices(regency_code: str) -> list[tuple[str, str]]:
    if not regency_code:
        return []
    return cache.get_or_set(
        f"officers:districts:{regency_code}",
        lambda: list(
            District.objects.filter(regency_id=regency_code)
            .order_by("name")
            .values_list("code", "name")
        ),
        REFERENCE_TTL,
    )


def regency_choices(user) -> list[tuple[str, str]]:
    """The regencies of a provincial office's region (none for a regency office or the nation)."""
    scope = region_scope(user)
    if scope.everything or scope.is_empty or not scope.province_codes:
        return []
    key = "officers:regencies:" + ",".join(sorted(scope.province_codes))
    return cache.get_or_set(
        key,
        lambda: list(
            Regency.objects.filter(province_id__in=scope.province_codes)
            .order_by("code")
            .values_list("code", "name")
        ),
        REFERENCE_TTL,
    )


def own_regency(user) -> str:
    """The regency of a regency/city officer ('' for provincial and national officers)."""
    scope = region_scope(user)
    if len(scope.regency_codes) == 1 and not scope.province_codes and not scope.everything:
        return next(iter(scope.regency_codes))
    return ""


def _contact_filter(field: str, value: str, today: date) -> Q | None:
    if value == "none":
        return Q(**{f"{field}__isnull": True})
    if value == "30":
        return Q(**{f"{field}__gte": today - timedelta(30)})
    if value == "90":
        return Q(**{f"{field}__gte": today - timedelta(90)})
    if value == "older":
        return Q(**{f"{field}__lt": today - timedelta(90)})
    return None


class CaseloadForm(forms.Form):
    """Filters shared by the three lists; invalid values show an error and are not applied."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    regency = forms.ChoiceField(label=_("Regency/city"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    last_contact = forms.ChoiceField(label=_("Last contact"), required=False, choices=LAST_CONTACT)

    def __init__(self, data, *, user, **kwargs) -> None:
        super().__init__(data, **kwargs)
        self.user = user
        regencies = regency_choices(user)
        if regencies:
            self.fields["regency"].choices = [("", _("All in your region")), *regencies]
        else:
            del self.fields["regency"]
        regency = own_regency(user) or (data.get("regency", "") if regencies else "")
        if regency and regencies and regency not in dict(regencies):
            regency = ""
        districts = district_choices(regency)
        if districts:
            self.fields["district"].choices = [("", _("All")), *districts]
        else:
            del self.fields["district"]

    def value(self, name: str) -> str:
        if not self.is_bound or name not in self.fields:
            return ""
        if self.is_valid() or name not in self.errors:
            return self.cleaned_data.get(name) or ""
        return ""


# --- Job seekers ---------------------------------------------------------------------------------


class SeekerFilterForm(CaseloadForm):
    STATUS_CHOICES = [
        ("all", _("All statuses")),
        *[(value, label) for value, label in JobSeeker.Status.choices if value != "draft"],
    ]
    QUEUES = [("", ""), ("report_due", ""), ("expiring", "")]

    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_CHOICES)
    education = forms.ChoiceField(label=_("Education"), required=False)
    occupation_group = forms.ChoiceField(label=_("Occupation group wanted"), required=False)
    queue = forms.ChoiceField(required=False, choices=QUEUES, widget=forms.HiddenInput)

    field_order = [
        "q",
        "status",
        "regency",
        "district",
        "education",
        "occupation_group",
        "last_contact",
        "queue",
    ]

    def __init__(self, data, *, user, **kwargs) -> None:
        super().__init__(data, user=user, **kwargs)
        self.fields["q"].label = _("Name, NIK or AK/I number")
        self.fields["education"].choices = [("", _("All")), *education_choices()]
        self.fields["occupation_group"].choices = [("", _("All")), *occupation_group_choices()]


def first_wanted_label() -> Subquery:
    through = JobSeeker.preferred_occupations.through
    return Subquery(
        through.objects.filter(jobseeker=OuterRef("pk"))
        .order_by("pk")
        .values(label=Concat("occupation__code", Value(" "), "occupation__title"))[:1]
    )


def seekers(user, form: SeekerFilterForm, today: date) -> QuerySet[JobSeeker]:
    """The filtered seekers of the officer's region, newest registration first."""
    queryset = JobSeeker.objects.visible_to(user).exclude(status=JobSeeker.Status.DRAFT)
    status = form.value("status") or ("all" if form.value("queue") else "active")
    if status != "all":
        queryset = queryset.filter(status=status)
    queue = form.value("queue")
    if queue == "report_due":
        queryset = queues.report_due(queryset, today)
    elif queue == "expiring":
        queryset = queues.cards_expiring(queryset, today)
    if form.value("regency"):
        queryset = queryset.filter(regency_id=form.value("regency"))
    if form.value("district"):
        queryset = queryset.filter(district_id=form.value("district"))
    if form.value("education"):
        queryset = queryset.filter(education_level_id=form.value("education"))
    if form.value("occupation_group"):
        through = JobSeeker.preferred_occupations.through
        queryset = queryset.filter(
            Exists(
                through.objects.filter(
                    jobseeker=OuterRef("pk"),
                    occupation__code__startswith=form.value("occupation_group"),
                )
            )
        )
    contact = _contact_filter("case__last_contact_on", form.value("last_contact"), today)
    if contact is not None:
        queryset = queryset.filter(contact)
    q = form.value("q").strip()
    if q:
        if NIK.match(q):
            queryset = queryset.filter(nik=q)
        elif AK1.match(q):
            queryset = queryset.filter(ak1_number=q)
        else:
            queryset = queryset.filter(full_name__icontains=q)
    if queue == "report_due":
        order = ["next_report_on", "pk"]
    elif queue == "expiring":
        order = ["expires_on", "pk"]
    elif status == JobSeeker.Status.SUBMITTED:
        order = ["submitted_at", "pk"]
    elif own_regency(user) or form.value("regency"):
        # One regency: the (regency, status, registered_on) index gives the order.
        order = ["-registered_on", "-pk"]
    else:
        # Several regencies: newest records first, along the primary key (no sort of the
        # whole province).
        order = ["-pk"]
    return queryset.order_by(*order)


def searched_by_nik(form) -> bool:
    """A search by NIK: the rows it lists are the holders of that NIK, so each row shown is a read
    of their NIK (accounts.audit.audit_list)."""
    return bool(NIK.match((form.value("q") or "").strip()))


def seeker_rows(pks: list[int]) -> QuerySet[JobSeeker]:
    """What a row of the list shows, for the seekers of one page."""
    return (
        JobSeeker.objects.filter(pk__in=pks)
        .select_related("education_level", "district", "regency", "case")
        .annotate(wanted=first_wanted_label())
    )


# --- Employers -----------------------------------------------------------------------------------


class EmployerFilterForm(CaseloadForm):
    STATUS_CHOICES = [("all", _("All statuses")), *Employer.Status.choices]

    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_CHOICES)
    section = forms.ChoiceField(
        label=_("Industry (KBLI category)"),
        required=False,
        choices=[("", _("All")), *[(c, c) for c in "ABCDEFGHIJKLMNOPQRSTU"]],
    )
    ownership = forms.ChoiceField(
        label=_("Type of employer"),
        required=False,
        choices=[("", _("All")), *Employer.Ownership.choices],
    )

    field_order = ["q", "status", "regency", "district", "section", "ownership", "last_contact"]

    def __init__(self, data, *, user, **kwargs) -> None:
        super().__init__(data, user=user, **kwargs)
        self.fields["q"].label = _("Name or NIB")
        self.fields["last_contact"].label = _("Last referral")


def last_referral_to_employer() -> Subquery:
    return Subquery(
        Referral.objects.filter(vacancy__employer=OuterRef("pk"), referred_at__isnull=False)
        .order_by("-referred_at")
        .values("referred_at__date")[:1]
    )


def employers(user, form: EmployerFilterForm, today: date) -> QuerySet[Employer]:
    """The filtered employers of the officer's region, by name."""
    queryset = Employer.objects.visible_to(user)
    status = form.value("status") or "all"
    if status != "all":
        queryset = queryset.filter(status=status)
    if form.value("regency"):
        queryset = queryset.filter(regency_id=form.value("regency"))
    if form.value("district"):
        queryset = queryset.filter(district_id=form.value("district"))
    if form.value("section"):
        queryset = queryset.filter(industry__section=form.value("section"))
    if form.value("ownership"):
        queryset = queryset.filter(ownership=form.value("ownership"))
    contact = _contact_filter("last_referral", form.value("last_contact"), today)
    if contact is not None:
        queryset = queryset.annotate(last_referral=last_referral_to_employer()).filter(contact)
    q = form.value("q").strip()
    if q:
        queryset = queryset.filter(nib=q) if q.isdigit() else queryset.filter(name__icontains=q)
    return queryset.order_by("name", "pk")


def employer_rows(queryset: QuerySet[Employer], today: date) -> QuerySet[Employer]:
    open_vacancies = (
        Vacancy.objects.open(today)
        .filter(employer=OuterRef("pk"))
        .order_by()
        .values("employer")
        .annotate(n=Count("pk"))
        .values("n")
    )
    queryset = queryset.select_related("regency", "district", "industry").annotate(
        open_vacancies=Coalesce(Subquery(open_vacancies, output_field=IntegerField()), 0)
    )
    if "last_referral" not in queryset.query.annotations:
        queryset = queryset.annotate(last_referral=last_referral_to_employer())
    return queryset


# --- Vacancies -----------------------------------------------------------------------------------


class VacancyFilterForm(CaseloadForm):
    STATUS_CHOICES = [
        ("all", _("All statuses")),
        *[(value, label) for value, label in Vacancy.Status.choices if value != "draft"],
    ]
    QUEUES = [("", ""), ("closing", "")]

    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_CHOICES)
    education = forms.ChoiceField(label=_("Minimum education"), required=False)
    occupation_group = forms.ChoiceField(label=_("Occupation group"), required=False)
    closing = forms.BooleanField(label=_("Closing within 14 days"), required=False)
    queue = forms.ChoiceField(required=False, choices=QUEUES, widget=forms.HiddenInput)

    field_order = [
        "q",
        "status",
        "regency",
        "district",
        "education",
        "occupation_group",
        "last_contact",
        "closing",
        "queue",
    ]

    def __init__(self, data, *, user, **kwargs) -> None:
        super().__init__(data, user=user, **kwargs)
        self.fields["q"].label = _("Title, company or vacancy number")
        self.fields["last_contact"].label = _("Last referral")
        if "district" in self.fields:
            self.fields["district"].label = _("District of the company")
        self.fields["education"].choices = [("", _("All")), *education_choices()]
        self.fields["occupation_group"].choices = [("", _("All")), *occupation_group_choices()]


def last_referral_to_vacancy() -> Subquery:
    return Subquery(
        Referral.objects.filter(vacancy=OuterRef("pk"), referred_at__isnull=False)
        .order_by("-referred_at")
        .values("referred_at__date")[:1]
    )


def vacancies(user, form: VacancyFilterForm, today: date) -> QuerySet[Vacancy]:
    """The filtered vacancies of the officer's region (submitted or later), closing first."""
    queryset = Vacancy.objects.visible_to(user)
    queue = form.value("queue")
    status = form.value("status") or ("all" if queue else Vacancy.Status.PUBLISHED)
    if status != "all":
        queryset = queryset.filter(status=status)
    if queue == "closing":
        queryset = queues.closing_without_referral(queryset, today)
    if form.value("regency"):
        code = form.value("regency")
        queryset = queryset.filter(
            Q(regency_id=code) | Q(regency__isnull=True, employer__regency_id=code)
        )
    if form.value("district"):
        queryset = queryset.filter(employer__district_id=form.value("district"))
    if form.value("education"):
        queryset = queryset.filter(min_education_id=form.value("education"))
    if form.value("occupation_group"):
        queryset = queryset.filter(occupation__code__startswith=form.value("occupation_group"))
    if form.value("closing"):
        queryset = queryset.filter(valid_to__gte=today, valid_to__lte=today + timedelta(14))
    contact = _contact_filter("last_referral", form.value("last_contact"), today)
    if contact is not None:
        queryset = queryset.annotate(last_referral=last_referral_to_vacancy()).filter(contact)
    q = form.value("q").strip()
    if q:
        reference = VACANCY_REFERENCE.match(q)
        if reference:
            queryset = queryset.filter(pk=int(reference.group(1)))
        else:
            queryset = queryset.filter(Q(title__icontains=q) | Q(employer__name__icontains=q))
    return queryset.order_by("valid_to", "pk")


def vacancy_rows(queryset: QuerySet[Vacancy]) -> QuerySet[Vacancy]:
    live = (
        Referral.objects.filter(vacancy=OuterRef("pk"))
        .exclude(status=Referral.Status.WITHDRAWN)
        .order_by()
        .values("vacancy")
        .annotate(n=Count("pk"))
        .values("n")
    )
    queryset = queryset.select_related(
        "employer", "regency", "occupation", "min_education"
    ).annotate(referral_count=Coalesce(Subquery(live, output_field=IntegerField()), 0))
    if "last_referral" not in queryset.query.annotations:
        queryset = queryset.annotate(last_referral=last_referral_to_vacancy())
    return queryset
