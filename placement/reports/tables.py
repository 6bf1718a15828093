"""The IPK tables as grids of labelled rows and columns: what pages, CSV, XLSX, PDF and the API
show. A grid is built from one region's stored counts (`IpkReport.tables`), never from the ledger.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from placement.reports import ipk

TITLES = {
    "iii-1": gettext_lazy("III/1 Summary of job seekers and vacancies"),
    "iii-2": gettext_lazy("III/2 Job seekers by education and sex"),
    "iii-3": gettext_lazy("III/3 Job seekers by occupation group and sex"),
    "iii-4": gettext_lazy("III/4 Vacancies by education and sex"),
    "iii-5": gettext_lazy("III/5 Vacancies by occupation group and sex"),
    "iii-6": gettext_lazy("III/6 Vacancies by industry and sex"),
    "iii-7": gettext_lazy("III/7 Placements by industry and sex"),
    "iii-8": gettext_lazy("III/8 Placements by AKL/AKAD/AKAN"),
}

SHORT = {key: key.upper().replace("-", "/") for key in ipk.TABLES}  # "III/1"
NOT_STATED = gettext_lazy("Not stated")

EDUCATION_LABELS = {
    "0000": gettext_lazy("No schooling"),
    "1000": "SD",
    "2000": "SLTP",
    "3000": "SLTA",
    "4100": "D1",
    "4200": "D2",
    "5100": "D3",
    "6100": "D4",
    "4300": "Akta II",
    "5200": "Akta III",
    "6200": "S1",
    "7100": "S2",
    "7200": "S3",
}
# III/2 and III/4: the SLTA row split into general and vocational schools.
EDUCATION_DETAIL_LABELS = {
    "0000": EDUCATION_LABELS["0000"],
    "1000": "SD",
    "2000": "SLTP",
    "3800": gettext_lazy("SLTA general (SMA/MA/Paket C)"),
    "3100": gettext_lazy("SLTA vocational (SMK/MAK)"),
    "3000": gettext_lazy("SLTA, school type not stated"),
    **{code: label for code, label in EDUCATION_LABELS.items() if code[0] not in "0123"},
}
OCCUPATION_LABELS = {
    "0": gettext_lazy("Armed forces and police"),
    "1": gettext_lazy("Managers"),
    "2": gettext_lazy("Professionals"),
    "3": gettext_lazy("Technicians and associate professionals"),
    "4": gettext_lazy("Clerical support workers"),
    "5": gettext_lazy("Service and sales workers"),
    "6": gettext_lazy("Skilled agricultural, forestry and fishery workers"),
    "7": gettext_lazy("Craft and related trades workers"),
    "8": gettext_lazy("Plant and machine operators and assemblers"),
    "9": gettext_lazy("Elementary occupations"),
}
INDUSTRY_LABELS = {
    "A": gettext_lazy("Agriculture, forestry and fishing"),
    "B": gettext_lazy("Mining and quarrying"),
    "C": gettext_lazy("Manufacturing"),
    "D": gettext_lazy("Electricity, gas, steam and air conditioning supply"),
    "E": gettext_lazy("Water supply, sewerage, waste management and remediation"),
    "F": gettext_lazy("Construction"),
    "G": gettext_lazy("Wholesale and retail trade; repair of motor vehicles and motorcycles"),
    "H": gettext_lazy("Transportation and storage"),
    "I": gettext_lazy("Accommodation and food service activities"),
    "J": gettext_lazy("Information and communication"),
    "K": gettext_lazy("Financial and insurance activities"),
    "L": gettext_lazy("Real estate activities"),
    "M": gettext_lazy("Professional, scientific and technical activities"),
    "N": gettext_lazy("Administrative and support service activities"),
    "O": gettext_lazy("Public administration and defence; compulsory social security"),
    "P": gettext_lazy("Education"),
    "Q": gettext_lazy("Human health and social work activities"),
    "R": gettext_lazy("Arts, entertainment and recreation"),
    "S": gettext_lazy("Other service activities"),
    "T": gettext_lazy("Activities of households as employers"),
    "U": gettext_lazy("Activities of extraterritorial organisations and bodies"),
}
EMPLOYER_LABELS = {
    "government": gettext_lazy("Government"),
    "bumn_bumd": gettext_lazy("State/regional enterprise (BUMN/BUMD)"),
    "cooperative": gettext_lazy("Cooperative"),
    "private": gettext_lazy("Private company"),
    "other": gettext_lazy("Other business entity"),
    "foundation": gettext_lazy("Foundation or association"),
    "individual": gettext_lazy("Individual or household"),
}


@dataclass
class GridRow:
    code: str
    label: str
    values: list[int]
    style: str = (
        ""  # "" a data row, "sum" a derived line (A, B), "note" an "of which" line, "total"
    )


@dataclass
class Section:
    key: str
    title: str
    row_header: str
    groups: list[tuple[str, int]]  # the top header line: (label, columns spanned)
    columns: list[str]  # one label per value
    rows: list[GridRow] = field(default_factory=list)


@dataclass
class Grid:
    table: str
    title: str
    region_code: str
    region_name: str
    month: str  # YYYY-MM
    sections: list[Section]
    notes: list[str]
    provisional: bool = False
    built_at: str = ""

    def as_dict(self) -> dict:
        """The JSON of the API (and the input of the CSV/XLSX renderers)."""
        return {
            "table": self.table,
            "title": self.title,
            "month": self.month,
            "region": {"code": self.region_code, "name": self.region_name},
            "provisional": self.provisional,
            "built_at": self.built_at,
            "sections": [
                {
                    "key": s.key,
                    "title": s.title,
                    "row_header": s.row_header,
                    "groups": [{"label": label, "span": span} for label, span in s.groups],
                    "columns": s.columns,
                    "rows": [
                        {"code": r.code, "label": r.label, "values": r.values, "style": r.style}
                        for r in s.rows
                    ],
                }
                for s in self.sections
            ],
            "notes": self.notes,
        }


def _cell(part: dict, row: str, group: str, sex: str) -> int:
    return int(part.get(row, {}).get(group, {}).get(sex, 0))


def _has_column(part: dict, sex: str) -> bool:
    return any(sexes.get(sex) for groups in part.values() for sexes in groups.values())


def _seeker_sexes(part: dict) -> list[tuple[str, str]]:
    sexes = [("L", "L"), ("P", "P")]
    if _has_column(part, ""):
        sexes.append(("", "–"))  # noqa: RUF001 - a dash: sex not stated
    return sexes


VACANCY_SEXES = [("L", "L"), ("P", "P"), ("", "L/P")]


def _rows_with_unknown(codes: list[tuple[str, object]], part: dict) -> list[tuple[str, str]]:
    rows = [(code, str(label)) for code, label in codes]
    if part.get(""):
        rows.append(("", str(NOT_STATED)))
    return rows


def _by_rows_section(
    part: dict,
    *,
    key: str,
    title: str,
    row_header: str,
    rows: list[tuple[str, str]],
    groups: list[tuple[str, str]],
    sexes: list[tuple[str, str]],
) -> Section:
    """Rows = a dimension; columns = each group (flow or scope) x sex, plus the group's total."""
    columns: list[str] = []
    header: list[tuple[str, int]] = []
    for _group, label in groups:
        header.append((label, len(sexes) + 1))
        columns += [sex_label for _s, sex_label in sexes] + [_("Total")]
    section = Section(key=key, title=title, row_header=row_header, groups=header, columns=columns)
    totals = [0] * len(columns)
    for code, label in rows:
        values: list[int] = []
        for group, _label in groups:
            cells = [_cell(part, code, group, sex) for sex, _l in sexes]
            values += [*cells, sum(cells)]
        totals = [a + b for a, b in zip(totals, values, strict=True)]
        section.rows.append(GridRow(code, label, values))
    section.rows.append(GridRow("total", _("Total"), totals, "total"))
    return section


