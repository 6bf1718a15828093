"""`GET /api/v1/taxonomy/occupations/suggest/`: KBJI unit groups for a job title."""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from placement.taxonomy.text.occupations import (
    CONTEXT_MAX_LENGTH,
    Suggestion,
    suggest_occupations,
)
from placement.taxonomy.words_api import TaxonomyTextThrottle

TITLE_MAX_LENGTH = 300
DESCRIPTION_MAX_LENGTH = 20_000


class OccupationSuggestQuery(serializers.Serializer):
    title = serializers.CharField(
        max_length=TITLE_MAX_LENGTH,
        required=False,
        allow_blank=True,
        trim_whitespace=True,
        help_text="The job title as people write it (Indonesian, English or mixed).",
        error_messages={"max_length": _("The job title is too long (at most 300 characters).")},
    )
    description = serializers.CharField(
        max_length=DESCRIPTION_MAX_LENGTH,
        required=False,
        allow_blank=True,
        help_text="Optional: the job description, to help choose between close groups.",
        error_messages={
            "max_length": _("The description is too long (at most 20,000 characters).")
        },
    )
    sector = serializers.CharField(
        max_length=10,
        required=False,
        allow_blank=True,
        help_text="Optional: the employer's KBLI 2020 code or section letter (e.g. `Q`, `56101`).",
    )
    context = serializers.CharField(
        max_length=CONTEXT_MAX_LENGTH,
        required=False,
        allow_blank=True,
        help_text=(
            "Optional: the ad's department, category or function as the job board gives it "
            "(`Finance And Accounting`, `Akuntansi / Staff Accounting`). Weaker than the title: "
            "it reorders close readings and picks among a vague title's usual jobs."
        ),
        error_messages={"max_length": _("The context is too long (at most 300 characters).")},
    )
    limit = serializers.IntegerField(min_value=1, max_value=20, default=5, required=False)

    def validate(self, attrs: dict) -> dict:
        if not attrs.get("title", "").strip() and not attrs.get("description", "").strip():
            raise serializers.ValidationError({"title": _("Give a job title to look up.")})
        return attrs


class OccupationSuggestionSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="KBJI 2014 unit group (4 digits).")
    title = serializers.CharField(help_text="The group's title in the active language.")
    score = serializers.FloatField(help_text="0 to 1; 1 = the title is a known name of the group.")
    reason = serializers.CharField(help_text="Why this group, in the active language.")
    job_code = serializers.CharField(
        allow_blank=True, help_text="KBJI 6-level job code (`5230.01`) when one fits, else empty."
    )
    job_title = serializers.CharField(allow_blank=True)


class OccupationSuggestResponse(serializers.Serializer):
    results = OccupationSuggestionSerializer(many=True)


def suggestion_data(suggestion: Suggestion) -> dict[str, object]:
    """One suggestion as the API and the pickers show it (active language)."""
    language = (get_language() or "id")[:2]
    return {
        "code": suggestion.code,
        "title": suggestion.title(language),
        "score": suggestion.score,
        "reason": suggestion.reason(),
        "job_code": suggestion.job_code,
        "job_title": suggestion.job_title,
    }


class OccupationSuggestView(APIView):
    """Suggest KBJI 2014 unit groups for a job title, best first, each with a score and a reason.

    Understands the words people use ("admin gudang", "SPG", "sopir", "Sales Executive
    (Jakarta)") and the noise of real job ads. Open to everyone; anonymous callers are limited to
    60 requests a minute. Text without letters or digits gives an empty list.
    """

    permission_classes = [AllowAny]
    throttle_classes = [TaxonomyTextThrottle]

    @extend_schema(
        parameters=[OccupationSuggestQuery],
        responses={200: OccupationSuggestResponse},
        examples=[
            OpenApiExample(
                "kasir",
                value={
                    "results": [
                        {
                            "code": "5230",
                            "title": "Kasir dan Petugas Tiket",
                            "score": 1.0,
                            "reason": "Nama jabatan yang umum: “kasir”",
                            "job_code": "",
                            "job_title": "",
                        }
                    ]
                },
                response_only=True,
            )
        ],
    )
    def get(self, request: Request) -> Response:
        query = OccupationSuggestQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        suggestions = suggest_occupations(
            data.get("title", ""),
            description=data.get("description", ""),
            sector=data.get("sector", ""),
            context=data.get("context", ""),
            limit=data["limit"],
        )
        return Response({"results": [suggestion_data(s) for s in suggestions]})
