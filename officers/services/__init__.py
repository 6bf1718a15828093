"""Officer services: counselling (AK/II interviews, guidance sessions, agreed actions).

Verifying seekers, employers and vacancies, reports at the office and imports are services of
those apps, which log the officer's activity themselves (one write path for web, API, imports).

Offices, the activity log and the last contact are the ground floor's (`placement.offices`);
referrals, placements and follow-ups are services of the pipeline (`placement.pipeline.services`).
"""

from officers.services.counselling import (
    DEFAULT_TEMPLATE,
    NOTE_TEMPLATES,
    AgreedAction,
    CounsellingRefused,
    complete_action,
    record_session,
    template_text,
    templates_for,
)

__all__ = [
    "DEFAULT_TEMPLATE",
    "NOTE_TEMPLATES",
    "AgreedAction",
    "CounsellingRefused",
    "complete_action",
    "record_session",
    "template_text",
    "templates_for",
]