def _seeker_flows() -> list[tuple[str, str]]:
    return [
        ("carried", _("Carried over")),
        ("registered", _("Registered")),
        ("placed", _("Placed")),
        ("removed", _("Removed")),
        ("remaining", _("Remaining")),
    ]


def _vacancy_flows() -> list[tuple[str, str]]:
    return [
        ("carried", _("Carried over")),
        ("registered", _("Registered")),
        ("filled", _("Filled")),
        ("removed", _("Removed")),
        ("remaining", _("Remaining")),
    ]


def _summary_lines(*, vacancies: bool) -> list[tuple[str, str, str]]:
    """III/1's lines (code, label, style): 1 + 2 = A; 3 + 4 = B; 5 = A - B."""
    out_label = _("3. Filled this month") if vacancies else _("3. Placed this month")
    lines = [
        ("carried", _("1. Carried over from last month"), ""),
        ("registered", _("2. Registered this month"), ""),
    ]
    if not vacancies:
        lines.append(("reactivated", _("of which re-registered (reactivated)"), "note"))
    lines += [
        ("A", _("A. Total (1 + 2)"), "sum"),
        ("filled" if vacancies else "placed", out_label, ""),
        ("removed", _("4. Removed this month"), ""),
        ("B", _("B. Total (3 + 4)"), "sum"),
        ("remaining", _("5. Remaining at the end of the month (A - B)"), "total"),
    ]
    return lines


