"""Office services: offices, the activity log, the officer's actions on seekers, employers and
vacancies (logged wrappers of those apps' services), and counselling.

Referrals, placements and follow-ups are services of the pipeline (`placement.pipeline.services`),
which log their activity through `officers.activity`.
"""

from officers.activity import note_contact, officer_of, record_activity
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
from officers.services.offices import NATIONAL_CODE, sync_offices

__all__ = [
    "DEFAULT_TEMPLATE",
    "NATIONAL_CODE",
    "NOTE_TEMPLATES",
    "AgreedAction",
    "CounsellingRefused",
    "complete_action",
    "note_contact",
    "officer_of",
    "publish_vacancy",
    "record_activity",
    "record_seeker_report",
    "record_session",
    "reject_employer",
    "return_vacancy",
    "start_import",
    "sync_offices",
    "template_text",
    "templates_for",
    "verify_employer",
    "verify_seeker",
]
