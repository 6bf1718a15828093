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
from placement.pipeline.models import CandidateRequest
from placement.pipeline.services.candidates import (
    Candidate,
    CandidateRequestRefused,
    candidates_for_officer,
    request_candidate,
)

RUN_ROLES = (Role.OFFICER, Role.SUPERVISOR, Role.NATIONAL)
START_ROLES = (Role.SUPERVISOR, Role.NATIONAL)


class ComponentsSerializer(serializers.Serializer):
    skills = serializers.FloatField(min_value=0, max_value=1)
    occupation = serializers.FloatField(min_value=0, max_value=1)
    education = serializers.FloatField(min_value=0, max_value=1)
    experience = serializers.FloatField(min_value=0, max_value=1)
    location = serializers.FloatField(min_value=0, max_value=1)
    wage = serializers.FloatField(min_value=0, max_value=1)
    # 0 when no credential is relevant to the vacancy (then it is not scored).
    credentials = serializers.FloatField(min_value=0, max_value=1)


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
    candidate = serializers.IntegerField(
        help_text="This match's reference: use it to request a candidate from another office."
    )
    identified = serializers.BooleanField(
        help_text="False for a candidate of another office's region who has not applied and "
        "whose office has not agreed to a request: seeker_id and full_name are then null."
    )
    seeker_id = serializers.IntegerField(allow_null=True)
    full_name = serializers.CharField(max_length=150, allow_null=True)
    education = serializers.CharField(max_length=4, allow_null=True)
    regency = serializers.CharField(max_length=5, allow_null=True)
    registered_at = serializers.CharField(
        max_length=200, allow_blank=True, help_text="The Disnaker office the seeker registered at"
    )
    request_status = serializers.ChoiceField(
        choices=CandidateRequest.Status.choices, allow_null=True
    )


class CandidateRequestSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    vacancy_id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=CandidateRequest.Status.choices)
    created_at = serializers.DateTimeField()


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
        if for_employer:
            candidates = [Candidate(match=m, identified=True, request=None) for m in matches]
        else:
            candidates = candidates_for_officer(
                user=request.user, vacancy_id=vacancy.pk, matches=matches
            )
        labels = skill_labels(matches)
        data = [
            {
                **_base(c.match, c.match.rank_for_vacancy, labels),
                "candidate": c.match.pk,
                "identified": c.identified,
                "seeker_id": c.match.seeker_id if c.identified else None,
                "full_name": c.match.seeker.full_name if c.identified else None,
                "education": c.match.seeker.education_level_id,
                "regency": c.match.seeker.regency_id,
                "registered_at": c.office_name,
                "request_status": c.request_status,
            }
            for c in candidates
        ]
        return Response(CandidateMatchSerializer(data, many=True).data)


class CandidateRequestView(APIView):
    """POST: ask the office holding an out-of-region candidate of the vacancy to share them."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        request=None,
        responses={201: CandidateRequestSerializer, 400: None, 401: None, 404: None},
    )
    def post(self, request: Request, pk: int, candidate_id: int) -> Response:
        if request.user.role not in RUN_ROLES:
            raise Http404
        vacancy = get_vacancy_for_officer(request.user, pk)
        matches = queries.vacancy_candidates(vacancy.pk, for_employer=False)
        match = next((m for m in matches if m.pk == candidate_id), None)
        if match is None:
            raise Http404
        try:
            made = request_candidate(
                user=request.user, seeker_id=match.seeker_id, vacancy_id=vacancy.pk
            )
        except CandidateRequestRefused as refused:
            return Response({"detail": str(refused)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(CandidateRequestSerializer(made).data, status=status.HTTP_201_CREATED)


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
        runs = queries.runs_visible_to(request.user)[:30]
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
        if not queries.may_start_run(request.user, province):
            raise Http404
        day = timezone.localdate()
        nightly_matching.delay(day.isoformat(), province, True)
        run = MatchRun.objects.filter(run_on=day, province=province).first()
        payload = MatchRunSerializer(run).data if run else {"run_on": day, "status": "pending"}
        return Response(payload, status=status.HTTP_202_ACCEPTED)