def _line_value(part: dict, line: str, rows: list[str], sex: str, out: str) -> int:
    def get(group: str) -> int:
        return sum(_cell(part, row, group, sex) for row in rows)

    if line == "A":
        return get("carried") + get("registered")
    if line == "B":
        return get(out) + get("removed")
    return get(line)


def _summary_seekers(part: dict) -> Section:
    """III/1 job seekers: the flow lines down, age groups x sex across (the official layout)."""
    sexes = _seeker_sexes(part)
    ages = [(age, age) for age in ipk.AGE_ROWS]
    if part.get(""):
        ages.append(("", str(NOT_STATED)))
    header = [(label, len(sexes)) for _a, label in ages] + [(_("Total"), len(sexes) + 1)]
    columns = [label for _a, _l in ages for _s, label in sexes]
    columns += [label for _s, label in sexes] + [_("Total")]
    section = Section(
        key="seekers",
        title=_("I. Job seekers"),
        row_header=_("Age group"),
        groups=header,
        columns=columns,
    )
    all_ages = [age for age, _l in ages]
    for line, label, style in _summary_lines(vacancies=False):
        values = [
            _line_value(part, line, [age], sex, "placed") for age, _l in ages for sex, _s in sexes
        ]
        totals = [_line_value(part, line, all_ages, sex, "placed") for sex, _s in sexes]
        section.rows.append(GridRow(line, label, [*values, *totals, sum(totals)], style))
    return section


def _summary_vacancies(part: dict) -> Section:
    section = Section(
        key="vacancies",
        title=_("II. Vacancies (positions)"),
        row_header=_("Line of the report"),
        groups=[],
        columns=[label for _s, label in VACANCY_SEXES] + [_("Total")],
    )
    for line, label, style in _summary_lines(vacancies=True):
        values = [_line_value(part, line, [""], sex, "filled") for sex, _s in VACANCY_SEXES]
        section.rows.append(GridRow(line, label, [*values, sum(values)], style))
    return section


def _education_rows(part: dict) -> list[tuple[str, str]]:
    return _rows_with_unknown(list(EDUCATION_DETAIL_LABELS.items()), part)


