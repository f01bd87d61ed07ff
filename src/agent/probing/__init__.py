"""The offline phrasing engine: follow-ups, hints, STAR probing and clarifying questions.

Pure, deterministic and fast (no model, no I/O), so the offline interviewer can speak like an
interviewer and the eval can check every line it says. One thing per module:
`point_kinds` reads a key point (kind and subject), `follow_ups` asks about a missed one,
`sub_questions` finds the notes' own question about it, `defects` judges any follow-up,
`hints` gives three levels of hint, `star` reads behavioural stories, `clarifying` answers
the candidate's questions from the notes.
"""

from agent.probing.clarifying import clarify, is_clarifying_question
from agent.probing.defects import defect_group, follow_up_defects
from agent.probing.follow_ups import follow_up
from agent.probing.hints import hint
from agent.probing.point_kinds import PointKind, PointReading, read_point
from agent.probing.star import (
    STAR_PARTS,
    is_behavioural,
    missing_star_parts,
    star_follow_up,
    star_parts,
)
from agent.probing.sub_questions import SubQuestions

__all__ = [
    "STAR_PARTS",
    "PointKind",
    "PointReading",
    "SubQuestions",
    "clarify",
    "defect_group",
    "follow_up",
    "follow_up_defects",
    "hint",
    "is_behavioural",
    "is_clarifying_question",
    "missing_star_parts",
    "read_point",
    "star_follow_up",
    "star_parts",
]
