"""What the offline interviewer says, as data: one tuple of phrasings per angle.

Text only, like the graph's prompts: `follow_ups` chooses among these and fills the slots.
Keeping them apart lets anyone reword the interviewer without reading the engine, and the
tests in tests/test_probing_*.py check every phrasing that reaches a candidate.
"""

from __future__ import annotations

from agent.probing.point_kinds import PointKind

# {s}: the subject; {o}: what it is compared with; {c}: a scenario's condition; {alt}: the
# alternative a point turns down; {is}/{does}: agree with {s}. A template that reads well with
# a pronoun in place of {s} may follow "You mentioned X.".
TEMPLATES: dict[PointKind, tuple[str, ...]] = {
    "outcome": (
        "What difference did that make, in numbers?",
        "How did you measure that impact?",
    ),
    "own_action": (
        "What else did you put in place for {s}?",
        "Beyond that, what did you do yourself for {s}?",
    ),
    "scenario": (
        "What happens if {c}?",
        "Say {c}. What happens then?",
    ),
    "definition": (
        "How would you define {s} in a sentence?",
        "What exactly {is} {s}, in your own words?",
    ),
    "comparison": (
        "How would you compare {s} with {o}?",
        "When would you pick {s} over {o}, and why?",
    ),
    "trade_off": (
        "What's the catch with {s}?",
        "What's the downside of {s}?",
        "What do you give up when you choose {s}?",
    ),
    "limit": (
        "What's the limit on {s}, roughly?",
        "Roughly what numbers are we talking about for {s}?",
    ),
    "step": (
        "Walk me through what happens with {s}, step by step.",
        "At what point in the flow {does} {s} come into play, and why there?",
    ),
    "failure": (
        "What can go wrong with {s}, and what would you do about it?",
        "What role {does} {s} play when something fails?",
    ),
    "example": (
        "Can you walk me through a concrete example of {s}?",
        "Can you give me an example of {s} from your own work?",
    ),
    "use_case": (
        "Where would you actually use {s}? Give me a case or two.",
        "What kinds of workloads {is} {s} a good fit for?",
    ),
    "reason": (
        "Why would you reach for {s} rather than another approach?",
        "What problem {does} {s} solve for you?",
        "What {does} {s} buy you here?",
    ),
    "tool": (
        "What would you use for {s}, and why?",
        "Which tool would you pick for {s}, and why that one?",
    ),
    "item": (
        "What else belongs on that list for {s}?",
        "There's more to {s} than that. What else comes to mind?",
    ),
    "detail": (
        "Can you go a bit deeper on {s}?",
        "What else can you tell me about {s}?",
        "What else matters about {s}?",
    ),
}
DEFINITION_OF_TOPIC = (
    "If you had to sum up {s} in one sentence, what would you say?",
    "At heart, what kind of thing {is} {s}?",
)
COMPARISON_ALONE = (
    "How {does} {s} compare with the alternatives?",
    "What sets {s} apart from the alternatives?",
)
AGAINST_ALTERNATIVE = (
    "Why not just {alt}?",
    "What's wrong with {alt} here?",
)
WHY_QUESTION_REASON = (
    "What would go wrong without {s}?",
    "What problem {does} {s} solve for you?",
)
TOOL_FOR_JOB = (
    "What would you use to {act} that, and why?",
    "Which tool would you pick to {act} it, and why that one?",
)
STEP_WITHOUT_SUBJECT = (
    "Walk me through exactly what you'd do there, step by step.",
    "What would you actually do first, concretely?",
)
# Experience questions ("Describe a pipeline you built") probe the candidate's own part.
EXPERIENCE_NO_SUBJECT = (
    "What else did that involve? Take me through the part you haven't mentioned yet.",
    "What was your own part in that, specifically?",
    "How did that play out in practice?",
)
# When no subject survives: plain, honest, and still a question.
NO_SUBJECT = (
    "There's a piece missing from that. What else would you add?",
    "That's part of it. What else matters here?",
    "Let's go one level deeper: what haven't you mentioned yet?",
)
