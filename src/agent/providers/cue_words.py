"""Cue words: the rarest content words of a key point, for hints and offline follow-ups.

"Where do offsets come in?" points at a missed idea without reciting the prepared answer;
rarity across the whole question bank is what makes a word a cue rather than filler.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

_STOP = frozenset(
    "a an the and or of to in on for with by is are was were be been it its this that these "
    "those as at from into your you i we they he she them our us my me do does did can could "
    "should would will what why how when which who there their then than so if not no yes "
    "also use used using about more most less very just only like such each all any some "
    "other many much one two data has have had get gets make makes way ways etc e g i e".split()
)


def _words(text: str) -> list[str]:
    return [
        w
        for w in re.findall(r"[A-Za-z][A-Za-z0-9_\-/.]*[A-Za-z0-9]|[A-Za-z]", text)
        if w.lower() not in _STOP and len(w) > 2
    ]


class CueWords:
    """`texts` set rarity; `topic_texts` (questions, headings) name the things interviews are
    about, and words from them make better cues than rare verbs like "reduced"."""

    def __init__(self, texts: Iterable[str], topic_texts: Iterable[str] = ()) -> None:
        self._df: Counter[str] = Counter()
        self._n = 0
        for text in texts:
            self._n += 1
            self._df.update({w.lower() for w in _words(text)})
        self._topical = {w.lower() for t in topic_texts for w in _words(t)}

    def is_topical(self, word: str, first: bool = False) -> bool:
        """A word that names a thing in these notes: a heading/question word, or a proper or
        technical token (capitalised mid-sentence, with `_`, `/` or digits)."""
        key = word.lower().rstrip(".,;:")
        if key in _STOP or len(key) < 3:
            return False
        technical = (word[0].isupper() and not first) or any(c in word for c in "_/0123456789")
        return key in self._topical or technical

    def cues(self, text: str, k: int = 2, exclude: str = "") -> list[str]:
        """Up to `k` of `text`'s rarest words that do not already appear in `exclude`."""
        seen = {w.lower() for w in _words(exclude)}
        ranked: dict[str, float] = {}
        for position, word in enumerate(_words(text)):
            key = word.lower()
            if key in seen or key in ranked:
                continue
            idf = math.log((self._n + 1) / (self._df.get(key, 0) + 1))
            bonus = 1.5 if key in self._topical else 0.0
            bonus += 1.0 if word[0].isupper() and position > 0 or "_" in word else 0.0
            bonus -= (
                2.0 if key.endswith(("ed", "ly", "ing", "s")) and key not in self._topical else 0.0
            )
            ranked[key] = idf + bonus - position * 0.01  # earlier words win ties
        order = sorted(ranked, key=lambda w: ranked[w], reverse=True)[:k]
        originals = {w.lower(): w for w in _words(text)}
        return [originals[w] for w in order]


def cue_phrase(cues: CueWords, text: str, exclude: str = "") -> str:
    """The best cue word with its content-word neighbour: "error handling", "raw zone"."""
    label, sep, rest = text.partition(": ")
    if sep and len(label.split()) <= 4:  # "Simple answer: ..." - the label is not the point
        text = rest
    best = cues.cues(text, k=1, exclude=exclude)
    if not best:
        return ""
    tokens = re.findall(r"[A-Za-z0-9][A-Za-z0-9_\-/.]*", text)
    lowered = [t.lower().rstrip(".") for t in tokens]
    target = best[0].lower()
    if target not in lowered:
        return best[0]
    i = lowered.index(target)
    for j in (i + 1, i - 1):
        if 0 <= j < len(tokens) and cues.is_topical(tokens[j], first=j == 0):
            pair = (tokens[min(i, j)], tokens[max(i, j)])
            return " ".join(t.rstrip(".,;:") for t in pair)
    return best[0]
