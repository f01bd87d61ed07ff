"""Words for the offline phrasing engine: tokens, stems and the small lexicons it leans on.

There is no tagger offline, so the engine knows a noun phrase by what it is not: a stop word,
a pronoun or a verb from `VERBS`. The lexicons are short on purpose; a word missing from them
makes a subject a word longer, which the defect check then catches, rather than a wrong guess.
"""

from __future__ import annotations

import re

STOP = frozenset(
    "a an the and or of to in on for with by is are was were be been being it its this that "
    "these those as at from into onto your you i we they he she them our us my me do does did "
    "can could should would will what why how when which who whom there their then than so if "
    "not no yes also about very just only like such each all any some other more most less "
    "much many one e g i e etc via per over under up out off own same both either neither "
    "here where while whether too again ever even still yet let lets beyond without within "
    "across after before between during against among upon until since".split()
)
PRONOUNS = frozenset(
    "it its they them their this that these those you your yourself i me my we our us he she "
    "his her one something anything everything".split()
)
# Verbs that open or carry the predicate in notes' key points. A word here ends a subject.
VERBS = frozenset(
    """
    is are was were be been being am has have had do does did can could will would should may
    might must shall lets let allows allow enables enable provides provide uses use used makes
    make keeps keep stores store sends send reads read writes write runs run handles handle
    supports support avoids avoid ensures ensure prevents prevent removes remove smooths smooth
    creates create created adds add combines combine returns return determines determine
    controls control manages manage splits split sits sit works work processes process scales
    scale reduces reduce reduced improves improve improved needs need requires require
    captures capture preserves preserve contains contain gives give takes take helps help
    means mean defines define represents represent acts act serves serve moves move publishes
    publish subscribes subscribe consumes consume produces produce balances balance tracks
    track filters filter orders select selects implement implemented implements apply applies
    applied document documents monitor monitors integrate integrates integrated build builds
    built schedule schedules scheduled retry orchestrate orchestrates load loads loaded
    validate validates validated deploy deploys deployed set sets enables handled overwrites
    overwrite mirrors mirror demonstrates demonstrate offers offer lets guarantee guarantees
    become becomes became caches cache emits emit replaces replace replaced depends depend
    belongs belong refers refer called call calls stays stay goes go went keeps kept lost
    lose loses fails fail failed breaks break broke drops drop dropped rebalances rebalance
    commits commit committed detects detect detected filtered normalized normalizes normalize
    computes compute computed decouples decouple avoids ensure assigns assign assigned
    partitions shuffles shuffle expires expire retains retain retained gets get got figures
    figure leverage leverages focus focuses design designs designed structure structures
    catches catch cut cuts sit sits looks look trades trade hurts hurt lands land carry
    carries talk talks share shares decoupled overwritten isolates isolate protects protect
    holds hold points point wins win costs beats beat lives live waits wait blocks block
    cannot can't can’t won't won’t doesn't doesn’t don't don’t isn't isn’t aren't aren’t
    optimizes optimises integrates
    include includes included involve involves involved cover covers covered optimized
    optimised simplify simplifies simplified connect connects connected fed feeds
    """.split()
)
# What the follow-up and hint templates say themselves: never counted as leaking a point.
TEMPLATE_WORDS = frozenset(
    """
    happen happens happened go wrong fail fails break breaks cost costs give up downside
    limit limits roughly number numbers differ differs different difference compare compares
    apart alternative alternatives example examples concrete name few use would reach rather
    approach another why matter matters problem solve solves tool pick choose step steps next
    walk through order define sentence exactly say more else add list missing think start
    area idea word blank fill angle point answer case cases own words kind sort mentioned
    work works job get gets where fit happens piece part parts there what's let's thing things
    pin down big one left leave mind mean means sure whole look looking kinds come comes
    expect expected other deal dealing stop stops far push pushes recover breaking safe
    happens change changes instead tell bit further goes along side play practice involve
    specifically mentioned haven't concretely actually heart core sum catch role fails
    """.split()
)

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_'’/+.#=-]*[A-Za-z0-9+#]|[A-Za-z0-9]")
_TRIM = "'’.-/"


def tokens(text: str) -> list[str]:
    """Words as written: "LAG/LEAD", "self-joins", "don't", "3.5", "C#" stay whole."""
    return [t.strip(_TRIM) for t in _TOKEN.findall(text) if t.strip(_TRIM)]


def stem(word: str) -> str:
    """A crude, stable stem: enough to see that "joins" and "join", "offsets" and "offset",
    "partitioning" and "partition" are the same word."""
    w = word.lower().replace("’", "'")
    w = w.removesuffix("'s").removesuffix("'t")
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            return w[: -len(suffix)] + keep
    return w


def parts(word: str) -> list[str]:
    """The pieces of a compound token, for matching: "LAG/LEAD" -> lag, lead."""
    return [p for p in re.split(r"[/_\-=.]", word.lower()) if p]


def content_stems(text: str) -> set[str]:
    """Stems of the words that carry meaning: no stop words, no one-letter pieces."""
    out: set[str] = set()
    for token in tokens(text):
        for piece in parts(token):
            if piece not in STOP and (len(piece) > 1 or piece.isdigit()):
                out.add(stem(piece))
    return out


def is_technical(token: str) -> bool:
    """A name rather than a word: an acronym, CamelCase, or a token with digits or / _ ( )."""
    if any(c in token for c in "/_0123456789#+"):
        return True
    return len(token) > 1 and (token.isupper() or any(c.isupper() for c in token[1:]))


def overlap(a: set[str], b: set[str]) -> float:
    """Share of `a` found in `b`; 0 for an empty `a`."""
    return len(a & b) / len(a) if a else 0.0


def join_words(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
