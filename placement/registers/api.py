"""API of the registers: read-only and public, like the look-up page (writes go through the
officers' pages and imports).

registers/p3mi/      GET ?q= name or licence number
registers/sip2mi/    GET ?q= number, agency or country
registers/bkk/       GET ?q= institution or tanda daftar number
registers/lptks/     GET ?q= name or licence number
"""

from __future__ import annotations

from django.db.models import Q
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.permissions import AllowAny

from placement.registers.models import Agency, Bkk, JobOrder, Lptks

SEARCH = OpenApiParameter("q", OpenApiTypes.STR, description="Name or number (max 100).")


class AgencySerializer(serializers.ModelSerializer):
    regency = serializers.CharField(source="regency_id", allow_null=True, read_only=True)
    is_valid = serializers.BooleanField(read_only=True)

    class Meta:
        model = Agency
        fields = [
            "id",
            "name",
            "licence_number",
            "licence_issued_on",
            "licence_valid_to",
            "head_office",
            "regency",
            "branches",
            "status",
            "status_reason",
            "is_valid",
        ]


class JobOrderSerializer(serializers.ModelSerializer):
    agency = serializers.CharField(source="agency.name", read_only=True)
    agency_licence = serializers.CharField(source="agency.licence_number", read_only=True)
    kbji_code = serializers.CharField(source="occupation.code", read_only=True)
    places_left = serializers.IntegerField(read_only=True)
    is_valid = serializers.BooleanField(read_only=True)

    class Meta:
        model = JobOrder
        fields = [
            "id",
            "number",
            "agency",
            "agency_licence",
            "foreign_employer",
            "country",
            "kbji_code",
            "quota",
            "quota_used",
            "places_left",
            "valid_from",
            "valid_to",
            "status",
            "is_valid",
        ]


class BkkSerializer(serializers.ModelSerializer):
    regency = serializers.CharField(source="regency_id", read_only=True)

    class Meta:
        model = Bkk
        fields = [
            "id",
            "institution",
            "kind",
            "registration_number",
            "registered_on",
            "regency",
            "is_active",
            "placements_reported",
        ]


class LptksSerializer(serializers.ModelSerializer):
    regency = serializers.CharField(source="regency_id", read_only=True)

    class Meta:
        model = Lptks
        fields = [
            "id",
            "name",
            "licence_number",
            "licence_issued_on",
            "licence_valid_to",
            "regency",
            "branches",
            "status",
        ]


class _Register(viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]
    search: tuple[str, ...] = ()

    def get_queryset(self):
        queryset = self.queryset.all()
        q = (self.request.query_params.get("q") or "").strip()[:100]
        if q:
            condition = Q(pk__in=[])
            for name in self.search:
                condition |= Q(**{name: q})
            queryset = queryset.filter(condition)
        return queryset.order_by("pk")


@extend_schema_view(list=extend_schema(parameters=[SEARCH]))
class AgencyViewSet(_Register):
    queryset = Agency.objects.all()
    serializer_class = AgencySerializer
    search = ("name__icontains", "licence_number__iexact")


@extend_schema_view(list=extend_schema(parameters=[SEARCH]))
class JobOrderViewSet(_Register):
    queryset = JobOrder.objects.select_related("agency", "occupation")
    serializer_class = JobOrderSerializer
    search = ("number__iexact", "agency__name__icontains", "country__icontains")


@extend_schema_view(list=extend_schema(parameters=[SEARCH]))
class BkkViewSet(_Register):
    queryset = Bkk.objects.all()
    serializer_class = BkkSerializer
    search = ("institution__icontains", "registration_number__iexact")


@extend_schema_view(list=extend_schema(parameters=[SEARCH]))
class LptksViewSet(_Register):
    queryset = Lptks.objects.all()
    serializer_class = LptksSerializer
    search = ("name__icontains", "licence_number__iexact")
