"""Noun phrases for the interviewer to ask about: a point's subject, a question's subject.

A follow-up may name what the point is *about* but not what it *says*. In a key point such as
"LAG/LEAD avoid self-joins" the grammatical subject ("LAG/LEAD") is shared ground and the
predicate ("avoid self-joins") is the answer. So the subject is the words before the first
verb, and when a point has none of its own ("Used to define...", "It lets you..."), the
question's subject stands in.
"""

from __future__ import annotations

import re

from agent.probing.words import PRONOUNS, STOP, VERBS, is_technical, tokens

MAX_SUBJECT_WORDS = 5
_DETERMINERS = frozenset("some each every any your our their its my this these those".split())
# Single words that describe rather than name: "Mutable = you can modify it in place". A list,
# not suffixes: "Bigtable" and "Redis" end like adjectives and are names.
_LONE_ADJECTIVES = frozenset(
    "mutable immutable scalable durable reliable available portable readable testable "
    "maintainable expensive effective intensive serverless stateless stateful various "
    "dangerous useful powerful together updated managed automated distributed optimized "
    "popular important fast faster slow cheap cheaper secure safe accessible scalable "
    "one two three four five six seven eight nine ten".split()
)
_ARTICLES = frozenset("a an the".split())
_POINTING = frozenset("this that these those their its each every".split())
_POSSESSIVE = frozenset("my our your".split())
_PREPOSITIONS = frozenset("for by in on with to from as at into".split())
# After a word that could be a verb, these show it was a noun: "Retries with backoff...".
NOUN_AFTER = frozenset("with of for per from across".split())
_OPENERS = frozenset("but and so yes no also then well ok okay".split())
# Words that open a phrase in notes but name nothing: "Good for...", "Easier to use...".
NOT_SUBJECTS = frozenset(
    "good better best easy easier useful common simple main key important typical great "
    "low-level high-level higher-level lower-level most many few several".split()
)
# Imperatives that open steps ("Group rows so...", "Partition by date"): read as a verb there.
IMPERATIVES = frozenset(
    "group order sort join filter select combine partition keep use implement apply document "
    "ensure monitor define structure create integrate run build schedule retry orchestrate "
    "store avoid load validate deploy add set enable compare check write read send track "
    "start stop measure test cache index precompute separate split right-size configure "
    "run make give take put move copy drop merge dedupe deduplicate enrich normalise normalize "
    "register publish consume understand know learn explain show practice review prepare "
    "adapt be have".split()
)
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–→]| = | - |\bwhile\b|\bwhereas\b|\bbut\b")
_ENUM_NUMBER = re.compile(r"^\s*(?:\d+[.)]|\d+\.\d+(?:\.\d+)*)\s+")
# "4.1 How does it work?", "0 What is python?": a heading's number, before a capital.
_SECTION_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)*[.)]?\s+(?=[A-Z¿])")
_ADVERB = re.compile(r"^(roughly|about|around|basically|usually|typically|generally)$", re.I)
# "make X safe to re-run": the adjective is the goal, not part of the thing.
_GOAL_ADJECTIVES = frozenset(
    "safe fast faster reliable idempotent scalable secure cheap cheaper available consistent "
    "resilient robust efficient maintainable".split()
)
_QUESTION_FORMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, re.IGNORECASE), kind)
    for p, kind in (
        (r"^(?:what(?:'s|\s+(?:is|are)))?\s*the\s+dif+er[ea]nces?\s+bet?we+n\s+(.+)", "pair"),
        (r"^(?:what|how)\s+(?:is|are|does)\s+(.+?)\s+differ(?:ent)?\s+from\s+(.+)", "pair"),
        (r"^compare\s+(.+?)\s+(?:to|with|and)\s+(.+)", "pair"),
        (
            r"^(?:tell me about|describe|what'?s|what is)\s+your\s+experiences?\s+(?:with|in|of)\s+"
            r"(.+)",
            "thing",
        ),
        (r"^(?:what|who|qu[ée])\s+(?:is|are|was|were|es|son)\s+(.+)", "thing"),
        (r"^(?:explain|describe)\s+how\s+(?:you|we|i)\s+\w+\s+(.+)", "thing"),
        (r"^what'?s\s+(.+)", "thing"),
        (
            r"^why\s+(?:do|does|did|would|should|is|are)?\s*(?:you|we|i)?\s*(?:use|choose)?\s*(.+)",
            "thing",
        ),
        (
            r"^(?:when|why|where)\s+(?:would|do|did|should|can)\s+(?:you|we|i)\s+(?:use|choose|pick)"
            r"\s+(.+)",
            "thing",
        ),
        (r"^how\s+(?:do|does|did|would|should|can|could)\s+(?:you|we|i)\s+\w+\s+(.+)", "thing"),
        (r"^how\s+(?:do|does|did|is|are)\s+(.+?)\s+(?:work|works|scale|handled?)$", "thing"),
        (r"^(?:tell me about|describe|explain|what about)\s+(.+)", "thing"),
    )
)


