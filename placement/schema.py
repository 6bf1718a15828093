"""OpenAPI post-processing: what every operation may answer because of site-wide layers.

The input guard (placement/guard.py) answers 400 on any operation whose request carries control
characters, over-long values or malformed months, dates or ids; a page number past the end
answers 404. Declaring them here keeps the schema true for every operation, present and future.
"""

from __future__ import annotations

INPUT_ERROR = {
    "type": "object",
    "description": "The request was refused: `detail` says why; each refused field is a key "
    "with its messages.",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": True,
}


def declare_site_wide_responses(result: dict, generator, request, public) -> dict:
    """Add the guard's 400 (and the paginator's 404) wherever an operation lacks them."""
    result.setdefault("components", {}).setdefault("schemas", {})["InputError"] = INPUT_ERROR
    ref = {"$ref": "#/components/schemas/InputError"}
    for path, path_item in result.get("paths", {}).items():
        for method, operation in path_item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            responses = operation.setdefault("responses", {})
            responses.setdefault(
                "400",
                {
                    "description": "Malformed input (the field and the reason are named).",
                    "content": {"application/json": {"schema": ref}},
                },
            )
            names = {p.get("name") for p in operation.get("parameters", [])}
            if "page" in names or "{" in path:
                responses.setdefault("404", {"description": "Not found."})
    return result
