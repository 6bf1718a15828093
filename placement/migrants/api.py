"""API of the non-procedural cases (read-only, scoped to the officer's region).

migrants/cases/        GET ?kind=&status=
migrants/cases/{id}/   GET
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from placement.migrants.models import Case


class CaseSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    regency = serializers.CharField(source="regency_id", read_only=True)

    class Meta:
        model = Case
        fields = [
            "id",
            "reference",
            "kind",
            "status",
            "reported_on",
            "regency",
            "agency",
            "agency_name",
            "job_order_number",
            "country",
            "summary",
            "follow_up",
            "outcome",
            "from_public",
        ]


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("kind", OpenApiTypes.STR, enum=Case.Kind.values),
            OpenApiParameter("status", OpenApiTypes.STR, enum=Case.Status.values),
        ]
    )
)
class CaseViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = CaseSerializer

    def get_queryset(self):
        cases = Case.objects.visible_to(self.request.user).order_by("-reported_on", "-pk")
        kind = self.request.query_params.get("kind", "")
        status = self.request.query_params.get("status", "")
        if kind in Case.Kind.values:
            cases = cases.filter(kind=kind)
        if status in Case.Status.values:
            cases = cases.filter(status=status)
        return cases
