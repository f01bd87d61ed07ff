"""Negation words and opposite pairs: the cheapest evidence that an answer says the opposite of a
key point while using its words.

The pairs are the ones interview answers in data and software engineering turn on (a view is
virtual, not physical; a call is synchronous, not asynchronous) plus the circuit vocabulary of the
SemEval-2013 Beetle questions the pair model is trained on. Prefixed opposites (mutable /
immutable, idempotent / non-idempotent) are found by rule in `negated_form`, not listed.
"""

from __future__ import annotations

NEGATIONS = frozenset(
    "not no never none nothing neither nor without cannot cant dont doesnt isnt arent wasnt "
    "werent wont shouldnt couldnt non".split()
)

_PAIRS = """
virtual physical | logical physical | synchronous asynchronous | sync async | stateless stateful
before after | increase decrease | increases decreases | increased decreased | more less
higher lower | faster slower | larger smaller | bigger smaller | always never | all none
push pull | eager lazy | strong eventual | horizontal vertical | horizontally vertically
optimistic pessimistic | inner outer | left right | first last | minimum maximum | min max
cheap expensive | cheaper costlier | open closed | include exclude | allow deny | allows blocks
encrypt decrypt | leader follower | primary replica | client server | input output
upstream downstream | explicit implicit | static dynamic | local remote | local global
shared dedicated | normalized denormalized | structured unstructured | persistent ephemeral
durable volatile | ordered unordered | sorted unsorted | append overwrite | insert delete
full incremental | hot cold | add remove | start stop | enable disable | same different
connected separated | connected disconnected | series parallel | positive negative
row column | rows columns | batch streaming | batch stream | read write | reads writes
mutable immutable | deterministic nondeterministic | consistent inconsistent | valid invalid
safe unsafe | blocking nonblocking | compile runtime | compiled interpreted | up down
scale_up scale_out | narrow wide | fact dimension | true false | correct incorrect | yes no
increase reduce | increases reduces | gain lose | keeps drops | keep drop | retains discards
lowest highest | least most | fewer more | small large | short long | old new | early late
"""


def _build() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for pair in _PAIRS.replace("\n", "|").split("|"):
        parts = pair.split()
        if len(parts) != 2:
            continue
        a, b = parts
        table.setdefault(a, set()).add(b)
        table.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in table.items()}


ANTONYMS: dict[str, frozenset[str]] = _build()

_PREFIXES = ("non", "un", "in", "im", "ir", "il", "dis", "a")


def negated_form(word: str) -> str:
    """The prefixed opposite a word is most likely to have (mutable -> immutable), or the word
    without its negating prefix (nondeterministic -> deterministic). A guess: it only matters
    when the other side of the pair actually uses that form."""
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 5:
            rest = word[len(prefix) :].lstrip("-")
            if prefix != "a" or rest.startswith("sync"):
                return rest
    if word.startswith("m") or word.startswith("p") or word.startswith("b"):
        return "im" + word
    if word.startswith("sync"):
        return "a" + word
    return "non" + word
