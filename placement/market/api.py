"""API of job fairs (read-only, scoped to the officer's region).

market/fairs/        GET the fairs of the region, with their figures
market/fairs/{id}/   GET one fair
"""

from __future__ import annotations

from rest_framework import serializers, viewsets

from placement.market.fairs import fair_report
from placement.market.models import JobFair


class FairSerializer(serializers.ModelSerializer):
    regency = serializers.CharField(source="regency_id", read_only=True)
    has_no_fee_statement = serializers.BooleanField(read_only=True)
    hires = serializers.SerializerMethodField()
    visitors = serializers.SerializerMethodField()

    class Meta:
        model = JobFair
        fields = [
            "id",
            "name",
            "organiser_kind",
            "organiser_name",
            "organiser_licence",
            "regency",
            "venue",
            "starts_on",
            "ends_on",
            "planned_vacancies",
            "placement_target",
            "has_no_fee_statement",
            "status",
            "decision_reason",
            "hires",
            "visitors",
        ]

    def get_hires(self, fair: JobFair) -> int:
        return fair_report(fair)["hires"]

    def get_visitors(self, fair: JobFair) -> int:
        return fair.visitors.count()


class FairViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = FairSerializer

    def get_queryset(self):
        return JobFair.objects.visible_to(self.request.user).order_by("-starts_on", "pk")
