"""The occupation picker's suggestions as the job title is typed (an htmx fragment), for every
form whose picker suggests from a title: the vacancy report, a seeker's past jobs, the desk."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from placement.taxonomy.models import Industry, Occupation
from placement.taxonomy.widgets import occupation_suggestions


@login_required
@require_GET
def occupation_suggestions_view(request: HttpRequest) -> HttpResponse:
    """KBJI groups suggested from the job title typed so far, helped by the description and the
    line of business when the form sends them (see `widgets.suggest_as_typed`)."""
    name = request.GET.get("name", "occupation")[:100]
    title = request.GET.get(request.GET.get("title_field", "title"), "")[:200]
    description = request.GET.get(request.GET.get("description_field", "description"), "")
    suggestions = occupation_suggestions(
        Occupation.objects.current().filter(level__gte=4),
        title,
        description=description[:5000],
        sector=_sector(request),
    )
    chosen = request.GET.get(name, "")
    for suggestion in suggestions:
        suggestion["checked"] = suggestion["value"] == chosen  # a ticked suggestion stays ticked
    return render(
        request,
        "components/occupation_suggestions.html",
        {"name": name, "suggestions": suggestions, "words": title.strip()},
    )


def _sector(request: HttpRequest) -> str:
    """The KBLI code (or section letter) to read the title with: the line of business chosen on
    the form (`industry`, a row id), else the form's sector field, else the one it was given."""
    chosen = request.GET.get("industry", "")
    if chosen.isdigit():
        code = Industry.objects.filter(pk=int(chosen)).values_list("code", flat=True).first()
        if code:
            return code
    sector_field = request.GET.get("sector_field", "")
    typed = request.GET.get(sector_field, "") if sector_field else ""
    return (typed or request.GET.get("sector", ""))[:10]
