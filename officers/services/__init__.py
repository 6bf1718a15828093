"""Officer services: the officer's actions on seekers, employers and vacancies (logged wrappers of
those apps' services), and counselling.

Offices, the activity log and the last contact are the ground floor's (`placement.offices`);
referrals, placements and follow-ups are services of the pipeline (`placement.pipeline.services`).
"""

from officers.services.actions import (
    publish_vacancy,
    record_seeker_report,
    reject_employer,
    return_vacancy,
    start_import,
    verify_employer,
    verify_seeker,
)
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
    "publish_vacancy",
    "record_seeker_report",
    "record_session",
    "reject_employer",
    "return_vacancy",
    "start_import",
    "template_text",
    "templates_for",
    "verify_employer",
    "verify_seeker",
]
