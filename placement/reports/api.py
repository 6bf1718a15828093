"""The IPK tables in the API (DESIGN.md Contract):

    GET reports/ipk/{table}/?month=YYYY-MM&region=CODE[&format=json|csv|xlsx]

Officers, supervisors and national administrators; a region outside the caller's scope (or one
that does not exist) answers 404, a malformed month, region or table 400. The same service and
the same grid as the officer page and its downloads.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from placement.reports import exports, ipk, services
from placement.reports.access import REPORT_ROLES, get_region_for_user

ERROR_400 = OpenApiResponse(description="Invalid month, region or table: the errors name each.")
ERROR_401 = OpenApiResponse(description="Not signed in (send `Authorization: Token <key>`).")
ERROR_404 = OpenApiResponse(
    description="Unknown region, a region outside your scope, or not an officer."
)


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        return data if isinstance(data, bytes) else str(data).encode("utf-8")


class XLSXRenderer(BaseRenderer):
    media_type = exports.XLSX_TYPE
    format = "xlsx"
    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None) -> bytes:
        return data if isinstance(data, bytes) else str(data).encode("utf-8")


class IpkQuerySerializer(serializers.Serializer):
    month = serializers.RegexField(services.MONTH_PATTERN, max_length=7, min_length=7)
    region = serializers.RegexField(
        services.REGION_PATTERN, max_length=5, min_length=2, required=False
    )

    def validate_month(self, value: str):
        try:
            return services.parse_month(value)
        except services.ReportError as exc:
            raise ValidationError(str(exc)) from exc


class RegionSerializer(serializers.Serializer):
    code = serializers.RegexField(services.REGION_PATTERN, max_length=5)
    name = serializers.CharField(max_length=200)


class GroupSerializer(serializers.Serializer):
    label = serializers.CharField(max_length=100)
    span = serializers.IntegerField(min_value=1)


class RowSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=20, allow_blank=True)
    label = serializers.CharField(max_length=200)
    values = serializers.ListField(child=serializers.IntegerField())
    style = serializers.ChoiceField(choices=["", "sum", "note", "total"], allow_blank=True)


class SectionSerializer(serializers.Serializer):
    key = serializers.CharField(max_length=20)
    title = serializers.CharField(max_length=200)
    row_header = serializers.CharField(max_length=100, allow_blank=True)
    groups = GroupSerializer(many=True)
    columns = serializers.ListField(child=serializers.CharField(max_length=40))
    rows = RowSerializer(many=True)


class IpkTableSerializer(serializers.Serializer):
    table = serializers.ChoiceField(choices=list(ipk.TABLES))
    title = serializers.CharField(max_length=200)
    month = serializers.RegexField(services.MONTH_PATTERN, max_length=7)
    region = RegionSerializer()
    provisional = serializers.BooleanField(
        help_text="True when the month is not built yet and was computed from the ledger now."
    )
    built_at = serializers.CharField(max_length=16, allow_blank=True)
    sections = SectionSerializer(many=True)
    notes = serializers.ListField(child=serializers.CharField(max_length=300))


class IpkTableView(APIView):
    """One IPK table (III/1 ... III/8) of a region and month, as JSON, CSV or XLSX."""

    permission_classes = [IsAuthenticated]
    renderer_classes = [JSONRenderer, CSVRenderer, XLSXRenderer]

    @extend_schema(
        operation_id="reports_ipk_retrieve",
        parameters=[
            OpenApiParameter(
                "table", OpenApiTypes.STR, OpenApiParameter.PATH, enum=list(ipk.TABLES)
            ),
            OpenApiParameter(
                "month",
                OpenApiTypes.STR,
                required=True,
                pattern=services.MONTH_PATTERN,
                description="YYYY-MM; not a future month.",
            ),
            OpenApiParameter(
                "region",
                OpenApiTypes.STR,
                pattern=services.REGION_PATTERN,
                description="00 (nation), a province (62) or a regency (62.71); default: yours.",
            ),
            OpenApiParameter(
                "format",
                OpenApiTypes.STR,
                enum=["json", "csv", "xlsx"],
                description="json (default), csv or xlsx (a download).",
            ),
        ],
        responses={
            (200, "application/json"): IpkTableSerializer,
            (200, "text/csv"): OpenApiTypes.STR,
            (200, exports.XLSX_TYPE): OpenApiTypes.BINARY,
            400: ERROR_400,
            401: ERROR_401,
            404: ERROR_404,
        },
    )
    def get(self, request: Request, table: str) -> Response | HttpResponse:
        if request.user.role not in REPORT_ROLES:
            raise Http404
        if table not in ipk.TABLES:
            raise ValidationError({"table": [f"Choose one of {', '.join(ipk.TABLES)}."]})
        query = IpkQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        region = get_region_for_user(request.user, query.validated_data.get("region"))
        month = query.validated_data["month"]
        grid = services.ipk_grid(table=table, month=month, region_code=region)
        fmt = request.accepted_renderer.format
        if fmt in ("csv", "xlsx"):
            response = HttpResponse(
                exports.GRID_WRITERS[fmt](grid), content_type=exports.CONTENT_TYPES[fmt]
            )
            response["Content-Disposition"] = (
                f'attachment; filename="ipk-{table}-{region}-{month:%Y-%m}.{fmt}"'
            )
            return response
        return Response(IpkTableSerializer(grid.as_dict()).data)

    def finalize_response(self, request, response, *args, **kwargs):
        # Errors are JSON whatever format was asked for (a "CSV" of an error helps nobody).
        if isinstance(response, Response) and response.status_code >= 400:
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)
