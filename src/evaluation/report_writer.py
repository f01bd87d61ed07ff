"""Eval results as JSON, Markdown and a self-contained HTML page with inline SVG plots
(score distribution per variant, calibration against expected grade, confusion matrix)."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

VARIANT_ORDER = [
    "full",
    "paraphrase",
    "padded",
    "most",
    "half",
    "one",
    "wrong_fluent",
    "off_topic",
    "empty",
]


def write_reports(results: dict[str, Any], regressions: list[str], out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / "results.json", out / "report.md", out / "report.html"]
    payload = {**results, "regressions": regressions}
    paths[0].write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    paths[1].write_text(markdown(results, regressions), encoding="utf-8")
    paths[2].write_text(page(results, regressions), encoding="utf-8")
    return paths


def _rows(results: dict[str, Any]) -> list[tuple[str, str]]:
    rows = []
    for suite in ("scorer", "interview", "mining"):
        for key, value in results.get(suite, {}).items():
            if isinstance(value, int | float):
                rows.append((f"{suite}.{key}", f"{value:g}"))
    seeds = results.get("mining", {}).get("seeds", {})
    rows += [
        (f"mining.seeds.{k}", f"{v:g}") for k, v in seeds.items() if isinstance(v, int | float)
    ]
    semeval = results.get("scorer", {}).get("semeval")
    if semeval:
        rows += [
            (f"scorer.semeval.{k}", f"{v:g}")
            for k, v in semeval.items()
            if isinstance(v, int | float)
        ]
    for mode, metrics in results.get("retrieval", {}).get("modes", {}).items():
        rows += [(f"retrieval.{mode}.{k}", f"{v:g}") for k, v in metrics.items()]
    return rows


def markdown(results: dict[str, Any], regressions: list[str]) -> str:
    lines = [
        "# Rehearse eval report",
        "",
        f"Suites: {', '.join(results.get('suites', []))} · grader: {results.get('grader')} "
        f"· {results.get('seconds', 0):.1f} s",
        "",
    ]
    lines += ["## Regressions", ""] + ([f"- {r}" for r in regressions] or ["None."]) + [""]
    lines += ["| metric | value |", "| --- | --- |"] + [f"| {k} | {v} |" for k, v in _rows(results)]
    per_variant = results.get("scorer", {}).get("per_variant", {})
    if per_variant:
        lines += [
            "",
            "## Score per variant",
            "",
            "| variant | mean | min | max | n |",
            "| --- | --- | --- | --- | --- |",
        ]
        for v in VARIANT_ORDER:
            if v in per_variant:
                s = per_variant[v]
                lines.append(f"| {v} | {s['mean']} | {s['min']} | {s['max']} | {s['n']} |")
    return "\n".join(lines) + "\n"


def _bars(title: str, items: list[tuple[str, float, float, float]], top: float = 5.0) -> str:
    """Horizontal bars of means with min-max whiskers; values on a 0..top scale."""
    width, row = 520, 22
    height = 30 + row * len(items)
    parts = [
        f'<svg width="{width}" height="{height}" role="img" aria-label="{html.escape(title)}">',
        f'<text x="4" y="16" font-weight="bold">{html.escape(title)}</text>',
    ]
    scale = (width - 170) / top
    for i, (label, mean_, low, high) in enumerate(items):
        y = 28 + i * row
        parts.append(f'<text x="4" y="{y + 13}">{html.escape(label)}</text>')
        parts.append(
            f'<rect x="130" y="{y + 3}" width="{mean_ * scale:.1f}" height="12" fill="#4c78a8"/>'
        )
        parts.append(
            f'<line x1="{130 + low * scale:.1f}" x2="{130 + high * scale:.1f}" '
            f'y1="{y + 9}" y2="{y + 9}" stroke="#222"/>'
        )
        parts.append(f'<text x="{136 + top * scale:.1f}" y="{y + 13}">{mean_:.2f}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _confusion(matrix: list[list[int]]) -> str:
    cells = "".join(
        f"<tr><th>expected {i + 1}</th>" + "".join(f"<td>{n}</td>" for n in row) + "</tr>"
        for i, row in enumerate(matrix)
    )
    head = "<tr><th></th>" + "".join(f"<th>scored {j}</th>" for j in range(1, 6)) + "</tr>"
    return f"<table class='confusion'>{head}{cells}</table>"


def page(results: dict[str, Any], regressions: list[str]) -> str:
    scorer = results.get("scorer", {})
    per_variant = scorer.get("per_variant", {})
    variant_items = [
        (v, s["mean"], s["min"], s["max"]) for v in VARIANT_ORDER if (s := per_variant.get(v))
    ]
    calibration = [(f"expected {g}", m, m, m) for g, m in scorer.get("calibration", {}).items()]
    body = [
        "<h1>Rehearse eval report</h1>",
        f"<p>Suites: {html.escape(', '.join(results.get('suites', [])))} · grader "
        f"{html.escape(str(results.get('grader')))} · {results.get('seconds', 0):.1f} s</p>",
        "<h2>Regressions</h2>",
        "<ul>"
        + ("".join(f"<li>{html.escape(r)}</li>" for r in regressions) or "<li>None</li>")
        + "</ul>",
        "<h2>Metrics</h2><table>"
        + "".join(
            f"<tr><td>{html.escape(k)}</td><td>{html.escape(v)}</td></tr>"
            for k, v in _rows(results)
        )
        + "</table>",
    ]
    if variant_items:
        body += [
            "<h2>Score distribution per variant</h2>",
            _bars("mean score (bar) and range (line)", variant_items),
            "<h2>Calibration against expected grade</h2>",
            _bars("mean score per expected grade", calibration),
            "<h2>Confusion</h2>",
            _confusion(scorer.get("confusion", [[0] * 5] * 5)),
        ]
    style = (
        "body{font-family:sans-serif;max-width:900px;margin:2em auto}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px}"
        "svg text{font-size:12px}"
    )
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>Rehearse eval</title>"
        f"<style>{style}</style></head><body>{''.join(body)}</body></html>\n"
    )
