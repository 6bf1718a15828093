"""Aliases the officers teach the coders ("Real words") by confirming an import's coding.

Stored in the database (`LearnedAlias`), attributable (who, when) and reversible (taken back,
never deleted). `LearnedWords` loads the active ones once (one query) and answers before the
coders do: a taught title, place or skill word is coded with full confidence next time.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from placement.accounts.audit import audit
from placement.taxonomy.models import LearnedAlias
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


def revoke(*, alias: LearnedAlias, by) -> None:
    """Take an alias back: the coders no longer use it (the row stays, for the record)."""
    alias.revoked_at = timezone.now()
    alias.revoked_by = by
    alias.save(update_fields=["revoked_at", "revoked_by"])
    audit(actor=by, action="update", obj=alias, revoked=True)


class LearnedWords:
    """The active taught aliases, loaded once (for one import, one review page)."""

    def __init__(self) -> None:
        self.codes: dict[str, dict[str, str]] = {kind: {} for kind in LearnedAlias.Kind.values}
        for kind, text, code in LearnedAlias.objects.active().values_list("kind", "text", "code"):
            self.codes[kind][text] = code

    def occupation(self, title: str) -> str | None:
        return self.codes[LearnedAlias.Kind.OCCUPATION].get(key(title))

    def place(self, text: str) -> str | None:
        return self.codes[LearnedAlias.Kind.PLACE].get(key(text))

    def skills(self, words: list[str]) -> list[str]:
        """Skill URIs taught for any of these words (a skills column's unknown items)."""
        taught = self.codes[LearnedAlias.Kind.SKILL]
        return [taught[key(word)] for word in words if key(word) in taught]
