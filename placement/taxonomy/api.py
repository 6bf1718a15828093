"""Read-only taxonomy endpoints with `?q=` search (the forms' autocomplete uses them)."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.permissions import AllowAny

from placement.taxonomy.models import (
    District,
    EducationLevel,
    Industry,
    Occupation,
    Province,
    Regency,
    Skill,
)

Q_PARAM = OpenApiParameter(
    "q", OpenApiTypes.STR, description="Words to search for (code or name).", required=False
)


class TaxonomyRegionSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=8)
    name = serializers.CharField(max_length=100)
    level = serializers.ChoiceField(choices=["province", "regency", "district"])
    parent_code = serializers.CharField(max_length=5, allow_null=True)


class OccupationSerializer(serializers.ModelSerializer):
    parent_code = serializers.CharField(
        source="parent.code", default=None, read_only=True, allow_null=True
    )
    title = serializers.CharField(
        source="display_title",
        read_only=True,
        help_text="The KBJI title; in English the ISCO-08 unit group's title where there is one.",
    )

    class Meta:
        model = Occupation
        fields = ["id", "code", "level", "title", "isco08_code", "parent_code"]


class IndustrySerializer(serializers.ModelSerializer):
    parent_code = serializers.CharField(
        source="parent.code", default=None, read_only=True, allow_null=True
    )

    class Meta:
        model = Industry
        fields = ["id", "code", "section", "level", "title", "parent_code"]


class EducationLevelSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)

    class Meta:
        model = EducationLevel
        fields = ["code", "rank", "order", "short_name", "name", "name_id", "name_en"]


class SkillSerializer(serializers.ModelSerializer):
    label = serializers.CharField(read_only=True)

    class Meta:
        model = Skill
        fields = ["id", "uri", "label", "label_id", "label_en", "reuse_level"]


class _SearchMixin:
    def search(self, queryset: QuerySet) -> QuerySet:
        q = self.request.query_params.get("q", "").strip()[:100]
        return queryset.search(q) if q else queryset


class _Public(_SearchMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    permission_classes = [AllowAny]


@extend_schema_view(
    list=extend_schema(
        parameters=[
            Q_PARAM,
            OpenApiParameter(
                "level",
                OpenApiTypes.STR,
                enum=["province", "regency", "district"],
                description="Which level to list (default: regency).",
            ),
            OpenApiParameter("parent", OpenApiTypes.STR, description="Parent region code."),
        ]
    )
)
class RegionViewSet(_Public):
    """Provinces, regencies/cities and districts (Kemendagri codes)."""

    serializer_class = TaxonomyRegionSerializer

    def get_queryset(self) -> QuerySet:
        level = self.request.query_params.get("level", "regency")
        parent = self.request.query_params.get("parent", "").strip()
        if level == "province":
            qs = Province.objects.all()
            rows = qs.values("code", "name")
            parent_field = None
        elif level == "district":
            qs = District.objects.all()
            if parent:
                qs = qs.filter(regency_id=parent)
            parent_field = "regency_id"
        else:
            level = "regency"
            qs = Regency.objects.all()
            if parent:
                qs = qs.filter(province_id=parent)
            parent_field = "province_id"
        qs = self.search(qs)
        fields = ["code", "name"] + ([parent_field] if parent_field else [])
        rows = qs.values(*fields)
        return [
            {
                "code": r["code"],
                "name": r["name"],
                "level": level,
                "parent_code": r.get(parent_field) if parent_field else None,
            }
            for r in rows
        ]


@extend_schema_view(
    list=extend_schema(
        parameters=[
            Q_PARAM,
            OpenApiParameter(
                "level",
                OpenApiTypes.STR,
                description="Digits of the codes to list: 1, 2, 3, 4 or 6, or several (`4,6`).",
            ),
        ]
    )
)
class OccupationViewSet(_Public):
    """KBJI 2014 occupations; `q` understands everyday job words, best match first."""

    serializer_class = OccupationSerializer

    def get_queryset(self) -> QuerySet:
        qs = Occupation.objects.current().select_related("parent")
        levels = [
            int(v) for v in self.request.query_params.get("level", "").split(",") if v.isdigit()
        ]
        if levels:
            qs = qs.filter(level__in=levels)
        q = self.request.query_params.get("q", "").strip()[:100]
        # Everyday words ("sopir", "admin gudang") find their group first (the pickers use this).
        return qs.search_words(q) if q else qs


@extend_schema_view(
    list=extend_schema(
        parameters=[Q_PARAM, OpenApiParameter("level", OpenApiTypes.INT, enum=[1, 2, 3, 4, 5])]
    )
)
class IndustryViewSet(_Public):
    """KBLI 2020 industries."""

    serializer_class = IndustrySerializer

    def get_queryset(self) -> QuerySet:
        qs = Industry.objects.current().select_related("parent")
        level = self.request.query_params.get("level", "")
        if level.isdigit():
            qs = qs.filter(level=int(level))
        return self.search(qs)


@extend_schema_view(list=extend_schema(parameters=[Q_PARAM]))
class EducationLevelViewSet(_Public):
    """IPK education levels, lowest first."""

    serializer_class = EducationLevelSerializer
    pagination_class = None

    def get_queryset(self) -> QuerySet:
        return self.search(EducationLevel.objects.all())


@extend_schema_view(list=extend_schema(parameters=[Q_PARAM]))
class SkillViewSet(_Public):
    """ESCO skills, common ones (with an Indonesian label) first."""

    serializer_class = SkillSerializer

    def get_queryset(self) -> QuerySet:
        return self.search(Skill.objects.common_first())
