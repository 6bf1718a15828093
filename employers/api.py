"""API of employers (DESIGN.md Contract): the same services as the pages. The vacancies' API is
`employers.vacancy_api`; both share the responses and helpers defined here.

employers/                 POST public registration; GET scoped (officers: region; employer: own)
employers/{id}/            GET scoped
employers/{id}/verify/     POST officer {decision: verify|reject, reason}
"""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from employers import rules, services
from employers.access import is_office_staff
from employers.models import Employer
from employers.services.companies import DETAILS_FIELDS
from placement.taxonomy.models import (
    District,
    Industry,
    Regency,
)

NOT_FOUND = OpenApiResponse(description="Not found, or outside what you may see.")
BAD_REQUEST = OpenApiResponse(description="Invalid input: a message per field.")
UNAUTHENTICATED = OpenApiResponse(description="Authentication required.")


class ProblemSerializer(serializers.Serializer):
    # A refused step carries `detail`; invalid input names each field instead.
    detail = serializers.CharField(max_length=500, required=False)
    problems = serializers.DictField(child=serializers.CharField(max_length=500), required=False)


REFUSED = OpenApiResponse(ProblemSerializer, description="The step is not allowed now.")


def code_field(pattern: str, max_length: int, message: str, **kwargs) -> serializers.CharField:
    """A text field checked against a pattern, with the message said when it does not match."""
    return serializers.CharField(
        max_length=max_length, validators=[RegexValidator(pattern, message)], **kwargs
    )


# --- Employers ----------------------------------------------------------------------------------


def _in_model_order(names: tuple[str, ...]) -> list[str]:
    """`names`, fields of Employer, in the order the model declares them."""
    position = {field.name: index for index, field in enumerate(Employer._meta.get_fields())}
    return sorted(names, key=position.__getitem__)


class EmployerSerializer(serializers.ModelSerializer):
    industry = serializers.CharField(source="industry.code", read_only=True, max_length=5)
    regency = serializers.CharField(source="regency_id", read_only=True, max_length=5)
    district = serializers.CharField(
        source="district_id", read_only=True, max_length=8, allow_null=True
    )
    # Stored blank when the company has none: a plain string, not a `uri` that "" would break.
    website = serializers.CharField(read_only=True, max_length=200, allow_blank=True)

    class Meta:
        model = Employer
        # The details the company may correct (DETAILS_FIELDS, the one list) and what it cannot:
        # published in the model's declaration order (the NIB and identifier after the name, so
        # the schema keeps its order), with the dates last.
        fields = [
            *_in_model_order(
                ("id", "kind", "nib", "identifier", *DETAILS_FIELDS, "status", "status_reason")
            ),
            "created_at",
            "verified_at",
        ]
        read_only_fields = fields


class EmployerRegistrationSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=Employer.Kind.choices, required=False, default=Employer.Kind.COMPANY
    )
    name = serializers.CharField(max_length=200)
    nib = code_field(
        rules.NIB_PATTERN,
        13,
        _("Enter the 13 digits of the NIB (companies only)."),
        min_length=13,
        required=False,
    )
    identifier = serializers.CharField(
        max_length=40,
        required=False,
        allow_blank=True,
        default="",
        help_text="Other kinds than company: kode satker, AHU decree number, or NIK.",
    )
    industry = code_field(rules.KBLI_CODE_PATTERN, 5, _("A KBLI 2020 code, e.g. 47111."))
    ownership = serializers.ChoiceField(
        choices=Employer.Ownership.choices, required=False, allow_blank=True, default=""
    )
    address = serializers.CharField(max_length=255)
    regency = code_field(rules.REGENCY_CODE_PATTERN, 5, _("A regency code such as 62.71."))
    district = code_field(
        rules.DISTRICT_CODE_PATTERN,
        8,
        _("A district code such as 62.71.01."),
        required=False,
        allow_blank=True,
    )
    contact_name = serializers.CharField(max_length=150)
    contact_email = serializers.EmailField(max_length=254)
    contact_phone = code_field(rules.PHONE_PATTERN, 20, _("A phone number."))
    website = serializers.URLField(max_length=200, required=False, allow_blank=True)
    full_name = serializers.CharField(max_length=150)
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(
        min_length=8, max_length=128, write_only=True, trim_whitespace=False
    )

    def validate(self, attrs: dict) -> dict:
        errors = {}
        industry = Industry.objects.current().filter(code=attrs["industry"]).first()
        if industry is None:
            errors["industry"] = [_("Unknown KBLI 2020 code.")]
        regency = Regency.objects.filter(code=attrs["regency"]).first()
        if regency is None:
            errors["regency"] = [_("Unknown regency code.")]
        district = None
        if attrs.get("district"):
            district = District.objects.filter(code=attrs["district"]).first()
            if district is None or (regency and district.regency_id != regency.code):
                errors["district"] = [_("Unknown district, or not in the regency.")]
        try:
            validate_password(attrs["password"])
        except DjangoValidationError as error:
            errors["password"] = list(error.messages)
        if errors:
            raise serializers.ValidationError(errors)
        attrs.update(industry=industry, regency=regency, district=district)
        return attrs


class EmployerDecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["verify", "reject"])
    reason = serializers.CharField(max_length=255, required=False, allow_blank=True)


@extend_schema_view(
    list=extend_schema(responses={200: EmployerSerializer, 401: UNAUTHENTICATED}),
    retrieve=extend_schema(responses={200: EmployerSerializer, 401: UNAUTHENTICATED, 404: None}),
)
class EmployerViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Employers: public registration; officers see those of their region."""

    serializer_class = EmployerSerializer

    def get_permissions(self):
        if self.action == "create":
            return [AllowAny()]
        return [IsAuthenticated()]

    def get_queryset(self):
        return (
            Employer.objects.visible_to(self.request.user)
            .select_related("industry")
            .order_by("-created_at", "id")
        )

    @extend_schema(
        request=EmployerRegistrationSerializer,
        responses={201: EmployerSerializer, 400: BAD_REQUEST},
    )
    def create(self, request: Request) -> Response:
        """Register a company and its first user (the company's administrator)."""
        data = EmployerRegistrationSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        try:
            employer = services.register_employer(
                kind=values["kind"],
                name=values["name"],
                nib=values.get("nib") or None,
                identifier=values.get("identifier") or "",
                industry=values["industry"],
                ownership=values["ownership"],
                address=values["address"],
                regency=values["regency"],
                district=values.get("district"),
                contact_name=values["contact_name"],
                contact_email=values["contact_email"],
                contact_phone=values["contact_phone"],
                website=values.get("website") or "",
                email=values["email"],
                full_name=values["full_name"],
                password=values["password"],
                language=request.LANGUAGE_CODE,
            )
        except services.EmployerRefused as refused:
            body = {name: [message] for name, message in refused.problems.items()}
            return Response({"detail": str(refused), **body}, status=status.HTTP_400_BAD_REQUEST)
        return Response(EmployerSerializer(employer).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=EmployerDecisionSerializer,
        responses={200: EmployerSerializer, 400: REFUSED, 401: UNAUTHENTICATED, 404: NOT_FOUND},
    )
    @action(detail=True, methods=["post"])
    def verify(self, request: Request, pk: str | None = None) -> Response:
        """An officer of the company's region verifies or rejects the registration."""
        if not is_office_staff(request.user):
            raise NotFound
        employer = self.get_object()
        data = EmployerDecisionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            if data.validated_data["decision"] == "verify":
                employer = services.verify_employer(employer=employer, by=request.user, via="api")
            else:
                employer = services.reject_employer(
                    employer=employer,
                    by=request.user,
                    reason=data.validated_data.get("reason", ""),
                    via="api",
                )
        except services.EmployerRefused as refused:
            return Response({"detail": str(refused)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(EmployerSerializer(employer).data)
