"""Rows of files in other shapes (job boards, companies, job fairs): mapped columns coded with the
Real-words coders (KBJI, place, skills, wage, education), employers found by NIB or by name and
place or created as job-board employers; every coded value keeps its text and confidence."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

from django.utils import timezone
from django.utils.translation import gettext as _

from employers import import_mapping, rules
from employers.import_rows import Row, office_of
from employers.models import Employer, ImportRun, Vacancy
from placement.accounts.models import User
from placement.taxonomy.learned import LEARNED, LearnedWords
from placement.taxonomy.text import occupations as occupation_coder
from placement.taxonomy.text import places as place_coder
from placement.taxonomy.text import skills as skill_coder
from placement.taxonomy.text import wages as wage_coder
from placement.taxonomy.text.normalize import fold

# A mapped row whose KBJI or place is coded below this confidence goes to the review queue.
REVIEW_THRESHOLD = 0.6
SKILL_TEXT = 2500  # characters of a description searched for skills
NATIONAL_HOME = "31.71"  # home of a job-board employer of unknown place, for a national officer
COMPANY_WORDS = {"pt", "cv", "tbk", "persero", "ud", "pd", "fa", "yayasan", "koperasi"}
EMPTY_WORDS = {"", "n/a", "na", "-", "none", "null", "nan", "tidak ada"}


def source_identity(header: list[str]) -> str:
    """A source known by the shape of its files: the columns, not the file's name."""
    signature = ",".join(import_mapping.signature(header))
    return "cols-" + hashlib.sha256(signature.encode()).hexdigest()[:12]


def company_key(name: str) -> str:
    """A company name compared across files: folded, without PT/CV/Tbk."""
    return " ".join(w for w in fold(name).split() if w not in COMPANY_WORDS)


# Words of a name that say which kind of employer it is (Perpres 57/2023 binds them all).
KIND_WORDS = [
    (("dinas", "pemerintah", "kementerian", "pemkab", "pemkot", "pemprov", "rsud", "puskesmas",
      "badan", "sekretariat", "kantor", "kecamatan", "kelurahan", "desa"), "government"),
    (("yayasan", "perkumpulan", "lembaga", "asosiasi"), "foundation"),
    (("perorangan", "pribadi", "rumah tangga", "keluarga"), "individual"),
]  # fmt: skip


def employer_kind(name: str) -> str:
    """The kind of employer a file's name says ("company" unless a word says otherwise); an
    incorporated name (PT, CV, Tbk...) is always a company."""
    words = fold(name).split()
    if any(word in COMPANY_WORDS - {"yayasan", "koperasi"} for word in words):
        return Employer.Kind.COMPANY
    text = f" {' '.join(words)} "
    for kind_words, kind in KIND_WORDS:
        if any(f" {word} " in text for word in kind_words):
            return kind
    return Employer.Kind.COMPANY


def _blank(value: str) -> bool:
    return (value or "").strip().lower() in EMPTY_WORDS


def _loose_day(raw: str) -> date | None:
    raw = (raw or "").strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%m/%d/%Y"):
        try:
            return datetime.strptime(raw[:10], pattern).date()
        except ValueError:
            continue
    return None


def _amount(raw: str) -> int | None:
    digits = re.sub(r"[^0-9]", "", (raw or "").split(",")[0])
    if not digits:
        return None
    value = int(digits)
    return value if 0 < value <= rules.MAX_WAGE else None


