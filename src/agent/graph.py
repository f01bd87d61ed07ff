"""Wiring only: plan -> ask -> await_answer -> score -> (follow_up | advance) -> finish.

`build_graph(deps)` returns the uncompiled builder so tests compile it with an in-memory saver
and the CLI with the SQLite one.
"""

from __future__ import annotations

from functools import partial

from langgraph.graph import END, START, StateGraph

from agent.deps import Deps
from agent.nodes.advancing import advance, finish
from agent.nodes.answering import await_answer
from agent.nodes.asking import (
    ask,
    follow_up,
    give_hint,
    repeat_prompt,
    retry_question,
    skip_question,
)
from agent.nodes.clarifying import clarify
from agent.nodes.planning import plan
from agent.nodes.scoring import score
from agent.routing import route_after_plan, route_after_score, route_input, route_next
from agent.state import InterviewState


def build_graph(deps: Deps) -> StateGraph:
    graph = StateGraph(InterviewState)
    graph.add_node("plan", partial(plan, deps=deps))
    graph.add_node("ask", partial(ask, deps=deps))
    graph.add_node("await_answer", await_answer)
    graph.add_node("score", partial(score, deps=deps))
    graph.add_node("follow_up", partial(follow_up, deps=deps))
    graph.add_node("give_hint", partial(give_hint, deps=deps))
    graph.add_node("repeat_prompt", partial(repeat_prompt, deps=deps))
    graph.add_node("skip_question", partial(skip_question, deps=deps))
    graph.add_node("retry_question", partial(retry_question, deps=deps))
    graph.add_node("clarify", partial(clarify, deps=deps))
    graph.add_node("advance", partial(advance, deps=deps))
    graph.add_node("finish", partial(finish, deps=deps))

    graph.add_edge(START, "plan")
    graph.add_conditional_edges("plan", route_after_plan)
    graph.add_edge("ask", "await_answer")
    graph.add_conditional_edges("await_answer", route_input)
    graph.add_conditional_edges("score", route_after_score)
    graph.add_edge("follow_up", "await_answer")
    graph.add_edge("give_hint", "await_answer")
    graph.add_edge("repeat_prompt", "await_answer")
    graph.add_edge("retry_question", "await_answer")
    graph.add_edge("clarify", "await_answer")
    graph.add_edge("skip_question", "advance")
    graph.add_conditional_edges("advance", route_next)
    graph.add_edge("finish", END)
    return graph
