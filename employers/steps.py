"""The steps of the vacancy report (one thing per page), and the order they come in."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from employers import vacancy_forms as forms


@dataclass(frozen=True)
class Step:
    slug: str
    title: Promise
    form_class: type[forms.VacancyStepForm]


STEPS = (
    Step("job", _("The job"), forms.JobStepForm),
    Step("requirements", _("What applicants need"), forms.RequirementsStepForm),
    Step(
        "conditions",
        _("Licences, certificates, languages and working conditions"),
        forms.ConditionsStepForm,
    ),
    Step("limits", _("Age and sex limits"), forms.LimitsStepForm),
    Step("pay-and-place", _("Pay and place of work"), forms.PayPlaceStepForm),
    Step("period", _("How long the vacancy is open"), forms.PeriodStepForm),
)
BY_SLUG = {step.slug: step for step in STEPS}
# Which step holds each field, so the check page can link a problem to its step.
STEP_OF_FIELD = {
    **{name: step.slug for step in STEPS for name in step.form_class.base_fields},
}


def next_slug(slug: str) -> str | None:
    slugs = [step.slug for step in STEPS]
    index = slugs.index(slug)
    return slugs[index + 1] if index + 1 < len(slugs) else None
