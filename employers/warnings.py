"""Verification aids: automatic warnings an officer sees when reviewing a vacancy.

Warnings inform; the officer decides. The known harms they look for are fake "employers" that
harvest CVs or ask applicants for money, and overseas offers outside the legal procedure
(UU 18/2017: only a licensed P3MI with a verified job order may recruit for work abroad).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.translation import gettext as _

from employers.models import Employer, Vacancy
from placement.migrants.services import related_cases
from placement.registers import services as registers

# Free personal mailbox providers: a company should use its own domain (or at least be checked).
PERSONAL_EMAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "yahoo.co.id",
        "ymail.com",
        "rocketmail.com",
        "hotmail.com",
        "outlook.com",
        "outlook.co.id",
        "live.com",
        "msn.com",
        "icloud.com",
        "me.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "mail.com",
        "gmx.com",
        "yandex.com",
        "zoho.com",
    }
)

# Phrases asking applicants for money. Charging job seekers is prohibited (Permenaker 39/2016).
MONEY_PATTERNS = [
    r"\bbiaya\s+(?:pendaftaran|administrasi|admin|seragam|pelatihan|training|medical|medis|"
    r"proses|pemrosesan|tiket|penempatan|pemeriksaan(?:\s+kesehatan)?|sertifikasi|visa|paspor)\b",
    r"\buang\s+(?:jaminan|pendaftaran|administrasi|muka|deposit|pelicin|seragam|pelatihan)\b",
    r"\bjaminan\s+uang\b",
    r"\bdeposit\b",
    r"\btransfer\b",
    r"\brekening\b",
    r"\bpotong(?:an)?\s+gaji\b",
    r"\bpungutan\b",
    r"\bmembayar\b",
    r"\b(?:wajib|harus)\s+bayar\b",
    r"\b(?:registration|application|processing|training|uniform|medical|placement|recruitment|"
    r"admin(?:istration)?)\s+fees?\b",
    r"\bsend\s+(?:us\s+)?money\b",
    r"\bpay\s+(?:a|the|an)\s+(?:fee|deposit)\b",
    r"\bupfront\s+(?:payment|fee)\b",
]
_MONEY = re.compile("|".join(f"(?:{p})" for p in MONEY_PATTERNS), re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII)
# Indonesian mobile numbers (08.., +628.., 628..), with spaces or dashes, and WhatsApp links.
_PHONE = re.compile(
    r"(?:\+?62|\b0)\s?8\d{1,3}[\s.-]?\d{3,4}[\s.-]?\d{2,5}\b|\bwa\.me/\d+|\bwhats\s?app\b",
    re.IGNORECASE,
)
_MOBILE = re.compile(r"^(?:\+?62|0)\s?8", re.ASCII)

# A wage is "far outside the usual range" below half or above three times the usual midpoint.
LOW_FACTOR = 0.5
HIGH_FACTOR = 3.0
MIN_SAMPLES = 8
# Fallback monthly wages (Rp) by KBJI major group when too few published vacancies give one:
# a rough national picture around the provincial minimum wages of 2025.
FALLBACK_MONTHLY_WAGE = {
    "0": 5_000_000,
    "1": 10_000_000,
    "2": 7_000_000,
    "3": 5_000_000,
    "4": 4_000_000,
    "5": 3_200_000,
    "6": 2_800_000,
    "7": 3_500_000,
    "8": 3_800_000,
    "9": 2_800_000,
}


@dataclass(frozen=True)
class VacancyWarning:
    code: str
    message: str
    # Past non-procedural cases the warning is about: ((pk, reference), ...), linked on the page.
    cases: tuple = ()


def _midpoint(low: int | None, high: int | None) -> float | None:
    values = [v for v in (low, high) if v]
    return sum(values) / len(values) if values else None


def usual_wage(occupation_code: str) -> tuple[float, str]:
    """The usual monthly wage for an occupation and where the figure comes from.

    The median of published vacancies of the same KBJI sub-major group (2 digits), else of the
    major group (1 digit), else the fallback table.
    """
    for digits in (2, 1):
        prefix = occupation_code[:digits]
        key = f"employers:usual-wage:{prefix}"
        cached = cache.get(key)
        if cached is None:
            rows = (
                Vacancy.objects.filter(
                    status=Vacancy.Status.PUBLISHED, occupation__code__startswith=prefix
                )
                .exclude(wage_min__isnull=True, wage_max__isnull=True)
                .order_by("-published_at")
                .values_list("wage_min", "wage_max")[:1000]
            )
            midpoints = [m for m in (_midpoint(a, b) for a, b in rows) if m]
            cached = statistics.median(midpoints) if len(midpoints) >= MIN_SAMPLES else 0
            cache.set(key, cached, 600)
        if cached:
            source = _("published vacancies of group %(code)s") % {"code": prefix}
            return float(cached), source
    fallback = FALLBACK_MONTHLY_WAGE.get(occupation_code[:1], 3_500_000)
    return float(fallback), _("the reference table of major group %(code)s") % {
        "code": occupation_code[:1]
    }


def _rupiah(value: float) -> str:
    return "Rp" + f"{round(value):,}".replace(",", ".")


def _wage_warnings(vacancy: Vacancy) -> list[VacancyWarning]:
    midpoint = _midpoint(vacancy.wage_min, vacancy.wage_max)
    if midpoint is None:
        return [
            VacancyWarning(
                "wage_missing",
                _("No wage is given. Applicants have a right to know the pay; ask the employer."),
            )
        ]
    if not vacancy.occupation_id:
        return []
    usual, source = usual_wage(vacancy.occupation.code)
    if midpoint < usual * LOW_FACTOR or midpoint > usual * HIGH_FACTOR:
        return [
            VacancyWarning(
                "wage_unusual",
                _(
                    "The wage (%(wage)s a month) is far from the usual %(usual)s for this "
                    "occupation (from %(source)s). Very high pay can be a lure; very low pay "
                    "may be below the minimum wage."
                )
                % {"wage": _rupiah(midpoint), "usual": _rupiah(usual), "source": source},
            )
        ]
    return []


def _limit_warnings(vacancy: Vacancy) -> list[VacancyWarning]:
    if not vacancy.has_limits:
        return []
    parts = []
    if vacancy.age_min and vacancy.age_max:
        parts.append(
            _("age %(low)s to %(high)s") % {"low": vacancy.age_min, "high": vacancy.age_max}
        )
    elif vacancy.age_min:
        parts.append(_("age at least %(low)s") % {"low": vacancy.age_min})
    elif vacancy.age_max:
        parts.append(_("age at most %(high)s") % {"high": vacancy.age_max})
    if vacancy.sex:
        parts.append(_("only %(sex)s") % {"sex": vacancy.get_sex_display().lower()})
    return [
        VacancyWarning(
            "limits",
            _(
                "The vacancy limits %(limits)s. Placement must be non-discriminatory: accept "
                "the limit only if the stated reason is a real requirement of the job. "
                "Reason given: “%(reason)s”"
            )
            % {"limits": ", ".join(parts), "reason": vacancy.limits_reason or "—"},
        )
    ]


def _text(vacancy: Vacancy) -> str:
    return " ".join(
        filter(None, [vacancy.title, vacancy.description, vacancy.limits_reason, vacancy.country])
    )


def _money_warnings(text: str) -> list[VacancyWarning]:
    found = sorted({m.group(0).strip().lower() for m in _MONEY.finditer(text)})
    if not found:
        return []
    return [
        VacancyWarning(
            "money",
            _(
                "The text mentions %(phrases)s. Asking applicants for money (fees, deposits, "
                "uniforms, training) is prohibited: check before publishing."
            )
            % {"phrases": ", ".join(f"“{p}”" for p in found[:6])},
        )
    ]


def _contact_warnings(vacancy: Vacancy, text: str, employer: Employer) -> list[VacancyWarning]:
    result = []
    emails = sorted({m.group(0).lower() for m in _EMAIL.finditer(text)})
    personal = [e for e in emails if e.rsplit("@", 1)[-1] in PERSONAL_EMAIL_DOMAINS]
    if personal:
        result.append(
            VacancyWarning(
                "personal_email_in_text",
                _(
                    "The text asks applicants to write to a personal mailbox (%(emails)s) "
                    "instead of the company."
                )
                % {"emails": ", ".join(personal[:3])},
            )
        )
    elif emails:
        result.append(
            VacancyWarning(
                "email_in_text",
                _("The text gives an e-mail address (%(emails)s): check it is the company's.")
                % {"emails": ", ".join(emails[:3])},
            )
        )
    phones = sorted({m.group(0).strip() for m in _PHONE.finditer(text)})
    if phones:
        result.append(
            VacancyWarning(
                "phone_in_text",
                _(
                    "The text asks applicants to contact a phone or WhatsApp number "
                    "(%(phones)s) instead of applying through the service."
                )
                % {"phones": ", ".join(phones[:3])},
            )
        )
    domain = (employer.contact_email or "").rsplit("@", 1)[-1].lower()
    if domain in PERSONAL_EMAIL_DOMAINS:
        result.append(
            VacancyWarning(
                "personal_email",
                _(
                    "The company's contact e-mail (%(email)s) is a personal mailbox, not a "
                    "company address."
                )
                % {"email": employer.contact_email},
            )
        )
    if _MOBILE.match((employer.contact_phone or "").strip()):
        result.append(
            VacancyWarning(
                "personal_phone",
                _("The company's contact phone (%(phone)s) is a mobile number, not an office line.")
                % {"phone": employer.contact_phone},
            )
        )
    return result


def _overseas_warnings(vacancy: Vacancy) -> list[VacancyWarning]:
    if vacancy.scope != Vacancy.Scope.AKAN:
        return []
    if not (vacancy.p3mi_name.strip() and vacancy.job_order_number.strip()):
        return [
            VacancyWarning(
                "overseas_unlicensed",
                _(
                    "Work abroad without the licensed placement agency (P3MI) or the job "
                    "order/SIP2MI number: recruitment before the SIP2MI is not allowed."
                ),
            )
        ]
    problems = registers.job_order_problems(
        number=vacancy.job_order_number,
        country=vacancy.country,
        occupation_code=vacancy.occupation.code if vacancy.occupation_id else "",
    )
    if problems:
        return [VacancyWarning("overseas_register", " ".join(problems.values()))]
    job_order = registers.find_job_order(vacancy.job_order_number)
    return [
        VacancyWarning(
            "overseas",
            _(
                "Work abroad under SIP2MI %(number)s of %(agency)s, valid until %(end)s: "
                "%(left)s of %(quota)s places left."
            )
            % {
                "number": job_order.number,
                "agency": job_order.agency.name,
                "end": job_order.valid_to.strftime("%d-%m-%Y"),
                "left": job_order.places_left,
                "quota": job_order.quota,
            },
        )
    ]


def vacancy_warnings(vacancy: Vacancy) -> list[VacancyWarning]:
    """Every warning about `vacancy`, most serious first."""
    employer = vacancy.employer
    text = _text(vacancy)
    result: list[VacancyWarning] = []
    if employer.from_job_board and employer.may_publish:
        result.append(
            VacancyWarning(
                "employer_job_board",
                _(
                    "The company is known only from a job board (not registered): check the ad "
                    "at its source before publishing. Seekers apply there."
                ),
            )
        )
    elif not employer.is_verified:
        result.append(
            VacancyWarning(
                "employer_unverified",
                _("The company is not verified yet: verify it before publishing its vacancies."),
            )
        )
    result += _money_warnings(text)
    result += _overseas_warnings(vacancy)
    result += _limit_warnings(vacancy)
    result += _wage_warnings(vacancy)
    result += _contact_warnings(vacancy, text, employer)
    result += _case_warnings(vacancy, text, employer)
    return result


def _case_warnings(vacancy: Vacancy, text: str, employer: Employer) -> list[VacancyWarning]:
    """Past non-procedural cases about the same agency or phone number (issue 16)."""
    cases = related_cases(
        agency_names=[employer.name, vacancy.p3mi_name],
        agency_ids=[vacancy.job_order.agency_id] if vacancy.job_order_id else [],
        phones=[employer.contact_phone, *offer_phones(text)],
    )
    if not cases:
        return []
    return [
        VacancyWarning(
            "past_cases",
            _(
                "The Disnaker recorded %(n)s non-procedural case(s) about this company, its "
                "agency or its phone number: check them before publishing."
            )
            % {"n": len(cases)},
            tuple((case.pk, case.reference) for case in cases),
        )
    ]


# --- "Check an offer": the same rules on a text a person pastes (issue 16) --------------------

# A monthly wage above this in an offer to an unskilled or semi-skilled job is a classic lure
# (about three times the usual pay of work abroad through a P3MI, 2025).
OFFER_WAGE_TOO_GOOD = 30_000_000
_WAGE_IN_TEXT = re.compile(
    r"(?:rp\.?\s*|idr\s*)?(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*(juta|jt|million|ribu|rb)?",
    re.IGNORECASE,
)
_WAGE_WORDS = re.compile(r"\b(?:gaji|upah|salary|wage|pay|penghasilan)\b", re.IGNORECASE)


def _amounts(text: str) -> list[int]:
    """Rupiah amounts written after a wage word ("gaji Rp 35.000.000", "gaji 35 juta")."""
    amounts = []
    for word in _WAGE_WORDS.finditer(text):
        window = text[word.end() : word.end() + 60]
        for match in _WAGE_IN_TEXT.finditer(window):
            number, unit = match.group(1), (match.group(2) or "").lower()
            if unit in ("juta", "jt", "million"):
                value = float(number.replace(",", "."))
                amounts.append(int(value * 1_000_000))
            elif unit in ("ribu", "rb"):
                amounts.append(int(float(number.replace(",", ".")) * 1_000))
            elif match.group(0).lower().startswith(("rp", "idr")) or len(number) > 6:
                amounts.append(int(re.sub(r"[.,]", "", number)))
    return amounts


def text_warnings(text: str) -> list[VacancyWarning]:
    """The verification rules applied to an offer's text: fees, personal contacts, too-good pay."""
    text = (text or "")[:20_000]
    result = []
    found = sorted({m.group(0).strip().lower() for m in _MONEY.finditer(text)})
    if found:
        result.append(
            VacancyWarning(
                "money",
                _(
                    "The offer mentions %(phrases)s. Charging job seekers (fees, deposits, "
                    "uniforms, training, wage cuts beyond the official placement costs) is "
                    "prohibited: do not pay."
                )
                % {"phrases": ", ".join(f"“{p}”" for p in found[:6])},
            )
        )
    emails = sorted({m.group(0).lower() for m in _EMAIL.finditer(text)})
    personal = [e for e in emails if e.rsplit("@", 1)[-1] in PERSONAL_EMAIL_DOMAINS]
    if personal:
        result.append(
            VacancyWarning(
                "personal_email_in_text",
                _(
                    "The offer asks you to write to a personal mailbox (%(emails)s), not to a "
                    "company address."
                )
                % {"emails": ", ".join(personal[:3])},
            )
        )
    phones = sorted({m.group(0).strip() for m in _PHONE.finditer(text)})
    if phones:
        result.append(
            VacancyWarning(
                "phone_in_text",
                _(
                    "The offer asks you to contact a personal phone or WhatsApp number "
                    "(%(phones)s) instead of applying through the Disnaker or a registered "
                    "agency."
                )
                % {"phones": ", ".join(phones[:3])},
            )
        )
    amounts = [a for a in _amounts(text) if a > OFFER_WAGE_TOO_GOOD]
    if amounts:
        result.append(
            VacancyWarning(
                "wage_too_good",
                _(
                    "The offer promises %(wage)s a month. Pay far above the usual is a common "
                    "lure of illegal recruiters."
                )
                % {"wage": _rupiah(max(amounts))},
            )
        )
    return result


def offer_phones(text: str) -> list[str]:
    """The phone numbers an offer's text gives (to find past cases with the same number)."""
    found = (m.group(0).strip() for m in _PHONE.finditer(text or ""))
    return sorted({phone for phone in found if phone[:1] in "+0123456789"})
