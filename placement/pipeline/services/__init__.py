"""The pipeline's operations: applications, referrals, placements and follow-ups.

Pages, the employer portal and the API call these functions. Modules: `applications` (a seeker
applies, the employer answers), `referrals` (an officer refers, the employer decides),
`placements` (a hire: card, vacancy, ledger; the three-month follow-up), `hires` ("I got a job":
the seeker's report, confirmed by an officer into a placement). Callers use
`from placement.pipeline import services` and the names below.
"""

from placement.pipeline.services.applications import (
    CONTACT_STATUSES,
    EMPLOYER_TRANSITIONS,
    MAX_NOTE,
    OPEN_STATUSES,
    ApplicationRefused,
    Status,
    apply_to_vacancy,
    can_apply,
    change_application_status,
    withdraw_application,
)
from placement.pipeline.services.hires import (
    HireReportRefused,
    confirm_hire_report,
    dismiss_hire_report,
    report_hire,
    report_hire_by_employer,
)
from placement.pipeline.services.placements import (
    FOLLOW_UP_MONTHS,
    PlacementRefused,
    home_office,
    placement_scope,
    record_follow_up,
    record_placement,
)
from placement.pipeline.services.referrals import (
    OFFICER_TRANSITIONS,
    CredentialsMissing,
    ReferralRefused,
    allowed_outcomes,
    can_refer,
    credential_warning,
    notify_employer,
    record_referral_outcome,
    refer_jobseeker,
    send_referral,
)

__all__ = [
    "CONTACT_STATUSES",
    "EMPLOYER_TRANSITIONS",
    "FOLLOW_UP_MONTHS",
    "MAX_NOTE",
    "OFFICER_TRANSITIONS",
    "OPEN_STATUSES",
    "ApplicationRefused",
    "CredentialsMissing",
    "HireReportRefused",
    "PlacementRefused",
    "ReferralRefused",
    "Status",
    "allowed_outcomes",
    "apply_to_vacancy",
    "can_apply",
    "can_refer",
    "change_application_status",
    "confirm_hire_report",
    "credential_warning",
    "dismiss_hire_report",
    "home_office",
    "notify_employer",
    "placement_scope",
    "record_follow_up",
    "record_placement",
    "record_referral_outcome",
    "refer_jobseeker",
    "report_hire",
    "report_hire_by_employer",
    "send_referral",
    "withdraw_application",
]
