"""Find known phrases in free text by whole words, with their character spans.

The text is cut into word tokens (letters and digits); a phrase matches only a run of whole tokens,
so "las" (welding) is found in "las listrik" but never inside "kelas". Matching is longest-first
from left to right over token n-grams looked up in a dict (the algorithm of flashtext), which is
linear in the text and needs no compiled automaton.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from placement.taxonomy.text.normalize import fold

T = TypeVar("T")

# Letters and digits; "C++", "C#" and ".NET" are handled by `SYMBOL_WORDS` before tokenising.
_TOKEN = re.compile(r"[^\W_]+")
# Words whose meaning lives in a symbol the tokenizer would drop.
SYMBOL_WORDS = {"c++": "cplusplus", "c#": "csharp", ".net": "dotnet", "k3": "k3"}
_SYMBOL = re.compile(r"(?i)(?<![\w+#.])(c\+\+|c#|\.net)(?![\w+#])")


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # folded: lower case, accents removed
    start: int
    end: int
    original: str


# Words recur across texts (an import codes thousands of ads): fold each spelling once.
_fold_word = lru_cache(maxsize=200_000)(fold)


def tokens(text: str) -> list[Token]:
    """The word tokens of `text` with their spans in the original string."""
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for match in _SYMBOL.finditer(text):
        found.append((match.start(), match.end(), SYMBOL_WORDS[match.group(1).lower()]))
        taken.append((match.start(), match.end()))
    for match in _TOKEN.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        found.append((match.start(), match.end(), _fold_word(match.group())))
    found.sort()
    return [Token(word, start, end, text[start:end]) for start, end, word in found if word]


def phrase_key(text: str) -> str:
    """The lookup key of a phrase: its folded tokens joined by single spaces."""
    return " ".join(t.text for t in tokens(text))


@dataclass(frozen=True, slots=True)
class Found(Generic[T]):
    value: T
    first: int  # token index of the first word
    last: int  # token index after the last word
    start: int  # character span in the text
    end: int


def prefixes_of(phrases: Iterable[str]) -> frozenset[str]:
    """Every leading run of words of the phrase keys ("a b c" -> "a", "a b", "a b c")."""
    found: set[str] = set()
    for phrase in phrases:
        words = phrase.split(" ")
        for n in range(1, len(words) + 1):
            found.add(" ".join(words[:n]))
    return frozenset(found)


def find_phrases(
    words: list[Token],
    lookup: Mapping[str, T],
    *,
    max_words: int = 6,
    key: Callable[[list[Token]], str] | None = None,
    accept: Callable[[list[Token], T], bool] | None = None,
    prefixes: frozenset[str] | None = None,
) -> Iterator[Found[T]]:
    """Yield the longest known phrase at each position, left to right, never overlapping.

    With `prefixes` (`prefixes_of` the lookup's keys, for the default key) a window grows only
    while its words begin some phrase: one or two lookups per word instead of `max_words`."""
    if prefixes is not None and key is None:
        yield from _find_with_prefixes(words, lookup, max_words, accept, prefixes)
        return
    make_key = key or (lambda ws: " ".join(w.text for w in ws))
    i = 0
    while i < len(words):
        for n in range(min(max_words, len(words) - i), 0, -1):
            window = words[i : i + n]
            value = lookup.get(make_key(window))
            if value is not None and (accept is None or accept(window, value)):
                yield Found(value, i, i + n, window[0].start, window[-1].end)
                i += n
                break
        else:
            i += 1


def _find_with_prefixes(words, lookup, max_words, accept, prefixes) -> Iterator[Found]:
    i = 0
    count = len(words)
    while i < count:
        # The lengths n at which words[i:i+n] is a phrase, found while the window is a prefix.
        lengths = []
        phrase = ""
        for n in range(1, min(max_words, count - i) + 1):
            phrase = words[i].text if n == 1 else f"{phrase} {words[i + n - 1].text}"
            if phrase not in prefixes:
                break
            if phrase in lookup:
                lengths.append((n, phrase))
        for n, phrase in reversed(lengths):
            window = words[i : i + n]
            value = lookup[phrase]
            if accept is None or accept(window, value):
                yield Found(value, i, i + n, window[0].start, window[-1].end)
                i += n
                break
        else:
            i += 1
