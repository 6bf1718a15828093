"""Matching in the API: ranked matches with their reasons, and the runs."""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from employers.access import get_vacancy_for_employer, get_vacancy_for_officer
from jobseekers.access import get_own_seeker, get_seeker_for_officer
from placement.accounts.models import Role
from placement.matching import queries
from placement.matching.explain import skill_labels
from placement.matching.models import COMPONENTS, Match, MatchRun
from placement.matching.tasks import nightly_matching

RUN_ROLES = (Role.OFFICER, Role.SUPERVISOR, Role.NATIONAL)
START_ROLES = (Role.SUPERVISOR, Role.NATIONAL)


class ComponentsSerializer(serializers.Serializer):
    skills = serializers.FloatField(min_value=0, max_value=1)
    occupation = serializers.FloatField(min_value=0, max_value=1)
    education = serializers.FloatField(min_value=0, max_value=1)
    experience = serializers.FloatField(min_value=0, max_value=1)
    location = serializers.FloatField(min_value=0, max_value=1)
    wage = serializers.FloatField(min_value=0, max_value=1)


class SkillRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    label = serializers.CharField(max_length=255)


class MatchSerializer(serializers.Serializer):
    rank = serializers.IntegerField(min_value=1)
    score = serializers.FloatField(min_value=0, max_value=100)
    components = ComponentsSerializer()
    matched_skills = SkillRefSerializer(many=True)
    missing_skills = SkillRefSerializer(many=True)


class VacancyMatchSerializer(MatchSerializer):
    vacancy_id = serializers.IntegerField()
    title = serializers.CharField(max_length=200)
    employer = serializers.CharField(max_length=200)
    regency = serializers.CharField(max_length=5, allow_null=True)


class CandidateMatchSerializer(MatchSerializer):
    seeker_id = serializers.IntegerField()
    full_name = serializers.CharField(max_length=150)
    education = serializers.CharField(max_length=4, allow_null=True)
    regency = serializers.CharField(max_length=5, allow_null=True)


def _base(match: Match, rank: int, labels: dict[int, str]) -> dict:
    return {
        "rank": rank,
        "score": round(match.score, 4),
        "components": {name: round(getattr(match, name), 4) for name in COMPONENTS},
        "matched_skills": [{"id": pk, "label": labels.get(pk, "")} for pk in match.matched_skills],
        "missing_skills": [{"id": pk, "label": labels.get(pk, "")} for pk in match.missing_skills],
    }


class SeekerMatchesView(APIView):
    """A seeker's ranked vacancies (the seeker themself, or an officer of their region)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses={200: VacancyMatchSerializer(many=True), 401: None, 404: None})
    def get(self, request: Request, pk: int) -> Response:

        if request.user.role == Role.SEEKER:
            seeker = get_own_seeker(request.user)
            if seeker.pk != pk:
                raise Http404
        else:
            seeker = get_seeker_for_officer(request.user, pk, purpose="matches")
        matches = queries.seeker_recommendations(seeker.pk)
        labels = skill_labels(matches)
        data = [
            {
                **_base(m, m.rank_for_seeker, labels),
                "vacancy_id": m.vacancy_id,
                "title": m.vacancy.title,
                "employer": m.vacancy.employer.name,
                "regency": m.vacancy.regency_id,
            }
            for m in matches
        ]
        return Response(VacancyMatchSerializer(data, many=True).data)


class VacancyMatchesView(APIView):
    """A vacancy's ranked candidates (its employer: consenting seekers only; officers: scoped)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses={200: CandidateMatchSerializer(many=True), 401: None, 404: None})
    def get(self, request: Request, pk: int) -> Response:

        for_employer = request.user.role == Role.EMPLOYER
        if for_employer:
            vacancy = get_vacancy_for_employer(request.user, pk)
        else:
            vacancy = get_vacancy_for_officer(request.user, pk)
        matches = queries.vacancy_candidates(vacancy.pk, for_employer=for_employer)
        labels = skill_labels(matches)
        data = [
            {
                **_base(m, m.rank_for_vacancy, labels),
                "seeker_id": m.seeker_id,
                "full_name": m.seeker.full_name,
                "education": m.seeker.education_level_id,
                "regency": m.seeker.regency_id,
            }
            for m in matches
        ]
        return Response(CandidateMatchSerializer(data, many=True).data)


class MatchRunSerializer(serializers.ModelSerializer):
    class Meta:
        model = MatchRun
        fields = [
            "id",
            "run_on",
            "province",
            "status",
            "started_at",
            "finished_at",
            "units_total",
            "units_done",
            "counts",
            "timings",
            "error",
        ]


class StartRunSerializer(serializers.Serializer):
    province = serializers.RegexField(r"^\d{2}$", required=False, allow_blank=True, max_length=2)


class MatchRunsView(APIView):
    """GET the recent runs (office staff); POST starts today's run (supervisor, national)."""

    permission_classes = [IsAuthenticated]

    def _check(self, roles: tuple[str, ...]) -> None:
        if self.request.user.role not in roles:
            raise Http404

    @extend_schema(responses={200: MatchRunSerializer(many=True), 401: None, 404: None})
    def get(self, request: Request) -> Response:
        self._check(RUN_ROLES)
        runs = MatchRun.objects.order_by("-run_on", "province")[:30]
        return Response(MatchRunSerializer(runs, many=True).data)

    @extend_schema(
        request=StartRunSerializer,
        responses={202: MatchRunSerializer, 400: None, 401: None, 404: None},
    )
    def post(self, request: Request) -> Response:

        self._check(START_ROLES)
        body = StartRunSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        province = body.validated_data.get("province", "")
        day = timezone.localdate()
        nightly_matching.delay(day.isoformat(), province, True)
        run = MatchRun.objects.filter(run_on=day, province=province).first()
        payload = MatchRunSerializer(run).data if run else {"run_on": day, "status": "pending"}
        return Response(payload, status=status.HTTP_202_ACCEPTED)
