"""Words -> codes endpoints: resolve a place, parse a wage, extract skills from free text.

Open to everyone; anonymous callers share the `taxonomy_text` rate (settings), signed-in users the
usual limits. Bad input answers 400 with a message per field, or an empty result; never a 500.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from placement.taxonomy.models import Skill
from placement.taxonomy.text import places, skills, wages
from placement.taxonomy.text.normalize import clean_input

MAX_QUERY = 500
MAX_CONTEXT = 2000
MAX_TEXT = skills.MAX_TEXT_LENGTH


class TaxonomyTextThrottle(AnonRateThrottle):
    """Anonymous callers of the text coders: `DEFAULT_THROTTLE_RATES["taxonomy_text"]`."""

    scope = "taxonomy_text"


class _TextView(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [TaxonomyTextThrottle]


class QuerySerializer(serializers.Serializer):
    q = serializers.CharField(
        max_length=MAX_QUERY,
        help_text=_("The words to read (at most 500 characters)."),
        error_messages={
            "blank": _("Type some words to read."),
            "required": _("Type some words to read."),
            "max_length": _("Type at most 500 characters."),
        },
    )


class ResolveQuerySerializer(QuerySerializer):
    context = serializers.CharField(
        max_length=MAX_CONTEXT,
        required=False,
        allow_blank=True,
        help_text=_(
            "Optional: more text about the place (an address, an ad's description), used only "
            "to choose between a Kota and a Kabupaten of the same name."
        ),
        error_messages={"max_length": _("Type at most 2,000 characters.")},
    )


class ErrorSerializer(serializers.Serializer):
    q = serializers.ListField(child=serializers.CharField(), required=False)
    text = serializers.ListField(child=serializers.CharField(), required=False)
    detail = serializers.CharField(required=False)


class PlaceSerializer(serializers.Serializer):
    code = serializers.CharField(
        max_length=8,
        help_text=_(
            'Kemendagri code ("32.16" regency, "32" province, "32.16.09" district), '
            '"remote", "ID" (the whole country) or "abroad" (a post outside Indonesia).'
        ),
    )
    level = serializers.ChoiceField(
        choices=["district", "regency", "province", "remote", "country", "abroad"]
    )
    name = serializers.CharField(max_length=100)
    score = serializers.FloatField(min_value=0, max_value=1)
    ambiguous = serializers.BooleanField(
        help_text=_("The same words also name the other places listed with this flag.")
    )
    regency_code = serializers.CharField(max_length=5, allow_null=True)
    province_code = serializers.CharField(max_length=2, allow_null=True)
    matched = serializers.CharField(max_length=MAX_QUERY)


class PlaceResultsSerializer(serializers.Serializer):
    results = PlaceSerializer(many=True)


class WageSerializer(serializers.Serializer):
    min = serializers.IntegerField(allow_null=True, help_text=_("Lowest monthly amount."))
    max = serializers.IntegerField(allow_null=True, help_text=_("Highest monthly amount."))
    period = serializers.ChoiceField(
        choices=["hour", "day", "week", "month", "year"],
        allow_null=True,
        help_text=_("The period the text states the wage for; min and max are per month."),
    )
    stated = serializers.BooleanField(
        help_text=_('False when the text gives no amount ("negotiable").')
    )
    currency = serializers.CharField(max_length=3)
    minimum_wage = serializers.BooleanField(
        help_text=_('"UMR/UMK": the regional minimum wage, whose amount the text does not give.')
    )


@extend_schema(
    summary="Resolve a place name",
    parameters=[ResolveQuerySerializer],
    responses={200: PlaceResultsSerializer, 400: OpenApiResponse(ErrorSerializer)},
    tags=["taxonomy"],
)
class ResolveRegionView(_TextView):
    """Free text ("Cikarang", "Jakarta Selatan", "Bandung Kota", "Remote") -> region codes.

    Kota/Kabupaten pairs of the same name (Tangerang, Bekasi, Bogor, Semarang...) come back as
    alternatives with `ambiguous: true`, the Kota first.
    """

    def get(self, request: Request) -> Response:
        query = ResolveQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        text = clean_input(query.validated_data["q"], max_length=MAX_QUERY)
        context = query.validated_data.get("context", "")
        results = [r.as_dict() for r in places.resolve(text, context=context)] if text else []
        return Response({"results": results})


@extend_schema(
    summary="Parse a wage text",
    parameters=[QuerySerializer],
    responses={200: WageSerializer, 400: OpenApiResponse(ErrorSerializer)},
    tags=["taxonomy"],
)
class ParseWageView(_TextView):
    """Wage text ("Rp 3.500.000 - 4.000.000", "3,5 jt", "Rp 150.000/hari", "UMR", "nego") ->
    a monthly range, the period the text used, or `stated: false`."""

    def get(self, request: Request) -> Response:
        query = QuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        return Response(wages.parse_wage(query.validated_data["q"]).as_dict())


class ExtractRequestSerializer(serializers.Serializer):
    text = serializers.CharField(
        max_length=MAX_TEXT,
        help_text=_(
            "An ad's description or requirements, or a seeker's experience "
            "(at most 20,000 characters)."
        ),
        error_messages={
            "blank": _("Type some words to read."),
            "required": _("Type some words to read."),
            "max_length": _("Type at most 20,000 characters."),
        },
    )


class ExtractedSkillSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text=_("The skill's id (as in /api/v1/taxonomy/skills/)."))
    uri = serializers.CharField(max_length=120)
    label = serializers.CharField(max_length=255)
    start = serializers.IntegerField(min_value=0, help_text=_("Where the words start in the text."))
    end = serializers.IntegerField(min_value=0, help_text=_("Where the words end (exclusive)."))
    text = serializers.CharField(max_length=MAX_TEXT, help_text=_("The words that named it."))


class ExtractResultSerializer(serializers.Serializer):
    skills = ExtractedSkillSerializer(many=True)
    unknown = serializers.ListField(
        child=serializers.CharField(max_length=MAX_TEXT),
        help_text=_("Skills named in the text that are not in the list: kept as free text."),
    )


@extend_schema(
    summary="Extract skills from a text",
    request=ExtractRequestSerializer,
    responses={200: ExtractResultSerializer, 400: OpenApiResponse(ErrorSerializer)},
    tags=["taxonomy"],
)
class ExtractSkillsView(_TextView):
    """Free text -> the ESCO skills it names, with character spans, and the free-text skills
    (`unknown`) it names that are not in the list."""

    def post(self, request: Request) -> Response:
        body = ExtractRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        text = body.validated_data["text"]
        extraction = skills.extract(text)
        rows = {s.uri: s for s in Skill.objects.filter(uri__in=extraction.uris)}
        found = [
            {
                "id": rows[m.uri].pk,
                "uri": m.uri,
                "label": rows[m.uri].label,
                "start": m.start,
                "end": m.end,
                "text": m.text,
            }
            for m in extraction.skills
            if m.uri in rows
        ]
        return Response({"skills": found, "unknown": extraction.unknown})
