"""What kind of thing a key point says, and what it is about.

An interviewer probes a missed definition differently from a missed failure mode: "How would
you define it?" against "What happens when it breaks?". `read_point` classifies a point by cue
words and shape (cheap, deterministic, no model) and finds its subject with `subjects`.

Points mined from notes often carry a label ("Examples: CREATE", "With Airflow you can: Retry
failed tasks"): a label that names a kind of list ("Examples", "Used for") says the kind; a
label that is a noun phrase ("Immutable objects") is the subject; anything else is a lead-in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from agent.probing.subjects import (
    IMPERATIVES,
    NOUN_AFTER,
    clause_subjects,
    has_verb,
    heading_subject,
    leading_phrase,
    question_subjects,
)
from agent.probing.words import VERBS, join_words, tokens

PointKind = Literal[
    "scenario",
    "outcome",
    "own_action",
    "definition",
    "comparison",
    "trade_off",
    "limit",
    "step",
    "failure",
    "example",
    "use_case",
    "reason",
    "tool",
    "item",
    "detail",
]
SubjectSource = Literal["label", "point", "question", "heading", "none"]

_LIST_LABELS: tuple[tuple[re.Pattern[str], PointKind], ...] = tuple(
    (re.compile(p, re.IGNORECASE), kind)
    for p, kind in (
        (r"^(examples?|e\.?g\.?|types|for example|such as)$", "example"),
        (
            r"^((typical|common|main) )?(uses?|used for|use cases?|best for|when it'?s used|"
            r".*\bgood for|what you can run)$",
            "use_case",
        ),
        (
            r"^(simple (explanation|answer|analogy|difference)|practice answer|note|in short|"
            r"summary|this means|tl;?dr|answer|why|key point)$",
            "detail",
        ),
    )
)
_CUES: tuple[tuple[PointKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        (
            "comparison",
            r"\b(vs\.?|versus|unlike|whereas|rather than|instead of|compared (to|with)"
            r"|differs?|difference|similar to|(better|faster|slower|cheaper|simpler) than"
            r"|more \w+ than|less \w+ than|\w+er (to \w+ )?than)\b",
        ),
        (
            "trade_off",
            r"\b(you (lose|give up|pay)|trades?|at the (cost|expense) of|cheaper|pricier|"
            r"more expensive)\b",
        ),
        (
            "failure",
            r"\b(fail\w*|crash\w*|outages?|goes down|is down|lost|los[es]\b|losing|"
            r"corrupt\w*|retr(y|ies)|dead[- ]letter|timeouts?|errors?|break(s|ing)?|broke|broken|"
            r"duplicat\w+|recover\w*|faults?|gaps?|spikes?|outliers?)\b",
        ),
        (
            "limit",
            r"(\d+(\.\d+)?\s*(%|x\b|ms\b|s\b|sec|seconds?|minutes?|mins?|hours?|days?|"
            r"weeks?|[gtpmk]b\b|fps|hz|km/h|m/s|rows|records|matches|partitions|frames)|"
            r"\b(limit\w*|max(imum)?|min(imum)?|at most|at least|up to|threshold|capacity|"
            r"quota)\b)",
        ),
        (
            "trade_off",
            r"\b(trade[- ]?offs?|downsides?|overhead|at the (cost|expense) of|"
            r"expensive|costs?|costly|slower|latency|however|although|complexity)\b",
        ),
        (
            "reason",
            r"\b(because|so that|in order to|to avoid|avoids?|prevents?|ensures?|decouples?|"
            r"isolates?|protects?|"
            r"enables?|which means|which makes|so (you|it|we|that) can|that'?s why|reason)\b",
        ),
        (
            "tool",
            r"\b(using|via|through|handled by|with|(orchestrat|schedul)ed (by|with|in))\s+"
            r"(a |an |the )?(?-i:[A-Z][\w/.-]+)",
        ),
    )
)
_DEFINITION = re.compile(
    r"^(an?\s+|the\s+)?[\w/()' .-]{1,60}?\s+(is|are)\s+(basically\s+|just\s+|simply\s+)?"
    r"(an?\s|the\s|[A-Z][\w ]*['’]s\s)"
    r"|\b(refers to|is defined as|stands for)\b|^(it\s+)?(represents|means)\b",
    re.IGNORECASE,
)
_CONDITION = re.compile(r"^(if|when|whenever|once)\s+(?P<cond>[^,;]{6,80}?),\s*\S", re.IGNORECASE)
# "It can recover automatically if part of the data is lost": the condition closes the point.
_TRAILING_CONDITION = re.compile(
    r"\S\s+(if|when|whenever|once)\s+(?P<cond>[^,;()]{6,80}?)\s*(?:[.;(]|$)", re.IGNORECASE
)
_ALTERNATIVE = re.compile(r"\b(?:instead of|rather than|over|than)\s+(?P<alt>[^,;.()]+)", re.I)
TOOL_VERBS = {
    f"{verb}s": verb
    for verb in (
        "schedule orchestrate run handle trigger store process load move stream monitor "
        "serve cache queue ingest transform deploy track alert validate"
    ).split()
} | {"catches": "catch", "pushes": "push", "dispatches": "dispatch", "indexes": "index"}
TOOL_VERBS |= {f"{verb}d": verb for verb in ("handle", "schedule", "orchestrate", "store")}
_COMMON_OPENERS = frozenset("the a an each every this that it they we i".split())
_GERUND_ARROW = re.compile(r"^(?P<cond>[A-Za-z]+ing\b[^→]{2,60}?)\s*(?:→|->|=>)\s*\S")
# "This reduced failures by 60%": an outcome, probed for its measure, never its number.
_OUTCOME = re.compile(
    r"\b(reduced|cut|improved|increased|saved|dropped|halved|doubled|sped up|brought down)\b"
    r".*(\d|\bfrom\b.+\bto\b)",
    re.IGNORECASE,
)
# "I also added lineage tracking...": what the candidate did, in an experience answer.
_OWN_ACTION = re.compile(
    r"^I(?:'ve|’ve| have)?\s+(?:also\s+)?(?:\w+ed|built|set up|wrote|led|made|ran|run)\b",
    re.IGNORECASE,
)
# An outcome is told about what was done ("This reduced...", "We cut..."); "Spot instances
# cut cost by 70%" is a property of a choice, probed as a limit or a trade-off.
_OUTCOME_OPENERS = frozenset("this that it which we i these those overall".split())
_AUXILIARIES = frozenset(
    "is are was were be been being am has have had do does did can could will would should "
    "may might must shall cannot can't can’t won't won’t doesn't doesn’t don't don’t isn't "
    "isn’t aren't aren’t".split()
)
_USED_TO = re.compile(r"^used to\b", re.IGNORECASE)
_USED_FOR = re.compile(r"^(used|good|best|ideal|great|handy) for\b", re.IGNORECASE)
_STEP_START = re.compile(r"^(first|then|next|finally|after that|step \d+|once)\b", re.IGNORECASE)


@dataclass(frozen=True)
class PointReading:
    """A key point read for probing: its kind and the phrase a question may name."""

    point: str
    kind: PointKind
    subject: str
    """A noun phrase to ask about; "" when neither the point nor the question offers one."""
    source: SubjectSource
    body: str
    """The point without its label: the words that say the thing."""
    others: tuple[str, ...] = field(default_factory=tuple)
    """Other phrases the point or question puts beside the subject (the Y of "X vs Y")."""
    condition: str = ""
    """For a scenario ("If a broker drops out of the ISR, ..."), the condition: shared ground
    an interviewer sets up, while what happens then is the answer."""
    alternative: str = ""
    """What the point prefers its subject to ("a plain INSERT" in "MERGE instead of a plain
    INSERT"): naming the road not taken asks why without saying which road to take."""

    action: str = ""
    """For a named tool doing a job ("Airflow schedules..."), the job as a bare verb."""

    @property
    def allowed(self) -> str:
        """Text a follow-up may repeat from the point without giving it away."""
        parts = [self.subject, *self.others, self.condition, self.alternative, self.action]
        return " ".join(parts)


def split_label(point: str) -> tuple[str, str]:
    """("Immutable objects", "Their value cannot change") from "Immutable objects: Their...";
    ("", point) when there is no short label."""
    label, sep, rest = point.partition(": ")
    if sep and rest.strip() and len(label.split()) <= 8:
        return label.strip(" >*#-"), rest.strip()
    return "", point.strip()


def label_kind(label: str) -> PointKind | None:
    clean = re.sub(r"^\d+(\.\d+)*\s*", "", label).strip().lower()
    for pattern, kind in _LIST_LABELS:
        if pattern.match(clean):
            return kind
    return None


def classify(body: str, label: str = "", question: str = "") -> PointKind:
    """The kind of a point: label first, then shape, then cue words, most telling first."""
    from_label = label_kind(label) if label else None
    if from_label and from_label != "detail":
        return from_label
    words = tokens(body)
    first = words[0].lower() if words else ""
    second = words[1].lower() if len(words) > 1 else ""
    plural_noun = first.endswith("s") and second in NOUN_AFTER  # "Retries with backoff"
    base_verb = first in IMPERATIVES or (first in VERBS and first not in _AUXILIARIES)
    imperative = base_verb and second not in VERBS and not plural_noun
    if not has_verb(body) and len(words) <= 6:
        return "item" if (label and is_lead_in(label)) or _lists(question) else "detail"
    if imperative and not label and not body[:1].isdigit():
        return "step"  # "Land raw JSON in bronze...": what to do, whatever its cue words say
    if _DEFINITION.search(body) or _USED_TO.match(body):
        return "definition"
    if _USED_FOR.match(body):
        return "use_case"
    if _OUTCOME.search(body) and first in _OUTCOME_OPENERS:
        return "outcome"
    if _OWN_ACTION.match(body):
        return "own_action"
    for kind, pattern in _CUES:
        if pattern.search(body):
            return kind
    if label and is_lead_in(label) and first in IMPERATIVES:
        return "item"  # "With Airflow you can: Schedule tasks": one capability of a list
    if _STEP_START.match(body) or (imperative and not body[:1].isdigit()):
        return "step"
    return "detail"


def _lists(question: str) -> bool:
    """Questions answered by a list: "what tools...", "which ones", "how do you optimise"."""
    return bool(
        re.search(
            r"\b(which ones|what (tools|are|kinds|types)|how do you|what .* use|list|name)\b",
            question,
            re.IGNORECASE,
        )
    )


_LEAD_IN_END = re.compile(r"\b(like|such as|includes?|including|are|is)$", re.IGNORECASE)


def is_lead_in(label: str) -> bool:
    """A label that introduces a list rather than naming a thing: "useful features like",
    "I implemented", "With Airflow you can"."""
    return bool(_LEAD_IN_END.search(label)) or has_verb(label)


def _label_subject(label: str) -> str:
    """A subject from a label: "With Airflow you can" -> Airflow, "IAM controls" -> IAM,
    "Immutable objects" -> Immutable objects; "" for "I implemented", "useful features like"."""
    if not label or label_kind(label) or _LEAD_IN_END.search(label):
        return ""
    clean = re.sub(r"^(with|for|in|my|our)\s+", "", label, flags=re.IGNORECASE)
    return leading_phrase(clean)


def read_point(
    point: str, question: str = "", heading_path: list[str] | None = None
) -> PointReading:
    """Classify `point` and find its subject: the label's, the point's own, the question's, or
    the nearest heading's, in that order."""
    label, body = split_label(point)
    kind = classify(body, label, question)
    asked_about = question_subjects(question)
    own = _own_subject(body)
    candidates: list[tuple[str, SubjectSource]] = [
        (_label_subject(label), "label"),
        (own, "point"),
        *((s, "question") for s in asked_about[:1]),
        (heading_subject(heading_path or []), "heading"),
    ]
    if kind in ("item", "example", "use_case"):  # the point is the answer: ask what it is for
        candidates = [c for c in candidates if c[1] != "point"]
    subject, source = next(((s, src) for s, src in candidates if s), ("", "none"))
    action = _tool_action(body, subject) if source == "point" else ""
    if action:
        kind = "tool"
    elif source in ("question", "heading") and kind == "tool":
        kind = "detail"  # "What would you use for SQL?" makes no sense of an implicit subject
    if source == "question" and len(asked_about) > 1 and kind != "comparison":
        subject = join_words(asked_about)  # "DDL and DML": the point may be about either
    others = [s for s in clause_subjects(body) if s.lower() != subject.lower()]
    if kind == "comparison" or len(asked_about) > 1:
        others += [s for s in asked_about if s.lower() != subject.lower()]
    condition = _CONDITION.match(body) or _TRAILING_CONDITION.search(body)
    if (
        condition
        and len(condition.group("cond").split()) >= 3
        and leading_phrase(condition.group("cond"))
    ):
        kind = "scenario"
    if not condition:
        condition = _GERUND_ARROW.match(body)
        kind = "scenario" if condition else kind
    alternative = _ALTERNATIVE.search(body) if kind in ("comparison", "trade_off", "step") else None
    return PointReading(
        point=point,
        kind=kind,
        subject=subject,
        source=source,
        body=body,
        others=tuple(dict.fromkeys(others)),
        condition=_condition_text(condition) if kind == "scenario" and condition else "",
        alternative=_alternative(alternative.group("alt")) if alternative else "",
        action=action,
    )


def _own_subject(body: str) -> str:
    """The point's own subject, when something follows it: a verb from the lexicon, or a word
    that ended the phrase as a verb would ("rejects"). A bare noun phrase is the point itself."""
    phrase = leading_phrase(body)
    if not phrase or has_verb(body):
        return phrase
    clause = tokens(re.split(r"[,;:()—–→]", body, maxsplit=1)[0])
    return phrase if len(phrase.split()) < len(clause) - 1 else ""


def _tool_action(body: str, subject: str) -> str:
    """ "schedule" for "Airflow schedules the DAG...": a named tool doing a job. Then the tool
    is the answer and the job is the question: "What would you use to schedule that?"."""
    words = subject.split()
    if len(words) > 2 or not words[0][:1].isupper() or words[0].lower() in _COMMON_OPENERS:
        return ""
    rest = body[len(subject) :].split() if body.startswith(subject) else []
    verb = rest[0].lower() if rest else ""
    return TOOL_VERBS.get(verb, "")


def _condition_text(match: re.Match[str]) -> str:
    text = match.group("cond").strip()
    if match.re is _GERUND_ARROW:  # "Broadcasting a big table → ..." -> "you try broadcasting"
        return f"you try {text[:1].lower()}{text[1:]}"
    return text


def _alternative(text: str) -> str:
    """The phrase after "instead of"/"than": "a plain INSERT", "pull"."""
    words = tokens(text)[:4]
    while words and words[-1].lower() in VERBS:
        words.pop()
    return " ".join(words) if words and not has_verb(" ".join(words)) else ""
