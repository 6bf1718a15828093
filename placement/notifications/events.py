"""What each notice says. Texts take their values from the notice's `context` (%(name)s style) and
are translated when shown or sent, in the reader's language (Indonesian unless they chose English).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class EventText:
    title: str
    body: str
    # Sent by e-mail unless the person turned e-mail off (in-app only when False).
    email: bool = True
    # The preference that must be on for this notice to exist at all (digests), if any.
    preference: str = ""


EVENTS: dict[str, EventText] = {
    # --- Job seekers ---
    "seeker.registration_received": EventText(
        _("We received your registration"),
        _(
            "Thank you, %(name)s. Your registration has reached the Disnaker. An officer checks it "
            "and issues your AK/I card; we tell you when it is ready."
        ),
    ),
    "seeker.card_issued": EventText(
        _("Your AK/I card is issued: %(number)s"),
        _(
            "Your registration is verified and your AK/I card number is %(number)s. You can "
            "download the card now. Report every six months to keep it active."
        ),
    ),
    "seeker.registration_returned": EventText(
        _("Your registration needs changes"),
        _("The officer returned your registration: %(reason)s. Correct it and send it again."),
    ),
    "seeker.registration_rejected": EventText(
        _("Your registration was not accepted"),
        _(
            "The Disnaker did not accept your registration: %(reason)s. Visit your Disnaker with "
            "your KTP if you think this is a mistake."
        ),
    ),
    "seeker.hire_confirmed": EventText(
        _("Congratulations on your new job"),
        _(
            "The Disnaker recorded your job at %(employer)s. Your AK/I card is now inactive; if "
            "you look for work again, report and it becomes active with the same number."
        ),
    ),
    "seeker.hire_reported_by_employer": EventText(
        _("%(employer)s reported that it hired you"),
        _(
            "%(employer)s told the Disnaker that you start work as %(title)s on %(date)s. An "
            "officer checks it and records the job; if this is not right, tell your Disnaker."
        ),
    ),
    "seeker.report_due": EventText(
        _("Your six-monthly report is due on %(date)s"),
        _(
            "Report to keep your AK/I card active: sign in and press “Report” before %(date)s, "
            "or visit your Disnaker."
        ),
    ),
    "seeker.referred": EventText(
        _("You are referred to “%(title)s”"),
        _(
            "Your Disnaker referred you to %(employer)s for the job “%(title)s”. Download your "
            "referral letter (surat pengantar) and bring it to the employer."
        ),
    ),
    "seeker.outcome": EventText(
        _("News about “%(title)s”: %(status)s"),
        _("%(employer)s recorded the result of your referral to “%(title)s”: %(status)s."),
    ),
    "seeker.recommendations": EventText(
        _("%(count)s vacancies that fit you this week"),
        _("New vacancies fit your skills and wishes: %(titles)s. See them and their reasons."),
        preference="weekly_digest",
    ),
    # --- Data protection (placement/privacy) ---
    "seeker.privacy_request_received": EventText(
        _("We received your request %(number)s"),
        _(
            "Your request “%(kind)s” (%(number)s) has reached the data protection officer. "
            "By law we answer within 3 x 24 hours, by %(due)s."
        ),
    ),
    "seeker.privacy_request_done": EventText(
        _("Your request %(number)s is done"),
        _("Your request “%(kind)s” (%(number)s) is done. Answer: %(answer)s"),
    ),
    "seeker.privacy_request_refused": EventText(
        _("Your request %(number)s was refused"),
        _("Your request “%(kind)s” (%(number)s) was refused: %(reason)s"),
    ),
    "privacy.request_received": EventText(
        _("New data request %(number)s: %(kind)s"),
        _("A data-subject request “%(kind)s” (%(number)s) was filed. It is due by %(due)s."),
    ),
    "privacy.request_due_soon": EventText(
        _("Data request %(number)s is due by %(due)s"),
        _("The request “%(kind)s” (%(number)s) must be answered by %(due)s (3 x 24 hours)."),
    ),
    "privacy.request_overdue": EventText(
        _("Data request %(number)s is overdue"),
        _("The request “%(kind)s” (%(number)s) was due by %(due)s and is not answered yet."),
    ),
    "privacy.breach_recorded": EventText(
        _("Data breach recorded: %(title)s"),
        _("Incident %(number)s “%(title)s” was recorded. Notices are due by %(due)s."),
    ),
    "privacy.breach_due_soon": EventText(
        _("Breach notices for %(number)s are due by %(due)s"),
        _(
            "Tell the persons affected and the authority about incident %(number)s "
            "“%(title)s” by %(due)s (3 x 24 hours)."
        ),
    ),
    "privacy.breach_overdue": EventText(
        _("Breach notices for %(number)s are overdue"),
        _(
            "The notices about incident %(number)s “%(title)s” were due by %(due)s and are not "
            "all recorded as sent."
        ),
    ),
    # --- Employers ---
    "employer.verified": EventText(
        _("%(company)s is verified"),
        _("The Disnaker verified %(company)s. Its vacancies can now be published."),
    ),
    "employer.rejected": EventText(
        _("The registration of %(company)s was not accepted"),
        _("The Disnaker did not accept the registration of %(company)s: %(reason)s."),
    ),
    "employer.vacancy_published": EventText(
        _("Your vacancy “%(title)s” is published"),
        _("The vacancy “%(title)s” (%(reference)s) is published; it is open from %(date)s."),
    ),
    "employer.vacancy_returned": EventText(
        _("Your vacancy “%(title)s” needs changes"),
        _("The officer returned “%(title)s” (%(reference)s): %(reason)s."),
    ),
    "employer.candidate_referred": EventText(
        _("A candidate is referred to “%(title)s”"),
        _("The Disnaker referred %(name)s (AK/I %(number)s) to your vacancy “%(title)s”."),
        # The referral e-mail with the candidate's details goes to the company already.
        email=False,
    ),
    "employer.outcome_due": EventText(
        _("Please record the result for %(name)s"),
        _(
            "%(name)s was referred to “%(title)s” on %(date)s. Tell the Disnaker whether they "
            "were interviewed, hired or not selected."
        ),
    ),
    "employer.reporting_reminder": EventText(
        _("Please report your vacancies (Perpres 57/2023)"),
        _(
            "%(company)s: %(reasons)s Employers must report their vacancies and report again "
            "when they are filled (Perpres 57/2023 Art. 4-6)."
        ),
    ),
    "employer.warning_letter": EventText(
        _("Written warning %(number)s on the duty to report vacancies"),
        _(
            "%(office)s issued the written warning %(number)s to %(company)s (Perpres 57/2023 "
            "Art. 17): %(reasons)s Please report your vacancies and who was hired."
        ),
    ),
    # --- Officers ---
    "officer.import_handed": EventText(
        _("Rows of an import for your office: %(rows)s"),
        _(
            "%(office)s imported “%(file)s” and set aside %(rows)s rows in your region for your "
            "office. Open the import to take them."
        ),
    ),
    "officer.daily_digest": EventText(
        _("Your queues today"),
        _("%(summary)s"),
        preference="daily_digest",
    ),
}
