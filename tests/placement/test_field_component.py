"""The one field component (templates/components/field.html): label or legend, hint and error,
tied to the input by aria-describedby, for text boxes, radio groups, dates and checkboxes."""

from __future__ import annotations

import re
from pathlib import Path

from django import forms
from django.conf import settings
from django.template.loader import render_to_string

from placement.fields import DatePartsField, Radios


class _Form(forms.Form):
    name = forms.CharField(label="Name", help_text="As on the KTP.")
    kind = forms.ChoiceField(
        label="Kind", choices=[("a", "A"), ("b", "B")], widget=Radios, help_text="Pick one."
    )
    born = DatePartsField(label="Born", help_text="For example 27 3 2001")
    agree = forms.BooleanField(label="I agree", help_text="Required.")
    note = forms.CharField(label="Note", required=False)


def _render(form: forms.Form, name: str) -> str:
    return render_to_string("components/field.html", {"field": form[name]})


def _described(html: str) -> list[str]:
    return re.search(r'aria-describedby="([^"]+)"', html).group(1).split()


def _form() -> _Form:
    form = _Form(data={"name": "", "kind": "", "born_0": "31", "born_1": "2", "born_2": "2001"})
    assert not form.is_valid()
    return form


def test_a_text_box_has_its_label_hint_and_error_tied_to_it():
    html = _render(_form(), "name")
    assert '<label for="id_name">Name</label>' in html
    assert '<p class="hint" id="id_name_helptext">As on the KTP.</p>' in html
    assert 'id="id_name_error"' in html
    assert _described(html) == ["id_name_helptext", "id_name_error"]
    assert 'aria-invalid="true"' in html


def test_radios_and_dates_are_a_fieldset_with_a_legend_that_names_hint_and_error():
    form = _form()
    for name in ("kind", "born"):
        html = _render(form, name)
        assert html.strip().startswith('<fieldset class="field field-error"'), name
        assert "<legend>" in html
        assert f'<label for="id_{name}">' not in html
        assert _described(html) == [f"id_{name}_helptext", f"id_{name}_error"]
        assert f'id="id_{name}_error"' in html


def test_a_checkbox_comes_before_its_label():
    html = _render(_form(), "agree")
    assert html.index('type="checkbox"') < html.index('<label for="id_agree">')
    assert _described(html) == ["id_agree_helptext", "id_agree_error"]


def test_an_optional_field_says_so_and_a_valid_one_has_no_error():
    form = _Form(data={"note": "x"})
    form.is_valid()
    html = _render(form, "note")
    assert "optional" in html
    assert "error-message" not in html
    assert "aria-describedby" not in html


def test_no_form_template_writes_a_field_of_its_own():
    """Fields of data-entry forms go through the component; the exceptions are search filters
    (GET, no "optional" marks), the standard-times table (a formset in table cells) and the 400
    page (the guard names a field that is not on the page)."""
    allowed = {
        "components/field.html",
        "home.html",
        "officers/components/filters.html",
        "officers/reports/standardtime_edit.html",
        "400.html",
    }
    root = Path(settings.BASE_DIR) / "templates"
    own = [
        str(path.relative_to(root))
        for path in root.rglob("*.html")
        if str(path.relative_to(root)) not in allowed
        and ('_error"' in path.read_text() or '_helptext"' in path.read_text())
    ]
    assert own == []


def test_no_label_says_optional_itself_the_component_adds_it_once():
    """A label with its own "(optional)" read "(tidak wajib) (tidak wajib)" on the page."""
    import importlib

    for module in ("employers.vacancy_forms", "jobseekers.forms", "officers.import_forms"):
        importlib.import_module(module)
    # Every form class loaded, by walking the subclasses (a walk of gc's objects met dead weak
    # proxies left by earlier tests).
    classes, todo = set(), [forms.BaseForm]
    while todo:
        for subclass in todo.pop().__subclasses__():
            if subclass not in classes:
                classes.add(subclass)
                todo.append(subclass)
    doubled = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form in classes
        for name, field in getattr(form, "base_fields", {}).items()
        if "(optional)" in str(field.label or "")
    ]
    assert doubled == []
