"""The consent text a seeker agrees to, versioned (UU 27/2022 PDP Art. 20-22).

A new text gets a new version; consents store the version they were given to, so the record shows
exactly what each person agreed to. Keep old versions here: exports show their text.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

CURRENT_CONSENT_VERSION = "2026-11"

CONSENT_TEXTS = {
    "2026-11": [
        _(
            "The manpower office (Disnaker) and the Ministry of Manpower process the data you "
            "give here to register you as a job seeker, issue your AK/I card, find vacancies "
            "that fit you and compile labour-market statistics."
        ),
        _(
            "Officers of the office of your region can see your data. Employers see your name, "
            "education, skills and experience only when you apply or an officer refers you; they "
            "never see your NIK or disability information."
        ),
        _(
            "A computer suggests vacancies from your skills, education and wishes every night; "
            "an officer makes every referral decision."
        ),
        _(
            "You can see and download your data at any time, ask for corrections, withdraw this "
            "consent or ask for deletion. We answer within 3 x 24 hours."
        ),
    ]
}


def consent_text(version: str = CURRENT_CONSENT_VERSION) -> list[str]:
    """The paragraphs of a version of the consent text."""
    return [str(p) for p in CONSENT_TEXTS[version]]