def build_grid(
    table: str,
    tables: dict,
    *,
    region_code: str,
    region_name: str,
    month: str,
    provisional: bool = False,
    built_at: str = "",
) -> Grid:
    """The labelled grid of one IPK table from one region's stored counts."""
    data = tables.get(table, {})
    notes = [
        _("L = male (laki-laki), P = female (perempuan)."),
    ]
    sections: list[Section]
    if table == "iii-1":
        seekers, vacancies = data.get("seekers", {}), data.get("vacancies", {})
        sections = [_summary_seekers(seekers), _summary_vacancies(vacancies)]
        notes += [
            _("L/P = vacancies open to either sex."),
            _(
                "Registered includes re-registered cards (reactivated after removal or "
                "placement). A person leaves the stock in the row they entered it."
            ),
        ]
    elif table in ("iii-2", "iii-3"):
        part = data.get("seekers", {})
        if table == "iii-2":
            rows, header = _education_rows(part), _("Education")
        else:
            rows = _rows_with_unknown(list(OCCUPATION_LABELS.items()), part)
            header = _("Occupation major group (KBJI 2014)")
        sections = [
            _by_rows_section(
                part,
                key="seekers",
                title=_("Job seekers"),
                row_header=header,
                rows=rows,
                groups=_seeker_flows(),
                sexes=_seeker_sexes(part),
            )
        ]
    elif table in ("iii-4", "iii-5", "iii-6"):
        part = data.get("vacancies", {})
        if table == "iii-4":
            rows, header = _education_rows(part), _("Minimum education")
        elif table == "iii-5":
            rows = _rows_with_unknown(list(OCCUPATION_LABELS.items()), part)
            header = _("Occupation major group (KBJI 2014)")
        else:
            rows = _rows_with_unknown(list(INDUSTRY_LABELS.items()), part)
            header = _("Industry (KBLI 2020 category)")
        sections = [
            _by_rows_section(
                part,
                key="vacancies",
                title=_("Vacancies (positions)"),
                row_header=header,
                rows=rows,
                groups=_vacancy_flows(),
                sexes=VACANCY_SEXES,
            )
        ]
        notes.append(_("L/P = vacancies open to either sex."))
    elif table == "iii-7":
        part = data.get("placements", {})
        sections = [
            _by_rows_section(
                part,
                key="placements",
                title=_("Placements this month"),
                row_header=_("Industry (KBLI 2020 category)"),
                rows=_rows_with_unknown(list(INDUSTRY_LABELS.items()), part),
                groups=[("placed", _("Placed"))],
                sexes=_seeker_sexes(part),
            )
        ]
    else:
        sections = []
        for key, title, header, labels in (
            ("education", _("(a) By education"), _("Education"), EDUCATION_LABELS),
            ("employer", _("(b) By receiving employer"), _("Employer"), EMPLOYER_LABELS),
        ):
            part = data.get(key, {})
            scopes = [(scope, scope) for scope in ipk.SCOPES]
            if any(groups.get("") for groups in part.values()):
                scopes.append(("", str(NOT_STATED)))
            section = _by_rows_section(
                part,
                key=key,
                title=title,
                row_header=header,
                rows=_rows_with_unknown(list(labels.items()), part),
                groups=scopes,
                sexes=_seeker_sexes(part),
            )
            _add_scope_totals(section, part, len(scopes), _seeker_sexes(part))
            sections.append(section)
        notes.append(
            _(
                "AKL = local, AKAD = between regions, AKAN = abroad "
                "(antar kerja lokal/daerah/negara)."
            )
        )
    if table in ("iii-7", "iii-8"):
        notes.append(
            _("Placements of job seekers registered with this office; total = III/1 line 3.")
        )
    return Grid(
        table=table,
        title=str(TITLES[table]),
        region_code=region_code,
        region_name=region_name,
        month=month,
        sections=sections,
        notes=notes,
        provisional=provisional,
        built_at=built_at,
    )


def _add_scope_totals(
    section: Section, part: dict, n_scopes: int, sexes: list[tuple[str, str]]
) -> None:
    """III/8: a "Total" column group across AKL, AKAD and AKAN."""
    width = len(sexes) + 1
    section.groups.append((_("Total"), width))
    section.columns += [label for _s, label in sexes] + [_("Total")]
    for row in section.rows:
        sums = [
            sum(row.values[scope * width + i] for scope in range(n_scopes)) for i in range(width)
        ]
        row.values += sums