def _strip_determiners(words: list[str]) -> list[str]:
    """Drop openers and determiners; keep an article, which a phrase needs mid-sentence. The
    interviewer speaks to the candidate, so "my/our/your workflows" become "your workflows";
    "this pattern" or "each partition" become "the pattern", "the partition"."""
    pointed = ""
    while words and words[0].lower() in _DETERMINERS | _OPENERS:
        low = words[0].lower()
        pointed = "your" if low in _POSSESSIVE else "the" if low in _POINTING else pointed
        words = words[1:]
    if pointed and words and words[0].islower() and words[0] not in _ARTICLES:
        words = [pointed, *words]
    if len(words) > 1 and words[0].lower() in _ARTICLES and words[1].lower() in _DETERMINERS:
        words = words[1:]
    return words


def _adverb(word: str) -> bool:
    return word.islower() and word.endswith("ly") and len(word) > 4


def _looks_like_verb(low: str, before: str, after: str) -> bool:
    """ "rejects" in "a schema registry rejects breaking changes": a word in -s after a singular
    noun and before a word that is not itself a verb ("consumer groups allow" has its verb
    after "groups", which is then a noun)."""
    if not low.endswith("s") or low.endswith(("ss", "us", "is", "'s")) or not word_like(after):
        return False
    if after.lower() in STOP - _ARTICLES:  # "strategies like...": a noun before a preposition
        return False
    return not before.lower().endswith("s") and after.lower() not in VERBS and after.islower()


def word_like(text: str) -> bool:
    return bool(text) and text.isalpha()


def _ends_phrase(word: str, position: int, after: str = "", before: str = "") -> bool:
    """A verb or a stop word ends a noun phrase, except inside a name ("Cloud Run") and for an
    opening plural that a preposition shows to be a noun ("Retries with backoff"). A participle
    before a preposition ends it too ("strategy optimized for")."""
    low = word.lower()
    if position > 0 and word[:1].isupper():
        return False
    plural_noun = low.endswith("s") and not low.endswith("ed")
    if (
        position == 0
        and plural_noun
        and (after.lower() in VERBS or (after.lower() in NOUN_AFTER and low not in VERBS))
    ):
        return False  # "Retries with backoff...", "Processes have separate memory"
    if low in _ARTICLES and (position == 0 or before.lower() == "of"):
        return False  # "the quality of a RAG system"
    if position > 0 and low.endswith("ed") and after.lower() in _PREPOSITIONS:
        return True
    if position > 0 and _looks_like_verb(low, before, after):
        return True
    if position > 0 and low.endswith("ly") and after.lower().endswith(("s", "ed")):
        return True  # "Spark automatically optimizes it"
    if position > 0 and low.endswith("ing") and after.lower() in _DETERMINERS | _ARTICLES:
        return True  # "A studio using these insights"
    return low in VERBS or (low in STOP and low not in {"of", "and"}) or "'" in low or "’" in low


