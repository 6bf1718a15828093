"""The floors contract of `make lint` (pyproject.toml, import-linter) places every module: a new
module outside the listed ones would escape the check, so this test names it."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("placement", "jobseekers", "employers", "officers")


def _floors() -> list[set[str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    (contract,) = [c for c in config["contracts"] if c["id"] == "floors"]
    return [{name.strip() for name in layer.split(":")} for layer in contract["layers"]]


def _modules() -> list[str]:
    found = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            # An app package itself is split over floors; its own __init__ holds no code.
            is_app_package = parts[-1] == "__init__" and len(parts) <= (
                3 if package == "placement" else 2
            )
            if "migrations" in parts or is_app_package:
                continue
            found.append(".".join(p for p in parts if p != "__init__"))
    return sorted(found)


def test_every_module_of_the_project_is_on_exactly_one_floor():
    floors = _floors()
    homeless, doubled = [], []
    for module in _modules():
        prefixes = {".".join(module.split(".")[:n]) for n in range(1, module.count(".") + 2)}
        homes = [i for i, floor in enumerate(floors) if floor & prefixes]
        if not homes:
            homeless.append(module)
        elif len(homes) > 1:
            doubled.append(module)
    assert homeless == [], "add these modules to a floor in pyproject.toml"
    assert doubled == []


def test_the_floors_are_the_five_of_the_design():
    floors = _floors()
    assert len(floors) == 5
    assert {"placement.urls", "placement.demo"} <= floors[0]
    assert "officers" in floors[1]
    assert {"placement.offices.models", "placement.ledger.models"} <= floors[4]


def _local_imports_without_reason() -> list[str]:
    """Imports of project modules inside functions whose line (or the line above) has no comment."""
    found = []
    for module in _modules():
        path = ROOT / (module.replace(".", "/") + ".py")
        if not path.exists():
            path = ROOT / module.replace(".", "/") / "__init__.py"
        source = path.read_text()
        lines = source.splitlines()
        for function in ast.walk(ast.parse(source)):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    name = node.module
                elif isinstance(node, ast.Import):
                    name = node.names[0].name
                else:
                    continue
                if name.split(".")[0] not in PACKAGES:
                    continue
                here, above = lines[node.lineno - 1], lines[node.lineno - 2]
                if "#" not in here and not above.strip().startswith("#"):
                    found.append(f"{module}:{node.lineno} imports {name}")
    return sorted(set(found))


def test_a_function_local_import_of_the_project_says_why():
    """Only a real cycle (Celery tasks importing the services that queue them) or a ready() hook
    justifies importing inside a function; the comment names it. Everything else goes on top."""
    assert _local_imports_without_reason() == []
