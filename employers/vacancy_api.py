"""API of vacancies (DESIGN.md Contract): the same services as the pages.

vacancies/                 GET (anonymous/seeker: published; employer: own; officer: region);
                           POST employer (creates a draft)
vacancies/{id}/            GET the same scope
vacancies/{id}/submit/     POST the owning employer
vacancies/{id}/verify/     POST officer {decision: publish|return, reason}
vacancies/{id}/close/      POST the owning employer or an officer of the region {hired}
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from employers import rules, services
from employers.access import is_office_staff, membership_for
from employers.api import BAD_REQUEST, NOT_FOUND, REFUSED, UNAUTHENTICATED, code_field
from employers.models import Vacancy, VacancySkill
from placement.accounts.models import Role
from placement.taxonomy.credentials import Language, LanguageLevel, LicenceClass
from placement.taxonomy.models import (
    EducationLevel,
    Industry,
    Occupation,
    Regency,
    Skill,
)


class VacancySerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True, max_length=12)
    employer_name = serializers.CharField(source="employer.name", read_only=True, max_length=200)
    occupation = serializers.CharField(
        source="occupation.code", read_only=True, allow_null=True, max_length=7
    )
    occupation_title = serializers.CharField(
        source="occupation.title", read_only=True, allow_null=True, max_length=255
    )
    industry = serializers.CharField(
        source="industry.code", read_only=True, allow_null=True, max_length=5
    )
    min_education = serializers.CharField(
        source="min_education_id", read_only=True, allow_null=True, max_length=4
    )
    regency = serializers.CharField(
        source="regency_id", read_only=True, allow_null=True, max_length=5
    )
    open_positions = serializers.IntegerField(read_only=True)
    # "" when nothing is required: declared so the schema allows the blank (a read-only model
    # choice field would not).
    required_licence = serializers.ChoiceField(
        choices=LicenceClass.choices, allow_blank=True, read_only=True
    )
    required_language = serializers.ChoiceField(
        choices=Language.choices, allow_blank=True, read_only=True
    )
    required_skills = serializers.SerializerMethodField()
    optional_skills = serializers.SerializerMethodField()

    class Meta:
        model = Vacancy
        fields = [
            "id",
            "reference",
            "employer",
            "employer_name",
            "title",
            "occupation",
            "occupation_title",
            "industry",
            "headcount",
            "open_positions",
            "filled_count",
            "removed_count",
            "description",
            "min_education",
            "min_experience_months",
            "age_min",
            "age_max",
            "sex",
            "limits_reason",
            "required_licence",
            "required_certificate",
            "required_language",
            "required_language_level",
            "night_work",
            "hazardous_work",
            "wage_min",
            "wage_max",
            "regency",
            "scope",
            "country",
            "p3mi_name",
            "job_order_number",
            "valid_from",
            "valid_to",
            "status",
            "return_reason",
            "published_at",
            "required_skills",
            "optional_skills",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_required_skills(self, vacancy: Vacancy) -> list[int]:
        return [s.skill_id for s in vacancy.skills.all() if s.is_required]

    @extend_schema_field(serializers.ListField(child=serializers.IntegerField()))
    def get_optional_skills(self, vacancy: Vacancy) -> list[int]:
        return [s.skill_id for s in vacancy.skills.all() if not s.is_required]


class VacancyWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    occupation = code_field(rules.KBJI_CODE_PATTERN, 7, _("A KBJI 2014 code: 4 digits or 2512.01."))
    industry = code_field(
        rules.KBLI_CODE_PATTERN, 5, _("A KBLI 2020 code."), required=False, allow_blank=True
    )
    headcount = serializers.IntegerField(min_value=1, max_value=rules.MAX_HEADCOUNT)
    description = serializers.CharField(max_length=5000)
    min_education = code_field(
        rules.EDUCATION_CODE_PATTERN, 4, _("An IPK education code such as 3000.")
    )
    min_experience_months = serializers.IntegerField(
        min_value=0, max_value=rules.MAX_EXPERIENCE_MONTHS, required=False, default=0
    )
    age_min = serializers.IntegerField(
        min_value=rules.MIN_AGE, max_value=rules.MAX_AGE, required=False, allow_null=True
    )
    age_max = serializers.IntegerField(
        min_value=rules.MIN_AGE, max_value=rules.MAX_AGE, required=False, allow_null=True
    )
    sex = serializers.ChoiceField(choices=["", "L", "P"], required=False, default="")
    limits_reason = serializers.CharField(
        max_length=255, required=False, allow_blank=True, default=""
    )
    required_licence = serializers.ChoiceField(
        choices=LicenceClass.choices, required=False, allow_blank=True, default=""
    )
    required_certificate = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default=""
    )
    required_language = serializers.ChoiceField(
        choices=Language.choices, required=False, allow_blank=True, default=""
    )
    required_language_level = serializers.ChoiceField(
        choices=LanguageLevel.choices, required=False, allow_null=True, default=None
    )
    night_work = serializers.BooleanField(required=False, default=False)
    hazardous_work = serializers.BooleanField(required=False, default=False)
    wage_min = serializers.IntegerField(
        min_value=0, max_value=rules.MAX_WAGE, required=False, allow_null=True
    )
    wage_max = serializers.IntegerField(
        min_value=0, max_value=rules.MAX_WAGE, required=False, allow_null=True
    )
    regency = code_field(
        rules.REGENCY_CODE_PATTERN,
        5,
        _("A regency code such as 62.71."),
        required=False,
        allow_null=True,
        allow_blank=True,
    )
    scope = serializers.ChoiceField(choices=Vacancy.Scope.choices, required=False, default="AKL")
    country = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    p3mi_name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    job_order_number = serializers.CharField(
        max_length=100, required=False, allow_blank=True, default=""
    )
    valid_from = serializers.DateField()
    valid_to = serializers.DateField()
    required_skills = serializers.ListField(
        child=serializers.IntegerField(min_value=1), max_length=15, required=False, default=list
    )
    optional_skills = serializers.ListField(
        child=serializers.IntegerField(min_value=1), max_length=15, required=False, default=list
    )

    def validate(self, attrs: dict) -> dict:
        errors: dict[str, list] = {}
        occupation = (
            Occupation.objects.current().filter(code=attrs["occupation"], level__gte=4).first()
        )
        if occupation is None:
            errors["occupation"] = [_("Unknown KBJI 2014 code (4 digits or more).")]
        industry = None
        if attrs.get("industry"):
            industry = Industry.objects.current().filter(code=attrs["industry"]).first()
            if industry is None:
                errors["industry"] = [_("Unknown KBLI 2020 code.")]
        education = EducationLevel.objects.filter(code=attrs["min_education"]).first()
        if education is None:
            errors["min_education"] = [_("Unknown education code.")]
        regency = None
        if attrs.get("regency"):
            regency = Regency.objects.filter(code=attrs["regency"]).first()
            if regency is None:
                errors["regency"] = [_("Unknown regency code.")]
        skill_ids = set(attrs["required_skills"]) | set(attrs["optional_skills"])
        skills = {s.pk: s for s in Skill.objects.filter(pk__in=skill_ids)}
        if len(skills) != len(skill_ids):
            errors["required_skills"] = [_("Unknown skill id.")]
        values = {**attrs, "regency_id": regency.pk if regency else None}
        for field, message in rules.vacancy_problems(values, today=timezone.localdate()).items():
            errors.setdefault(field, [message])
        if errors:
            raise serializers.ValidationError(errors)
        attrs.update(
            occupation=occupation, industry=industry, min_education=education, regency=regency
        )
        attrs["required_skills"] = [skills[pk] for pk in attrs["required_skills"]]
        attrs["optional_skills"] = [
            skills[pk] for pk in attrs["optional_skills"] if pk not in attrs["required_skills"]
        ]
        return attrs


class VacancyDecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["publish", "return"])
    reason = serializers.CharField(max_length=4000, required=False, allow_blank=True)


class CloseSerializer(serializers.Serializer):
    hired = serializers.IntegerField(min_value=0, max_value=rules.MAX_HEADCOUNT, default=0)


def _refused(refused: services.VacancyRefused) -> Response:
    return Response(
        {"detail": refused.message, "problems": refused.problems},
        status=status.HTTP_400_BAD_REQUEST,
    )


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("status", OpenApiTypes.STR, enum=Vacancy.Status.values, required=False)
        ],
        responses={200: VacancySerializer},
    ),
    retrieve=extend_schema(responses={200: VacancySerializer, 404: NOT_FOUND}),
)
class VacancyViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Vacancies: published ones for everyone, own for employers, the region for officers."""

    serializer_class = VacancySerializer
    permission_classes = [AllowAny]

    def get_queryset(self):
        vacancies = Vacancy.objects.visible_to(self.request.user)
        wanted = self.request.query_params.get("status", "")
        if wanted in Vacancy.Status.values:
            vacancies = vacancies.filter(status=wanted)
        return (
            vacancies.select_related("employer", "occupation", "industry")
            .prefetch_related(Prefetch("skills", queryset=VacancySkill.objects.all()))
            .order_by("-id")
        )

    def _own(self, pk: str) -> Vacancy:
        membership = membership_for(self.request.user)
        vacancy = Vacancy.objects.filter(pk=pk, employer_id=membership.employer_id).first()
        if vacancy is None:
            raise Http404
        return vacancy

    def _scoped(self, pk: str) -> Vacancy:
        if not is_office_staff(self.request.user):
            raise Http404
        vacancy = Vacancy.objects.visible_to(self.request.user).filter(pk=pk).first()
        if vacancy is None:
            raise Http404
        return vacancy

    def _detail(self, vacancy: Vacancy) -> dict:
        fresh = (
            Vacancy.objects.select_related("employer", "occupation", "industry")
            .prefetch_related("skills")
            .get(pk=vacancy.pk)
        )
        return VacancySerializer(fresh).data

    @extend_schema(
        request=VacancyWriteSerializer,
        responses={201: VacancySerializer, 400: BAD_REQUEST, 401: UNAUTHENTICATED, 404: None},
    )
    def create(self, request: Request) -> Response:
        """An employer reports a vacancy; it starts as a draft (then `submit/`)."""
        if not request.user.is_authenticated:
            return Response(status=status.HTTP_401_UNAUTHORIZED)
        if request.user.role != Role.EMPLOYER:
            raise Http404
        membership = membership_for(request.user)
        data = VacancyWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        required = values.pop("required_skills")
        optional = values.pop("optional_skills")
        if values.get("industry") is None:
            values.pop("industry")
        vacancy = services.create_vacancy(
            employer=membership.employer,
            by=request.user,
            fields=values,
            required_skills=required,
            optional_skills=optional,
        )
        return Response(self._detail(vacancy), status=status.HTTP_201_CREATED)

    @extend_schema(
        request=None,
        responses={200: VacancySerializer, 400: REFUSED, 401: UNAUTHENTICATED, 404: NOT_FOUND},
    )
    @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated])
    def submit(self, request: Request, pk: str | None = None) -> Response:
        """The owning employer sends a complete draft for verification."""
        vacancy = self._own(pk)
        try:
            vacancy = services.submit_vacancy(vacancy=vacancy, by=request.user)
        except services.VacancyRefused as refused:
            return _refused(refused)
        return Response(self._detail(vacancy))

    @extend_schema(
        request=VacancyDecisionSerializer,
        responses={200: VacancySerializer, 400: REFUSED, 401: UNAUTHENTICATED, 404: NOT_FOUND},
    )
    @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated])
    def verify(self, request: Request, pk: str | None = None) -> Response:
        """An officer of the region publishes the vacancy or returns it with the reason."""
        vacancy = self._scoped(pk)
        data = VacancyDecisionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            if data.validated_data["decision"] == "publish":
                vacancy = services.publish_vacancy(vacancy=vacancy, by=request.user, via="api")
            else:
                vacancy = services.return_vacancy(
                    vacancy=vacancy,
                    by=request.user,
                    reason=data.validated_data.get("reason", ""),
                    via="api",
                )
        except services.VacancyRefused as refused:
            return _refused(refused)
        return Response(self._detail(vacancy))

    @extend_schema(
        request=CloseSerializer,
        responses={200: VacancySerializer, 400: REFUSED, 401: UNAUTHENTICATED, 404: NOT_FOUND},
    )
    @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated])
    def close(self, request: Request, pk: str | None = None) -> Response:
        """Report the people hired and withdraw the open positions (owner or officer)."""
        vacancy = self._own(pk) if request.user.role == Role.EMPLOYER else self._scoped(pk)
        data = CloseSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            vacancy = services.close_vacancy(
                vacancy=vacancy, by=request.user, hired=data.validated_data["hired"]
            )
        except services.VacancyRefused as refused:
            return _refused(refused)
        return Response(self._detail(vacancy))
