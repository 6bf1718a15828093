"""The words officers taught the coders (learned aliases): what was taught, by whom, when and how
often it was used since; searched, and taken back (the coders stop using it at once)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from officers.access import office_required
from officers.import_forms import AliasFilterForm
from placement.accounts.access import parse_pk
from placement.taxonomy import learned

PAGE_SIZE = 50


@office_required
@require_GET
def alias_list(request: HttpRequest) -> HttpResponse:
    """The aliases taught in the officer's region (all of them for the national office)."""
    form = AliasFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    aliases = learned.search(learned.visible_to(request.user), filters.get("q", ""))
    if filters.get("kind"):
        aliases = aliases.filter(kind=filters["kind"])
    state = filters.get("state", "")
    if state == "revoked":
        aliases = aliases.filter(revoked_at__isnull=False)
    elif state != "all":
        aliases = aliases.filter(revoked_at__isnull=True)
    aliases = aliases.order_by("-created_at", "-pk")
    page = Paginator(aliases, PAGE_SIZE).get_page(request.GET.get("page"))
    names = learned.meanings(list(page.object_list))
    query = urlencode({k: v for k, v in request.GET.items() if k != "page" and v})
    return render(
        request,
        "officers/imports/aliases.html",
        {
            "form": form,
            "page": page,
            "rows": [(alias, names[alias.pk]) for alias in page.object_list],
            "query": query,
        },
    )


@office_required
@require_POST
def alias_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """Take one alias back (audited); the next coding no longer uses it."""
    alias = get_object_or_404(learned.visible_to(request.user), pk=parse_pk(pk))
    learned.revoke(alias=alias, by=request.user)
    messages.success(
        request,
        _("“%(words)s” no longer means %(code)s.") % {"words": alias.text, "code": alias.code},
    )
    # Back to the same search and page (only the list's own parameters).
    back = QueryDict(request.POST.get("back", "")[:500])
    kept = urlencode({k: back[k] for k in ("q", "kind", "state", "page") if back.get(k)})
    return redirect(reverse("officers:aliases") + (f"?{kept}" if kept else ""))


urlpatterns = [
    path("imports/aliases/", alias_list, name="aliases"),
    path("imports/aliases/<int:pk>/revoke/", alias_revoke, name="alias_revoke"),
]