def leading_phrase(text: str) -> str:
    """The noun phrase a clause opens with, or "" when it opens with a pronoun or a verb."""
    head = _CLAUSE_BREAK.split(_ENUM_NUMBER.sub("", text), maxsplit=1)[0]
    words = _strip_determiners(tokens(head))
    raw = tokens(head)
    if len(raw) > 1 and raw[0].lower() in IMPERATIVES and raw[1].lower() not in VERBS:
        return ""  # "Group rows so you can...": a step, its subject is implicit
    while words and _ADVERB.match(words[0]):
        words = words[1:]
    phrase: list[str] = []
    for position, word in enumerate(words):
        after = words[position + 1] if position + 1 < len(words) else ""
        before = words[position - 1] if position else ""
        if _ends_phrase(word, position, after, before):
            break
        phrase.append(word)
    while phrase and (phrase[-1].lower() in {"of", "and"} | _ARTICLES or _adverb(phrase[-1])):
        phrase.pop()
    return _checked(phrase)


def _checked(phrase: list[str]) -> str:
    """The phrase, or "" when it cannot name a thing: a pronoun, a filler word, a
    number (numbers are what a point says, not what it is about), or too many words."""
    head = [w for w in phrase if w.lower() not in _ARTICLES]
    if len(head) > 1 and head[0].lower() == "your":  # "your background": the candidate's
        head = head[1:]
    if not head or head[0].lower() in PRONOUNS | NOT_SUBJECTS | STOP:
        return ""
    if len(head) == 1 and head[0].lower() in _LONE_ADJECTIVES:
        return ""
    if head[0].lower().split("'")[0].split("’")[0] in PRONOUNS:
        return ""  # "They're Evaluating"
    if any(any(c.isdigit() for c in w) for w in head) or len(head) > MAX_SUBJECT_WORDS:
        return ""
    return " ".join(phrase)


def has_verb(text: str) -> bool:
    return any(w.lower() in VERBS for w in tokens(text))


def clause_subjects(text: str) -> list[str]:
    """The subject of every clause that has one: "Rolling median removes outliers, rolling mean
    smooths the result" -> ["Rolling median", "rolling mean"]. Only clauses that go on to a verb
    count, so a list of nouns is not mistaken for subjects."""
    out: list[str] = []
    for clause in _CLAUSE_BREAK.split(text):
        phrase = leading_phrase(clause)
        rest = clause.strip()[len(phrase) :] if phrase else ""
        if phrase and has_verb(rest):
            out.append(phrase)
    return out


def _tidy_question(text: str) -> str:
    text = re.sub(r"\([^)]*\)", " ", text)
    text = _SECTION_NUMBER.sub("", text.replace("¿", ""))
    text = text.split("?")[0]
    return re.sub(r"\s+", " ", text).strip(" \"'“”.:—-")


def _phrase(text: str) -> str:
    """A question's object, cut at the first clause break and at words that start a clause."""
    text = re.split(r"[,;]|\b(?:in|on|for|from|during|when|if|so|to|with|as|instead of)\b", text)[0]
    words = _strip_determiners(tokens(text))
    if len(words) > 1 and words[-1].lower() in _GOAL_ADJECTIVES:
        words = words[:-1]
    if len(words) > MAX_SUBJECT_WORDS + 1:  # "the quality of a RAG or agent system"
        return leading_phrase(" ".join(words))
    return _checked(words)


def question_subjects(question: str) -> list[str]:
    """What a question is about: one phrase, or two for "difference between X and Y"."""
    text = _tidy_question(question)
    for pattern, kind in _QUESTION_FORMS:
        match = pattern.match(text)
        if not match:
            continue
        if kind == "pair":
            groups = [g for g in match.groups() if g]
            if len(groups) == 1:
                groups = re.split(r"\s+(?:and|vs\.?|versus|or)\s+|,\s*", groups[0])
            phrases = [_phrase(g) for g in groups]
            return [p for p in phrases if p]
        phrase = _phrase(match.group(1))
        return [phrase] if phrase else []
    return []


_HEADING_LABEL = re.compile(
    r"^(?:block|step|part|section|day|phase|module|chapter)\s+\d+\s*[:.—–-]\s*", re.IGNORECASE
)


