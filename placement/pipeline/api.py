"""API of applications (DESIGN.md Contract), calling the same services as the pages.

applications/                POST a verified seeker applies {vacancy, note};
                             GET seeker: own; employer: to its vacancies; officer: the region's
applications/{id}/status/    POST the employer moves an application on {status}
applications/{id}/withdraw/  POST the seeker takes an open application back
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from employers.access import get_vacancy_for_viewer
from jobseekers.models import SeekerSkill
from placement.accounts.models import Role
from placement.pipeline import services
from placement.pipeline.access import (
    get_application_for_employer,
    get_application_for_seeker,
    seeker_for,
)
from placement.pipeline.models import Application

NOT_FOUND = OpenApiResponse(description="Not found, or outside what you may see.")
REFUSED = OpenApiResponse(description="The step is not allowed now ({detail}).")
UNAUTHENTICATED = OpenApiResponse(description="Authentication required.")


class ApplicantSerializer(serializers.Serializer):
    """The profile summary an employer sees: never the NIK, birth date or disability."""

    name = serializers.CharField(source="full_name", max_length=150)
    education = serializers.CharField(source="education_level_id", allow_null=True, max_length=4)
    experience_months = serializers.IntegerField()
    regency = serializers.CharField(source="regency_id", allow_null=True, max_length=5)
    skills = serializers.SerializerMethodField()

    def get_skills(self, seeker) -> list[str]:
        return [item.skill.label for item in seeker.skills.all()]


class ApplicationSerializer(serializers.ModelSerializer):
    vacancy_title = serializers.CharField(source="vacancy.title", read_only=True, max_length=200)
    applicant = ApplicantSerializer(source="seeker", read_only=True)

    class Meta:
        model = Application
        fields = [
            "id",
            "vacancy",
            "vacancy_title",
            "status",
            "note",
            "applicant",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class ApplyRequestSerializer(serializers.Serializer):
    vacancy = serializers.IntegerField(min_value=1)
    note = serializers.CharField(
        max_length=services.MAX_NOTE, required=False, allow_blank=True, default=""
    )


class StatusRequestSerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[
            Application.Status.SEEN,
            Application.Status.SHORTLISTED,
            Application.Status.INTERVIEW,
            Application.Status.HIRED,
            Application.Status.REJECTED,
        ]
    )


@extend_schema_view(
    list=extend_schema(responses={200: ApplicationSerializer, 401: UNAUTHENTICATED})
)
class ApplicationViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Applications: seekers apply; employers answer; officers follow their region."""

    serializer_class = ApplicationSerializer

    def get_queryset(self):
        return (
            Application.objects.visible_to(self.request.user)
            .select_related("vacancy", "seeker")
            .prefetch_related(
                Prefetch("seeker__skills", queryset=SeekerSkill.objects.select_related("skill"))
            )
            .order_by("-created_at", "-id")
        )

    @extend_schema(
        request=ApplyRequestSerializer,
        responses={201: ApplicationSerializer, 400: REFUSED, 401: UNAUTHENTICATED, 404: NOT_FOUND},
    )
    def create(self, request: Request) -> Response:
        """A verified seeker applies to a published vacancy."""
        if request.user.role != Role.SEEKER:
            raise Http404
        data = ApplyRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        seeker = seeker_for(request.user)
        vacancy = get_vacancy_for_viewer(request.user, data.validated_data["vacancy"])
        try:
            application = services.apply_to_vacancy(
                seeker=seeker, vacancy=vacancy, note=data.validated_data["note"]
            )
        except services.ApplicationRefused as refused:
            return Response({"detail": str(refused)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(ApplicationSerializer(application).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=StatusRequestSerializer,
        responses={200: ApplicationSerializer, 400: REFUSED, 401: UNAUTHENTICATED, 404: NOT_FOUND},
    )
    @action(detail=True, methods=["post"], url_path="status")
    def change_status(self, request: Request, pk: str | None = None) -> Response:
        """The employer of the vacancy moves the application on."""
        application = get_application_for_employer(request.user, int(pk))
        data = StatusRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            application = services.change_application_status(
                application=application, status=data.validated_data["status"], by=request.user
            )
        except services.ApplicationRefused as refused:
            return Response({"detail": str(refused)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(ApplicationSerializer(application).data)

    @extend_schema(
        request=None,
        responses={200: ApplicationSerializer, 400: REFUSED, 401: UNAUTHENTICATED, 404: NOT_FOUND},
    )
    @action(detail=True, methods=["post"])
    def withdraw(self, request: Request, pk: str | None = None) -> Response:
        """The seeker takes back an open application."""
        application = get_application_for_seeker(request.user, int(pk))
        try:
            application = services.withdraw_application(application=application, by=request.user)
        except services.ApplicationRefused as refused:
            return Response({"detail": str(refused)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(ApplicationSerializer(application).data)
