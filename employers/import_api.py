"""API of imports (the same services as the officer's pages), scoped like them: an officer sees
the imports they uploaded (the national administrator every import); anyone else gets 404.

imports/               POST multipart {file, kind, policy, profile}: stored and queued
imports/{id}/          GET status, progress, counts and the first rows of the report
imports/{id}/review/   GET the run's rows in review with the coder's suggestions;
                       POST {confirm: [{id, kbji, regency, skills: {word: uri}}]}
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from employers import import_review, imports
from employers.access import imports_for, is_office_staff
from employers.models import ImportProfile, ImportRun, Vacancy
from officers.forms import ImportForm
from placement.accounts.scope import region_scope

NOT_FOUND = OpenApiResponse(description="Not found, or not an import of yours.")
BAD_REQUEST = OpenApiResponse(description="Invalid input: a message per field.")
UNAUTHENTICATED = OpenApiResponse(description="Authentication required.")
SHOWN_REVIEW = 200


class ImportUploadSerializer(serializers.Serializer):
    file = serializers.FileField(help_text=_("CSV, XLSX or JSON lines; at most 20 MB."))
    kind = serializers.ChoiceField(choices=ImportRun.Kind.choices, default="vacancies")
    policy = serializers.ChoiceField(choices=ImportRun.Policy.choices, default="skip")
    profile = serializers.SlugRelatedField(
        slug_field="name",
        queryset=ImportProfile.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("A saved mapping by its name; else one is picked or suggested."),
    )

    def validate_file(self, upload):
        form = ImportForm(data={"kind": "vacancies", "policy": "skip"}, files={"file": upload})
        form.is_valid()
        if "file" in form.errors:
            raise serializers.ValidationError(form.errors["file"])
        return upload


class ReportEntrySerializer(serializers.Serializer):
    row = serializers.IntegerField()
    outcome = serializers.CharField()
    column = serializers.CharField()
    reason = serializers.CharField()
    value = serializers.CharField()


class ImportRunSerializer(serializers.ModelSerializer):
    profile = serializers.SlugRelatedField(slug_field="name", read_only=True)
    percent = serializers.SerializerMethodField()
    report = serializers.SerializerMethodField()
    report_csv = serializers.SerializerMethodField()

    class Meta:
        model = ImportRun
        fields = [
            "id",
            "kind",
            "policy",
            "status",
            "file_name",
            "profile",
            "percent",
            "rows_total",
            "rows_imported",
            "rows_updated",
            "rows_review",
            "rows_set_aside",
            "rows_duplicates",
            "rows_warned",
            "rows_failed",
            "message",
            "seconds",
            "created_at",
            "finished_at",
            "report",
            "report_csv",
        ]

    def get_percent(self, run: ImportRun) -> int:
        return imports.progress(run)["percent"]

    @extend_schema_field(ReportEntrySerializer(many=True))
    def get_report(self, run: ImportRun) -> list[dict]:
        names = ["row", "column", "reason", "value", "outcome"]
        return [
            dict(zip(names, [*entry[:4], entry[4] if len(entry) > 4 else "rejected"], strict=True))
            for entry in run.errors
        ]

    def get_report_csv(self, run: ImportRun) -> str:
        return reverse("officers:import_report_csv", args=[run.pk])


class OptionSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


class SkillOptionsSerializer(serializers.Serializer):
    word = serializers.CharField()
    options = OptionSerializer(many=True, help_text=_("code: the skill's ESCO URI"))


class SuggestionsSerializer(serializers.Serializer):
    kbji = OptionSerializer(many=True)
    regency = OptionSerializer(many=True)
    skills = SkillOptionsSerializer(many=True)


class ReviewRowSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    row = serializers.IntegerField(allow_null=True)
    title = serializers.CharField()
    employer = serializers.CharField()
    kbji = serializers.CharField(allow_null=True)
    regency = serializers.CharField(allow_null=True)
    to_review = serializers.ListField(child=serializers.CharField())
    suggestions = SuggestionsSerializer()


class ReviewChoiceSerializer(serializers.Serializer):
    id = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    kbji = serializers.CharField(required=False, allow_blank=True, max_length=10)
    regency = serializers.CharField(required=False, allow_blank=True, max_length=10)
    skills = serializers.DictField(child=serializers.CharField(max_length=120), required=False)

    def validate_skills(self, value: dict) -> dict:
        if len(value) > 30 or any(len(word) > 200 for word in value):
            raise serializers.ValidationError(_("At most 30 words of at most 200 characters."))
        return value


class ReviewConfirmSerializer(serializers.Serializer):
    confirm = ReviewChoiceSerializer(many=True, max_length=500)


class ConfirmedSerializer(serializers.Serializer):
    confirmed = serializers.IntegerField()


def _options(pairs) -> list[dict]:
    return [{"code": code, "name": name} for code, name in pairs]


@extend_schema_view(
    retrieve=extend_schema(
        responses={200: ImportRunSerializer, 401: UNAUTHENTICATED, 404: NOT_FOUND}
    ),
)
class ImportViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Imports of vacancy and employer files by an officer."""

    serializer_class = ImportRunSerializer
    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator, not a caller
            return ImportRun.objects.none()
        user = self.request.user
        if not is_office_staff(user):
            raise NotFound
        return imports_for(user).select_related("profile")

    @extend_schema(
        request={"multipart/form-data": ImportUploadSerializer},
        responses={
            201: ImportRunSerializer,
            400: BAD_REQUEST,
            401: UNAUTHENTICATED,
            404: NOT_FOUND,
        },
    )
    def create(self, request: Request) -> Response:
        """Upload a file: mapped with the named profile, a matching one or a suggestion, and
        queued at once (the officer's pages offer the mapping on screen)."""
        if not is_office_staff(request.user) or region_scope(request.user).is_empty:
            raise NotFound
        data = ImportUploadSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        run = imports.start_import(
            kind=data.validated_data["kind"],
            policy=data.validated_data["policy"],
            upload=data.validated_data["file"],
            by=request.user,
            profile=data.validated_data.get("profile"),
        )
        return Response(ImportRunSerializer(run).data, status=status.HTTP_201_CREATED)

    def _in_review(self, run: ImportRun):
        return (
            import_review.review_queue(self.request.user)
            .filter(import_run=run)
            .select_related("employer", "occupation")
        )

    @extend_schema(
        methods=["GET"],
        responses={200: ReviewRowSerializer(many=True), 401: UNAUTHENTICATED, 404: NOT_FOUND},
    )
    @extend_schema(
        methods=["POST"],
        request=ReviewConfirmSerializer,
        responses={
            200: ConfirmedSerializer,
            400: BAD_REQUEST,
            401: UNAUTHENTICATED,
            404: NOT_FOUND,
        },
    )
    @action(detail=True, methods=["get", "post"])
    def review(self, request: Request, pk: str | None = None) -> Response:
        """The run's rows in review with the coder's suggestions; POST confirms rows with the
        chosen suggestions (which teach the coders)."""
        run = self.get_object()
        if request.method == "POST":
            data = ReviewConfirmSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            choices = {item["id"]: item for item in data.validated_data["confirm"]}
            ids = list(
                self._in_review(run).filter(pk__in=list(choices)).values_list("pk", flat=True)
            )
            confirmed = import_review.confirm_review(
                vacancy_ids=ids, by=request.user, choices=choices
            )
            return Response({"confirmed": confirmed})
        vacancies: list[Vacancy] = list(self._in_review(run)[:SHOWN_REVIEW])
        offers = import_review.suggestions(vacancies)
        rows = [
            {
                "id": vacancy.pk,
                "row": vacancy.source_row,
                "title": vacancy.title,
                "employer": vacancy.employer.name,
                "kbji": vacancy.occupation.code if vacancy.occupation else None,
                "regency": vacancy.regency_id,
                "to_review": vacancy.coding.get("review", []),
                "suggestions": {
                    "kbji": _options(offers[vacancy.pk]["kbji"]),
                    "regency": _options(offers[vacancy.pk]["regency"]),
                    "skills": [
                        {"word": word, "options": _options(options)}
                        for word, options in offers[vacancy.pk]["skills"]
                    ],
                },
            }
            for vacancy in vacancies
        ]
        return Response(ReviewRowSerializer(rows, many=True).data)
