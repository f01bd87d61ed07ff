"""What a candidate can do during an interview, declared once.

The graph's router, the plain front end's slash commands, the app's key bindings and every help
text read this table, so adding or renaming an action is one edit here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Action = Literal["answer", "skip", "hint", "repeat", "model_answer", "retry", "end"]


@dataclass(frozen=True)
class CandidateAction:
    name: Action
    label: str
    """Short name for a footer or a menu."""
    key: str
    """The app's key binding."""
    command: str
    """The plain front end's slash command."""
    help: str


ACTIONS: tuple[CandidateAction, ...] = (
    CandidateAction("answer", "Submit", "ctrl+s", "", "submit the answer in the box"),
    CandidateAction("hint", "Hint", "ctrl+t", "/hint", "a nudge; each one is more specific"),
    CandidateAction("skip", "Skip", "ctrl+k", "/skip", "move on without answering"),
    CandidateAction("repeat", "Repeat", "ctrl+r", "/repeat", "ask the question again"),
    CandidateAction(
        "model_answer",
        "Model answer",
        "ctrl+n",
        "/model",
        "after a score: your notes' prepared answer beside yours",
    ),
    CandidateAction("retry", "Retry", "ctrl+g", "/retry", "after a score: answer it again"),
    CandidateAction("end", "End", "ctrl+e", "/end", "finish now, with a report"),
)

ACTION_NAMES: frozenset[str] = frozenset(a.name for a in ACTIONS)

GRAPH_ACTIONS: frozenset[str] = ACTION_NAMES - {"model_answer"}
"""Actions the interview graph acts on; the model answer is a view the session gives."""

BY_COMMAND: dict[str, CandidateAction] = {a.command: a for a in ACTIONS if a.command}


def plain_help() -> str:
    commands = ", ".join(f"{a.command} ({a.help})" for a in ACTIONS if a.command)
    return (
        "Type your answer; a blank line submits it. Commands: "
        f"{commands}, /multi (an answer with blank lines; finish with a line holding only "
        "'.'), /help, /quit (leave; resume later)."
    )


def app_help() -> str:
    keys = "; ".join(f"{a.key} {a.help}" for a in ACTIONS)
    return (
        f"Write your answer in the box (Enter is a new line). {keys}; f1 this help; ctrl+q quits "
        "(everything is saved as you go: resume from the start screen)."
    )
