"""Job seeker operations: registration, verification (AK/I), reports, removal, CV and data export.

Pages and API call the same functions. Every state change writes the audit trail; every change of
the seeker's standing (registered, reported, removed, reactivated) writes one ledger event with the
dimensions of the IPK tables.

Status transitions:
    draft --submit_registration--> submitted --verify_jobseeker--> active
    active --report_jobseeker--> active            (seeker_reported; moves the next report date)
    (counter) --register_walk_in--> submitted      (entered by an officer; claim code for the
                                                    online account: claim_account)
    submitted --return_registration--> returned --submit_registration/complete_at_counter-->
                                                    submitted       (seeker_returned, no flow)
    submitted/returned --reject_registration--> rejected           (seeker_rejected, no flow)
    active --expire_lapsed_seekers--> removed      (seeker_removed: report missed or card expired)
    active --remove_jobseeker--> removed           (seeker_removed with the officer's reason)
    active --report_jobseeker(still_looking=False)--> removed     (on request)
    active --reissue_card--> active                (seeker_card_reissued, same number, no flow)
    any --merge_duplicate--> the duplicate is removed or rejected into the kept record
    active --mark_placed--> placed                 (the placement service writes seeker_placed)
    removed/placed --report_jobseeker or reactivate_jobseeker--> active   (seeker_reactivated,
                                                                           same AK/I number)

Modules: `rules` (who may set which field, dates), `checks` (NIK warnings, duplicates),
`registration`, `walk_in` (registration at the counter), `identity` (sex and birth date from the
NIK, confirmed), `claims` (the one-time code of a counter registration), `credentials`
(certificates, courses, licences, languages), `lifecycle` (the AK/I card), `desk` (the counter:
return, reject, removal, reissue, merge, a new claim code; its docstring lists each ledger
event's IPK effect), `files` (the CV), `data` ("my data"). Ledger events and their IPK dimensions
are built by `placement.ledger.services`.
Callers use `from jobseekers import services` and the names below.
"""

from jobseekers.services.checks import (
    compute_warnings,
    normalise_name,
    possible_duplicates,
    warning_messages,
)
from jobseekers.services.claims import CLAIM_CODE_DAYS, claim_account, format_claim_code
from jobseekers.services.credentials import (
    add_credential,
    remove_credential,
    replace_credentials,
)
from jobseekers.services.data import export_seeker_data, processing_log
from jobseekers.services.desk import (
    MANUAL_REMOVAL_REASONS,
    REISSUE_REASONS,
    REMOVAL_OUTFLOW,
    complete_at_counter,
    issue_claim_code,
    merge_duplicate,
    reissue_card,
    reject_registration,
    remove_jobseeker,
    remove_on_erasure,
    return_registration,
)
from jobseekers.services.files import (
    check_cv_upload,
    cv_max_bytes,
    cv_path,
    delete_cv,
    delete_document,
    delete_seeker_files,
    document_max_bytes,
    photo_bytes,
    photo_path,
    seeker_document_path,
    seeker_file_paths,
    store_cv,
    store_document,
    store_photo,
)
from jobseekers.services.identity import MIN_AGE, confirmed_identity, derived_identity
from jobseekers.services.lifecycle import (
    ReportAnswers,
    expire_lapsed_seekers,
    format_ak1_number,
    issue_ak1_number,
    mark_placed,
    office_number_code,
    reactivate_jobseeker,
    report_jobseeker,
    verify_jobseeker,
)
from jobseekers.services.registration import (
    REGISTRATION_STEPS,
    add_education,
    add_experience,
    create_seeker_account,
    editable_fields,
    give_consent,
    has_current_consent,
    mark_step,
    missing_for_submission,
    preferred_occupations,
    register_jobseeker,
    remove_education,
    remove_experience,
    replace_rows,
    start_registration,
    submit_registration,
    update_jobseeker,
    withdraw_consent,
)
from jobseekers.services.rules import (
    CONTACT_FIELDS,
    CV_MAX_BYTES,
    EMAIL_TAKEN,
    IDENTITY_FIELDS,
    MAX_PREFERRED_OCCUPATIONS,
    NIK_TAKEN,
    PDF_MAGIC,
    PREFERENCE_FIELDS,
    PROFILE_FIELDS,
    VERIFIED_IDENTITY,
    ServiceError,
    add_months,
    report_interval_months,
    validity_months,
)
from jobseekers.services.walk_in import WalkIn, register_walk_in

__all__ = [
    "CLAIM_CODE_DAYS",
    "CONTACT_FIELDS",
    "CV_MAX_BYTES",
    "EMAIL_TAKEN",
    "IDENTITY_FIELDS",
    "MANUAL_REMOVAL_REASONS",
    "MAX_PREFERRED_OCCUPATIONS",
    "MIN_AGE",
    "NIK_TAKEN",
    "PDF_MAGIC",
    "PREFERENCE_FIELDS",
    "PROFILE_FIELDS",
    "REGISTRATION_STEPS",
    "REISSUE_REASONS",
    "REMOVAL_OUTFLOW",
    "VERIFIED_IDENTITY",
    "ReportAnswers",
    "ServiceError",
    "WalkIn",
    "add_credential",
    "add_education",
    "add_experience",
    "add_months",
    "check_cv_upload",
    "claim_account",
    "complete_at_counter",
    "compute_warnings",
    "confirmed_identity",
    "create_seeker_account",
    "cv_max_bytes",
    "cv_path",
    "delete_cv",
    "delete_document",
    "delete_seeker_files",
    "derived_identity",
    "document_max_bytes",
    "editable_fields",
    "expire_lapsed_seekers",
    "export_seeker_data",
    "format_ak1_number",
    "format_claim_code",
    "give_consent",
    "has_current_consent",
    "issue_ak1_number",
    "issue_claim_code",
    "mark_placed",
    "mark_step",
    "merge_duplicate",
    "missing_for_submission",
    "normalise_name",
    "office_number_code",
    "photo_bytes",
    "photo_path",
    "possible_duplicates",
    "preferred_occupations",
    "processing_log",
    "reactivate_jobseeker",
    "register_jobseeker",
    "register_walk_in",
    "reissue_card",
    "reject_registration",
    "remove_credential",
    "remove_education",
    "remove_experience",
    "remove_jobseeker",
    "remove_on_erasure",
    "replace_credentials",
    "replace_rows",
    "report_interval_months",
    "report_jobseeker",
    "return_registration",
    "seeker_document_path",
    "seeker_file_paths",
    "start_registration",
    "store_cv",
    "store_document",
    "store_photo",
    "submit_registration",
    "update_jobseeker",
    "validity_months",
    "verify_jobseeker",
    "warning_messages",
    "withdraw_consent",
]
