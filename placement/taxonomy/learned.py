"""Aliases the officers teach the coders ("Real words") by confirming an import's coding.

Stored in the database (`LearnedAlias`), attributable (who, when) and reversible (taken back,
never deleted). `LearnedWords` loads the active ones once (one query) and answers before the
coders do: a taught title, place or skill word is coded with full confidence next time.
"""

from __future__ import annotations

from collections import Counter

from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from placement.accounts.audit import audit
from placement.accounts.models import Role
from placement.accounts.scope import region_scope
from placement.offices.models import Office
from placement.taxonomy.models import LearnedAlias, Occupation, Regency, Skill
from placement.taxonomy.text.normalize import fold

LEARNED = "learned"  # the reason of a code that comes from a taught alias


def key(text: str) -> str:
    """The form an alias is stored and looked up in: folded, single spaces, at most 200."""
    return " ".join(fold(text or "").split())[:200]


@transaction.atomic
def teach(*, kind: str, text: str, code: str, by) -> LearnedAlias | None:
    """`text` means `code` from now on (an earlier different meaning is taken back)."""
    words = key(text)
    if not words or not code:
        return None
    current = LearnedAlias.objects.active().select_for_update().filter(kind=kind, text=words)
    alias = current.first()
    if alias is not None and alias.code == code:
        return alias
    if alias is not None:
        revoke(alias=alias, by=by)
    alias = LearnedAlias.objects.create(kind=kind, text=words, code=code, created_by=by)
    audit(actor=by, action="create", obj=alias, kind=kind, code=code)
    return alias


def visible_to(user) -> QuerySet[LearnedAlias]:
    """The aliases an officer may list and take back: those taught by officers of the offices in
    the officer's region (a provincial office: its regencies' offices too); the national office
    every alias; anyone else none."""
    scope = region_scope(user)
    aliases = LearnedAlias.objects.select_related("created_by", "revoked_by")
    if getattr(user, "role", None) == Role.NATIONAL or scope.everything:
        return aliases
    if scope.is_empty:
        return aliases.none()
    return aliases.filter(created_by__officer_profile__office__in=Office.objects.in_scope(scope))


def search(aliases: QuerySet[LearnedAlias], words: str) -> QuerySet[LearnedAlias]:
    """Aliases whose words or code contain `words` (folded like the stored words)."""
    words = (words or "").strip()
    if not words:
        return aliases
    return aliases.filter(Q(text__contains=key(words)) | Q(code__icontains=words[:120]))


def meanings(aliases: list[LearnedAlias]) -> dict[int, str]:
    """{alias pk: what its code names} ("Kasir", "Kota Palangka Raya", a skill's label)."""
    codes: dict[str, set[str]] = {kind: set() for kind in LearnedAlias.Kind.values}
    for alias in aliases:
        codes[alias.kind].add(alias.code)
    Kind = LearnedAlias.Kind
    names = {
        Kind.OCCUPATION: dict(
            Occupation.objects.current()
            .filter(code__in=codes[Kind.OCCUPATION])
            .values_list("code", "title")
        ),
        Kind.PLACE: dict(
            Regency.objects.filter(code__in=codes[Kind.PLACE]).values_list("code", "name")
        ),
        Kind.SKILL: {s.uri: s.label for s in Skill.objects.filter(uri__in=codes[Kind.SKILL])},
    }
    return {alias.pk: names[alias.kind].get(alias.code, "") for alias in aliases}


def revoke(*, alias: LearnedAlias, by) -> None:
    """Take an alias back: the coders no longer use it (the row stays, for the record)."""
    if alias.revoked_at is not None:
        return
    alias.revoked_at = timezone.now()
    alias.revoked_by = by
    alias.save(update_fields=["revoked_at", "revoked_by"])
    audit(actor=by, action="update", obj=alias, revoked=True)


class LearnedWords:
    """The active taught aliases, loaded once (for one import, one review page)."""

    def __init__(self) -> None:
        self.codes: dict[str, dict[str, str]] = {kind: {} for kind in LearnedAlias.Kind.values}
        self.ids: dict[tuple[str, str], int] = {}
        self.used: Counter[int] = Counter()  # alias pk -> rows coded by it
        for pk, kind, text, code in LearnedAlias.objects.active().values_list(
            "pk", "kind", "text", "code"
        ):
            self.codes[kind][text] = code
            self.ids[kind, text] = pk

    def _get(self, kind: str, text: str) -> str | None:
        words = key(text)
        code = self.codes[kind].get(words)
        if code is not None:
            self.used[self.ids[kind, words]] += 1
        return code

    def occupation(self, title: str) -> str | None:
        return self._get(LearnedAlias.Kind.OCCUPATION, title)

    def place(self, text: str) -> str | None:
        return self._get(LearnedAlias.Kind.PLACE, text)

    def skills(self, words: list[str]) -> list[str]:
        """Skill URIs taught for any of these words (a skills column's unknown items)."""
        found = (self._get(LearnedAlias.Kind.SKILL, word) for word in words)
        return [uri for uri in found if uri is not None]

    def record_uses(self) -> None:
        """Add the uses counted so far to the aliases (in the caller's transaction)."""
        now = timezone.now()
        for pk, count in self.used.items():
            LearnedAlias.objects.filter(pk=pk).update(uses=F("uses") + count, last_used_at=now)
        self.used.clear()
