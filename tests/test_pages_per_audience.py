"""Pages live with their audience: every page under /seeker/ and /applications/ comes from
`jobseekers`, under /employer/ from `employers`, under /officer/ from `officers` (DESIGN.md)."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, get_resolver

HOMES = {
    "seeker/": "jobseekers.",
    "applications/": "jobseekers.",
    "employer/": "employers.",
    "officer/": "officers.",
}


def _pages(patterns, prefix: str = ""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _pages(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            view = getattr(pattern.callback, "view_class", pattern.callback)
            yield route, view.__module__


def test_each_area_is_served_by_its_own_app():
    strays = [
        f"/{route} <- {module}"
        for route, module in _pages(get_resolver().url_patterns)
        for area, home in HOMES.items()
        if route.startswith(area) and not module.startswith(home)
    ]
    assert strays == []


def test_the_areas_have_pages():
    routes = [route for route, _module in _pages(get_resolver().url_patterns)]
    for area in HOMES:
        assert any(route.startswith(area) for route in routes), area
