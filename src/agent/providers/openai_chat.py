"""Any OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, llama.cpp server) as interviewer and
judge, through the `openai` client.

Every call has a timeout and bounded retries with backoff (the client's own, which honours
Retry-After). A call that still fails raises `ProviderError`; the graph then falls back to the
offline provider for that turn and says so in the transcript. The judge's reply is parsed into a
pydantic model; malformed or invalid JSON counts as a failure, never as a score.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from agent import prompts
from agent.grade import Grade, GradeRequest
from agent.providers.base import Grader, ProviderError
from agent.rubric import Rubric
from agent.scoring.answer_text import prepare
from retrieval.question_bank import Passage, Question

Level = Literal[1, 2, 3, 4, 5]


@dataclass(frozen=True)
class LLMSettings:
    base_url: str | None
    model: str
    api_key: str
    timeout_s: float = 60.0
    max_retries: int = 2


def make_client(settings: LLMSettings) -> Any:
    from openai import OpenAI

    return OpenAI(
        api_key=settings.api_key or "not-needed",
        base_url=settings.base_url,
        timeout=settings.timeout_s,
        max_retries=settings.max_retries,
    )


def _describe(exc: Exception) -> str:
    """A short reason for the transcript; never the request, so never the key."""
    status = getattr(exc, "status_code", None)
    name = type(exc).__name__
    return f"{name} (HTTP {status})" if status else name


class OpenAIInterviewer:
    def __init__(self, client: Any, model: str) -> None:
        self._client = client
        self.model = model
        self.name = f"openai:{model}"

    def _stream(self, user: str) -> Iterator[str]:
        messages = [
            {"role": "system", "content": prompts.INTERVIEWER_SYSTEM},
            {"role": "user", "content": user},
        ]
        try:
            stream = self._client.chat.completions.create(
                model=self.model,
                messages=messages,
                stream=True,
                temperature=0.3,
                max_tokens=200,
            )
            finished = False
            for chunk in stream:
                if not chunk.choices:
                    continue
                choice = chunk.choices[0]
                if choice.delta and choice.delta.content:
                    yield choice.delta.content
                finished = finished or bool(getattr(choice, "finish_reason", None))
            if not finished:
                # A connection closed mid-stream ends iteration quietly; a half question must
                # not pass for a whole one.
                raise ProviderError("the stream was cut before it finished")
        except ProviderError:
            raise
        except Exception as exc:  # the client raises many types; all mean "this call failed"
            raise ProviderError(_describe(exc)) from exc

    def question(self, question: Question, passages: list[Passage]) -> Iterator[str]:
        context = "\n---\n".join(p.text[:1200] for p in passages[:3]) or "(none)"
        return self._stream(prompts.QUESTION.format(question=question.question, passages=context))

    def follow_up(
        self,
        question: Question,
        covered: list[str],
        target: str,
        passage: Passage | None,
        *,
        answer: str = "",
        asked: Sequence[str] = (),
    ) -> Iterator[str]:
        return self._stream(
            prompts.FOLLOW_UP.format(
                question=question.question,
                covered="; ".join(covered) or "nothing yet",
                target=target,
            )
        )

    def hint(
        self,
        question: Question,
        target: str | None,
        level: int,
        *,
        given: Sequence[str] = (),
        passages: Sequence[str] | None = None,
    ) -> str:
        text = "".join(
            self._stream(
                prompts.HINT.format(
                    question=question.question,
                    target=target or "the core of the question",
                    level=min(level + 1, 3),
                    given="; ".join(given) or "none",
                )
            )
        ).strip()
        if not text:
            raise ProviderError("empty hint")
        if text in given:
            raise ProviderError("the model repeated a hint")
        return text

    def clarify(
        self, question: Question, candidate_question: str, passages: Sequence[str]
    ) -> Iterator[str]:
        context = "\n---\n".join(p[:1200] for p in passages[:3]) or "(none)"
        return self._stream(
            prompts.CLARIFY.format(
                question=question.question,
                candidate_question=candidate_question,
                passages=context,
            )
        )


class JudgeVerdict(BaseModel):
    feedback: str
    criteria: dict[str, Level]


class LLMJudge:
    """Prometheus-style absolute grading: reference answer as the level-5 example, rubric with
    level descriptions, feedback first, then integer scores; temperature 0.

    Covered and missing key points come from the offline scorer, which can point at the
    sentence that covered each one; the model supplies the criterion scores."""

    def __init__(self, client: Any, model: str, rubric: Rubric, coverage: Grader) -> None:
        self._client = client
        self.model = model
        self._rubric = rubric
        self._coverage = coverage
        self.name = f"llm-judge:{model}"
        self._format: str | None = None  # which response_format the server accepted

    def grade(self, request: GradeRequest, grounded: bool = True) -> Grade:
        offline = self._coverage.grade(request, grounded)
        if not request.answer.strip():
            return offline
        verdict = self._verdict(request, offline)
        criteria = {c.name: int(verdict.criteria.get(c.name, 1)) for c in self._rubric.criteria}
        disagreement = abs(criteria.get("correctness", 3) - offline.criteria.get("correctness", 3))
        confidence = (0.75 if grounded else 0.4) * (1.0 - 0.15 * min(disagreement, 3))
        return Grade(
            id=request.id,
            score=round(self._rubric.weighted(criteria), 3),
            criteria=criteria,
            covered=offline.covered,
            missing=offline.missing,
            scorer=self.name,
            confidence=round(confidence, 3),
            evidence=offline.evidence,
            notices=[*offline.notices, f"Judge feedback: {verdict.feedback.strip()[:600]}"],
        )

    def messages(self, request: GradeRequest, key_points: list[str]) -> list[dict[str, str]]:
        fence = secrets.token_hex(6)
        open_mark, close_mark = f"<<<ANSWER {fence}>>>", f"<<<END ANSWER {fence}>>>"
        cleaned = prepare(request.answer)
        # The answer is fenced with a marker it cannot guess, so it cannot close the fence;
        # sentences addressed to the grader were already set aside by `prepare`.
        answer = "\n".join(cleaned.sentences).replace("<<<", "‹‹‹")
        rubric = "\n".join(
            f"- {c.name}: {c.description}\n"
            + "\n".join(f"    {level}: {text}" for level, text in sorted(c.levels.items()))
            for c in self._rubric.criteria
        )
        example = ", ".join(f'"{c.name}": 1-5' for c in self._rubric.criteria)
        user = prompts.JUDGE.format(
            question=request.question,
            reference="\n\n".join(request.reference),
            key_points="\n".join(f"- {p}" for p in key_points) or "(see reference)",
            rubric=rubric,
            open=open_mark,
            close=close_mark,
            answer=answer,
            criteria_example=example,
        )
        system = prompts.JUDGE_SYSTEM.format(open=open_mark, close=close_mark)
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]

    def _verdict(self, request: GradeRequest, offline: Grade) -> JudgeVerdict:
        messages = self.messages(request, offline.covered + offline.missing)
        last_error = "no reply"
        for _attempt in range(2):  # one retry for a reply that does not parse or validate
            content = self._complete(messages)
            try:
                verdict = JudgeVerdict.model_validate(json.loads(content))
            except (json.JSONDecodeError, ValidationError, TypeError) as exc:
                last_error = f"invalid judge reply ({type(exc).__name__})"
                continue
            if {c.name for c in self._rubric.criteria} <= set(verdict.criteria):
                return verdict
            last_error = "judge reply lacks some criteria"
        raise ProviderError(last_error)

    def _complete(self, messages: list[dict[str, str]]) -> str:
        from openai import APIStatusError

        formats = [self._format] if self._format else ["json_schema", "json_object"]
        for kind in formats:
            try:
                response = self._client.chat.completions.create(
                    model=self.model,
                    messages=messages,
                    temperature=0,
                    max_tokens=400,
                    response_format=self._response_format(kind),
                )
            except APIStatusError as exc:
                # Until a format has worked, a refusal may mean "json_schema unsupported":
                # llama.cpp's server answers it with 500, others with 400 or 422.
                if kind == formats[-1] or exc.status_code not in (400, 422, 500):
                    raise ProviderError(_describe(exc)) from exc
                continue
            except Exception as exc:
                raise ProviderError(_describe(exc)) from exc
            self._format = kind
            content = response.choices[0].message.content if response.choices else None
            if not content or not content.strip():
                raise ProviderError("empty completion")
            return content
        raise ProviderError("no response format accepted")

    def _response_format(self, kind: str) -> dict[str, Any]:
        if kind == "json_schema":
            return {
                "type": "json_schema",
                "json_schema": {"name": "verdict", "schema": self._schema(), "strict": False},
            }
        return {"type": "json_object", "schema": self._schema()}

    def _schema(self) -> dict[str, Any]:
        """The rubric's own criteria as required properties with enum 1-5: servers that turn
        schemas into grammars (llama.cpp) then cannot emit anything else, and a bounded
        feedback keeps a small model from rambling past max_tokens."""
        names = [c.name for c in self._rubric.criteria]
        return {
            "type": "object",
            "properties": {
                "feedback": {"type": "string", "maxLength": 400},
                "criteria": {
                    "type": "object",
                    "properties": {n: {"type": "integer", "enum": [1, 2, 3, 4, 5]} for n in names},
                    "required": names,
                    "additionalProperties": False,
                },
            },
            "required": ["feedback", "criteria"],
            "additionalProperties": False,
        }
