"""The ledger's hash chain: each event's hash covers its content and the previous event's hash.

One chain per office (events without an office form one more chain). `seal` runs in the ledger's
write path (Event.save and the manager's bulk_create), so no caller can add an unchained event
through the ORM; `verify` recomputes every chain and names the first broken link. An edited,
deleted or inserted row breaks its office's chain from that row on. The chain heads (office,
last sequence number, last hash) are what backups record and `verify_ledger` prints: compared
with an older copy they also show a chain rewritten from some point on.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime

from django.db import connection, transaction

GENESIS = "0" * 64
# Content covered by the hash, in this order. Changing the list breaks every existing chain.
FIELDS = (
    "kind",
    "occurred_on",
    "recorded_at",
    "subject_type",
    "subject_id",
    "office_id",
    "regency_id",
    "province_id",
    "quantity",
    "sex",
    "age_group",
    "education",
    "occupation_group",
    "industry_section",
    "placement_scope",
    "employer_type",
    "detail",
)
LOCK_CLASS = 0x4C454447  # "LEDG": pg_advisory_xact_lock(class, office) serialises one office


def _plain(value: object) -> object:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, (dict, list)):
        return value
    # Ids and numbers as text: an id given as "7" before saving reads back as 7.
    return str(value)


def link_hash(previous: str, row: dict) -> str:
    """sha256 of the previous hash and the event's content as canonical JSON."""
    content = json.dumps(
        [_plain(row[name]) for name in FIELDS],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(f"{previous}\n{content}".encode()).hexdigest()


def _row(event) -> dict:
    return {name: getattr(event, name) for name in FIELDS}


def _head(model, office_id) -> tuple[int, str]:
    last = (
        model._base_manager.filter(office_id=office_id)
        .order_by("-chain_seq")
        .values_list("chain_seq", "chain_hash")
        .first()
    )
    return last if last else (0, GENESIS)


def seal(model, events: list) -> None:
    """Give each new event its sequence number and hash; call inside the writing transaction.

    Per office, an advisory lock held until commit serialises writers, so two processes never
    chain onto the same head (the unique (office, sequence) constraint would refuse it anyway).
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Ledger events are sealed inside a transaction.")
    by_office: dict[int | None, list] = {}
    for event in events:
        by_office.setdefault(event.office_id, []).append(event)
    for office_id in sorted(by_office, key=lambda o: (o is None, o or 0)):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_CLASS, int(office_id or 0)]
                )
        seq, previous = _head(model, office_id)
        for event in by_office[office_id]:
            seq += 1
            event.chain_seq = seq
            event.chain_hash = previous = link_hash(previous, _row(event))


@dataclass(frozen=True)
class Break:
    office_id: int | None
    event_id: int
    seq: int
    reason: str

    def __str__(self) -> str:
        office = self.office_id if self.office_id is not None else "-"
        return f"office {office}: event {self.event_id} (sequence {self.seq}): {self.reason}"


@dataclass
class Report:
    events: int
    heads: dict[int | None, tuple[int, str]]
    first_break: Break | None

    @property
    def ok(self) -> bool:
        return self.first_break is None

    @property
    def checksum(self) -> str:
        """One hash over every office's chain head: equal ledgers have equal checksums."""
        heads = sorted((str(office), seq, digest) for office, (seq, digest) in self.heads.items())
        return hashlib.sha256(json.dumps(heads).encode()).hexdigest()


def _rows(model, office_id) -> Iterator[dict]:
    return (
        model._base_manager.filter(office_id=office_id)
        .order_by("chain_seq", "id")
        .values("id", "chain_seq", "chain_hash", *FIELDS)
        .iterator(chunk_size=5000)
    )


def verify(model, offices: Iterable[int | None] | None = None) -> Report:
    """Recompute the chains (all offices, or the given ones); stop at the first broken link."""
    if offices is None:
        offices = model._base_manager.order_by().values_list("office_id", flat=True).distinct()
    offices = sorted(set(offices), key=lambda o: (o is None, o or 0))
    report = Report(events=0, heads={}, first_break=None)
    for office_id in offices:
        expected_seq, previous = 0, GENESIS
        for row in _rows(model, office_id):
            report.events += 1
            expected_seq += 1
            reason = ""
            if row["chain_seq"] != expected_seq:
                reason = f"sequence {row['chain_seq']} where {expected_seq} was expected"
            elif link_hash(previous, row) != row["chain_hash"]:
                reason = "its hash does not match its content and the previous event"
            if reason:
                report.first_break = Break(office_id, row["id"], row["chain_seq"], reason)
                return report
            previous = row["chain_hash"]
        if expected_seq:
            report.heads[office_id] = (expected_seq, previous)
    return report


def heads_as_json(report: Report) -> dict[str, list]:
    """Chain heads keyed by office id as text ("none" for events without an office)."""
    return {
        "none" if office is None else str(office): [seq, digest]
        for office, (seq, digest) in report.heads.items()
    }


def check_heads(model, heads: dict[str, list]) -> list[str]:
    """Heads recorded earlier (a backup manifest) that are no longer in today's chains."""
    problems = []
    for office, (seq, digest) in sorted(heads.items()):
        office_id = None if office == "none" else int(office)
        current = (
            model._base_manager.filter(office_id=office_id, chain_seq=seq)
            .values_list("chain_hash", flat=True)
            .first()
        )
        if current != digest:
            problems.append(f"office {office}: event {seq} of the chain is not the one recorded")
    return problems