_ORGANISING = re.compile(
    r"\b(questions?|session|block|plan|section|bonus|prep|notes|deep dive|overview|"
    r"talking points|interview|faqs?|advanced|basics|fundamentals|general|misc|day|week|"
    r"decisions|challenges|solutions|considerations|strategy|readiness|value)\b|&",
    re.IGNORECASE,
)


def heading_subject(heading_path: list[str]) -> str:
    """The nearest heading as a phrase, when it names a thing: "Block 1: Sprint Detection
    Algorithm (90 mins)" -> "Sprint Detection Algorithm". Only the two nearest headings are
    tried, and none in capitals: "MONDAY PLAN" is how the notes are organised, not a topic."""
    for heading in list(reversed(heading_path))[:2]:
        if "?" in heading:
            found = question_subjects(heading)
            if found:
                return found[0]
            continue
        text = _HEADING_LABEL.sub("", re.sub(r"\([^)]*\)", " ", heading).strip())
        if text.isupper() or _ORGANISING.search(text):
            continue
        phrase = _phrase(_tidy_question(text))
        if phrase and len(phrase.split()) <= 4:
            return _common_title(phrase)
    return ""


_VENDORS = frozenset("google amazon aws azure apache microsoft databricks snowflake".split())


def _common_title(phrase: str) -> str:
    """A Title Case heading of three or more plain words names a common thing, said in lower
    case with an article: "Sprint Detection Algorithm" -> "the sprint detection algorithm".
    Shorter ones ("Cloud Composer") and vendors' names stay as written."""
    words = phrase.split()
    title = all(w[:1].isupper() and w[1:].islower() for w in words)
    if len(words) < 3 or not title or words[0].lower() in _VENDORS:
        return phrase
    return "the " + phrase.lower()


_COMMON_ADJECTIVES = frozenset(
    "small large big late early new old raw additive removed typical simple single multiple "
    "hot cold fast slow cheap expensive long short full partial stale fresh incremental "
    "daily nightly hourly".split()
)
_COMMON_SUFFIXES = ("s", "ing", "tion", "sion", "ment", "ness", "ity", "ance", "ence")


def as_written(phrase: str, context: str, common: frozenset[str] = frozenset()) -> str:
    """`phrase` mid-sentence: a sentence-initial capital goes when the word is a common one
    (seen lower-case in `context` or `common`, or with a plural or abstract-noun ending);
    otherwise it is taken for a name and kept ("Airflow", "Spark")."""
    words = phrase.split()
    if not words:
        return phrase
    if words[0] in ("A", "An", "The"):
        rest = as_written(" ".join(words[1:]), context, common)
        return " ".join([words[0].lower(), rest]).strip()
    first = words[0]
    if is_technical(first) or not first[:1].isupper():
        return phrase
    if len(words) > 1 and words[1][:1].isupper():  # "Apache Spark", "Data Lake": a name
        return phrase
    lower = first[:1].lower() + first[1:]
    if lower in _COMMON_ADJECTIVES or ("-" in first and first[1:].islower()):
        return " ".join([lower, *words[1:]])
    lower_count = len(re.findall(rf"\b{re.escape(lower)}\b", context))
    name_count = sum(
        1
        for m in re.finditer(rf"\b{re.escape(first)}\b", context)
        if m.start() > 1 and context[m.start() - 2] not in ".!?:"
    )
    if lower_count > name_count or first.lower().endswith(_COMMON_SUFFIXES) or lower in common:
        return " ".join([lower, *words[1:]])
    return phrase  # a capitalised word the notes do not write in lower case: a name (Airflow)


_UNCOUNTABLE_ICS = frozenset("analytics physics economics logistics statistics ethics".split())


def is_plural(phrase: str) -> bool:
    if " and " in phrase:
        return True
    last = phrase.split()[-1] if phrase.split() else ""
    low = last.lower()
    if is_technical(last) and not low.endswith("s"):
        return False
    if "/" in last:
        return True
    if low in _UNCOUNTABLE_ICS:
        return False
    return low.endswith("s") and not low.endswith(("ss", "is", "us")) and len(low) > 3