class Mapped:
    """Codes the rows of a mapped file and finds or creates their employers."""

    def __init__(
        self, run: ImportRun, mapping: dict, defaults: dict, lookups, scope, today, header=()
    ):
        self.run, self.mapping, self.lookups, self.scope, self.today = (
            run,
            mapping,
            lookups,
            scope,
            today,
        )
        self.defaults = {**import_mapping.DEFAULTS, **(defaults or {})}
        self.by_nib: dict[str, Employer] = {}
        self.by_name: dict[str, list[Employer]] = {}
        for employer in Employer.objects.only(
            "id", "name", "nib", "regency_id", "status", "industry_id"
        ):
            if employer.nib:
                self.by_nib[employer.nib] = employer
            self.by_name.setdefault(company_key(employer.name), []).append(employer)
        self.skill_pks = lookups.skills
        self.pending: list[Employer] = []  # new employers not yet written
        self.source = source_identity(list(header))
        self.learned = LearnedWords()

    def source_key(self, external_id: str, link: str, company: str, title: str, place: str) -> str:
        """The ad's identity across files: its id at the source (the link's site, else the file's
        shape), else its link, else its content; never the name the file happens to have."""
        if external_id:
            site = urlsplit(link).hostname if link else None
            return f"id:{site or self.source}:{external_id}"
        if link:
            return f"url:{link}"
        content = "|".join(fold(part) for part in (company, title, place))
        return f"row:{self.source}:{hashlib.sha256(content.encode()).hexdigest()[:20]}"

    def get(self, row: Row, field: str) -> str:
        column = self.mapping.get(field)
        value = (row.values.get(column) or "").strip() if column else ""
        return "" if _blank(value) else value

    def fallback_regency(self, place) -> str | None:
        if place is not None and place.province_code:
            codes = sorted(
                c for c in self.lookups.regencies if c.startswith(place.province_code + ".")
            )
            city = f"{place.province_code}.71"
            return city if city in self.lookups.regencies else (codes[0] if codes else None)
        codes = sorted(self.scope.regency_codes) if self.scope.regency_codes else []
        if not codes and self.scope.province_codes:
            province = sorted(self.scope.province_codes)[0]
            codes = sorted(c for c in self.lookups.regencies if c.startswith(province + "."))
        if not codes and self.scope.everything and NATIONAL_HOME in self.lookups.regencies:
            codes = [NATIONAL_HOME]
        return codes[0] if codes else None

    def employer(
        self, row: Row, name: str, nib: str, regency: str | None, place
    ) -> Employer | None:
        if nib and nib in self.by_nib:
            return self.by_nib[nib]
        key = company_key(name)
        candidates = self.by_name.get(key, [])
        if regency:
            same_place = [e for e in candidates if e.regency_id == regency]
            if same_place:
                return same_place[0]
        if len(candidates) == 1 or (candidates and not regency):
            return candidates[0]
        home = regency or self.fallback_regency(place)
        if home is None:
            row.error(self.mapping.get("location", "location"), _("No place for the employer."))
            return None
        # Written with the batch of its vacancies (one insert for all new employers).
        kind = employer_kind(name)
        employer = Employer(
            name=name[:200],
            nib=nib if nib and not rules.nib_problem(nib) else None,
            origin=Employer.Origin.JOB_BOARD,
            kind=kind,
            ownership=Employer.KIND_OWNERSHIP.get(kind, Employer.Ownership.PRIVATE),
            address="",
            regency_id=home,
            contact_name="",
            contact_email="",
            contact_phone="",
            status=Employer.Status.PENDING,
        )
        if employer.nib:
            self.by_nib[employer.nib] = employer
        self.by_name.setdefault(key, []).append(employer)
        self.pending.append(employer)
        return employer

    def code_place(self, location: str, description: str, coding: dict, review: list):
        """(regency code or None, the coder's place): a taught alias first, then the coder."""
        if not location:
            return None, None
        taught = self.learned.place(location)
        if taught in self.lookups.regencies:
            coding["regency"] = {"text": location[:200], "value": taught, "confidence": 1.0}
            coding["regency"]["reason"] = LEARNED
            return taught, None
        found = place_coder.resolve(location, context=description[:500], limit=3)
        place = found[0].place if found else None
        regency = place.regency_code if place else None
        regency = regency if regency in self.lookups.regencies else None
        confidence = found[0].score if found else 0.0
        coding["regency"] = {
            "text": location[:200],
            "value": regency,
            "place": place.code if place else None,
            "confidence": round(confidence, 3),
            "alternatives": [r.place.code for r in found[1:]],
        }
        if confidence < REVIEW_THRESHOLD:
            review.append("regency")
        return regency, place

    def code_occupation(
        self,
        kbji: str,
        title: str,
        description: str,
        coding,
        review,
        sector: str = "",
        department: str = "",
    ):
        """The occupation: the file's KBJI code, a taught alias, else the coder's best (helped by
        the description and the row's KBLI code, read with the ad's department or category when
        the file has one)."""
        occupation = self.lookups.occupations.get(kbji) if kbji else None
        if occupation is not None:
            coding["kbji"] = {"text": kbji, "value": occupation.code, "confidence": 1.0}
            return occupation
        taught = self.lookups.occupations.get(self.learned.occupation(title) or "")
        if taught is not None:
            coding["kbji"] = {"text": title, "value": taught.code, "confidence": 1.0}
            coding["kbji"]["reason"] = LEARNED
            return taught
        found = occupation_coder.suggest_occupations(
            title,
            description=description[:1500],
            sector=sector,
            context=department[:300],
            limit=3,
        )
        top = found[0] if found else None
        occupation = self.lookups.occupations.get(top.code) if top else None
        confidence = round(top.score, 3) if top else 0.0
        coding["kbji"] = {
            "text": title,
            "value": occupation.code if occupation else None,
            "confidence": confidence,
            "alternatives": [s.code for s in found[1:]],
        }
        if occupation is None or confidence < REVIEW_THRESHOLD:
            review.append("kbji")
        return occupation

    def code_skills(self, skill_text: str, description: str, coding: dict) -> list[int]:
        """Skills from the skills column and the head of the description (its tail is benefits
        and how to apply); unknown words kept for review, taught ones coded."""
        skill_text = re.sub(r"[\[\]'\"]", " ", skill_text)
        head = description[:SKILL_TEXT]
        extraction = skill_coder.extract(f"{skill_text}\n{head}" if skill_text else head)
        uris = extraction.uris + self.learned.skills(extraction.unknown)
        skill_ids: list[int] = []
        for uri in uris:
            pk = self.skill_pks.get(uri.lower())
            if pk is not None and pk not in skill_ids:
                skill_ids.append(pk)
        coding["skills"] = {
            "text": skill_text[:500],
            "value": uris[:30],
            "unknown": extraction.unknown[:30],
        }
        return skill_ids

    def vacancy(self, row: Row, by: User) -> Vacancy | None:
        title = self.get(row, "title")[:200]
        if not title:
            row.error(self.mapping.get("title", "title"), _("This column is empty."))
            return None
        company = self.get(row, "company")
        nib = self.get(row, "employer_nib")
        if not company and not (nib and nib in self.by_nib):
            row.error(self.mapping.get("company", "company"), _("No company name."))
            return None
        description = self.get(row, "description")[:5000]
        coding: dict = {}
        review: list[str] = []
        location = self.get(row, "location")
        regency, place = self.code_place(location, description, coding, review)
        if regency and not self.scope.contains_regency(regency):
            # Not lost, not imported into another office's region: set aside in the report.
            row.set_aside = _("Outside your region: %(place)s (for %(office)s).") % office_of(
                self.lookups.regencies[regency]
            )
            row.set_aside_regency = regency
            return None
        occupation = self.code_occupation(
            self.get(row, "kbji"),
            title,
            description,
            coding,
            review,
            sector=self.get(row, "kbli"),
            department=" / ".join(
                value for value in (self.get(row, "category"), self.get(row, "department")) if value
            ),
        )
        skill_ids = self.code_skills(self.get(row, "skills"), description, coding)
        # Wage
        wage_min = _amount(self.get(row, "wage_min"))
        wage_max = _amount(self.get(row, "wage_max"))
        wage_text = self.get(row, "wage")
        if wage_text and wage_min is None:
            wage = wage_coder.parse_wage(wage_text)
            wage_min = wage.min if wage.min and wage.min <= rules.MAX_WAGE else None
            wage_max = wage.max if wage.max and wage.max <= rules.MAX_WAGE else None
            coding["wage"] = {"text": wage_text[:200], "value": wage.as_dict()}
        if wage_min and wage_max and wage_max < wage_min:
            wage_max = None
        # Education
        education = None
        raw_education = self.get(row, "education")
        if raw_education:
            education = self.lookups.education.get(raw_education.lower())
        for column, code in self.mapping.get("education_flags", []):
            flag = (row.values.get(column) or "").strip().lower()
            known = flag in ("1", "true") and code in self.lookups.education
            if known and (education is None or code < education.code):
                education = self.lookups.education[code]
        # Dates: the ad's own, else the defaults; an ad dated in the past is kept for review.
        posted = _loose_day(self.get(row, "posted"))
        valid_from = posted or self.today
        valid_to = _loose_day(self.get(row, "valid_to"))
        if valid_to is None or valid_to < valid_from:
            valid_to = valid_from + timedelta(days=int(self.defaults["valid_days"]))
        if valid_to < self.today:
            review.append("valid_to")
        headcount = row.integer("headcount") if self.mapping.get("headcount") else None
        row.errors = [e for e in row.errors if e[1] != "headcount"]
        headcount = min(headcount or int(self.defaults["headcount"]), rules.MAX_HEADCOUNT)
        external_id = self.get(row, "external_id")[:100]
        link = self.get(row, "link")[:500]
        if link and not re.match(r"^https?://", link):
            link = ""
        source_key = self.source_key(external_id, link, company, title, location)
        employer = self.employer(row, company, nib, regency, place)
        if employer is None:
            return None
        if regency is None and "regency" not in review:
            review.append("regency")  # no regency/city: the officer places it
        now = timezone.now()
        coding["confidence"] = min(
            coding["kbji"]["confidence"],
            coding.get("regency", {}).get("confidence", 1.0),
        )
        coding["review"] = review
        vacancy = Vacancy(
            employer=employer,
            title=title,
            occupation=occupation,
            industry_id=employer.industry_id,
            min_education=education,
            regency_id=regency,
            description=description,
            headcount=headcount,
            wage_min=wage_min,
            wage_max=wage_max,
            valid_from=valid_from,
            valid_to=valid_to,
            employment_type=import_mapping.employment_type(self.get(row, "employment_type"))
            or self.defaults.get("employment_type", ""),
            # The column if the file has one, else a title such as "Admin (Remote)".
            work_arrangement=import_mapping.work_arrangement(self.get(row, "work_arrangement"))
            or import_mapping.work_arrangement(f" {title} ".replace("(", " ").replace(")", " ")),
            scope=Vacancy.Scope.AKL,
            status=Vacancy.Status.SUBMITTED,
            created_by=by,
            submitted_at=now,
            import_run=self.run,
            source_key=source_key[:300],
            source_file=self.run.file_name[:255],
            source_row=row.number,
            external_id=external_id,
            source_url=link,
            coding=coding,
            needs_review=bool(review),
        )
        vacancy._import_skills = (skill_ids[:30], [])
        return vacancy


def choose_mapping(
    run: ImportRun, header: list[str], sample: list[tuple[int, dict]]
) -> tuple[dict, dict]:
    """The run's own mapping, else a saved profile for these headers, else a suggestion."""
    if run.mapping:
        mapping = {k: v for k, v in run.mapping.items() if not k.startswith("__")}
        defaults = run.mapping.get("__defaults__") or (run.profile.defaults if run.profile else {})
        return mapping, defaults
    profile = run.profile or import_mapping.pick_profile(header)
    if profile is not None:
        run.profile = profile
        return profile.mapping, profile.defaults
    rows = [[values.get(name, "") for name in header] for _number, values in sample]
    return import_mapping.suggest(header, rows), {}
