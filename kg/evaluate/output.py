"""A :class:`~kg.evaluate.scoring.Report` as a text table or a JSON object.

Both give the figures of the shared scorer (``/work/shared/eval/score.py``)
under its names, rounded to three decimals: P, R, F1, gold and pred per
relation and for entities, then the summary figures.
"""

from __future__ import annotations

from typing import Any

from kg.evaluate.scoring import Counts, Finding, Report

__all__ = ["SUMMARY_KEYS", "report_json", "report_table"]

#: Summary figures, in table order.
SUMMARY_KEYS = ("relations_micro_F1", "relations_macro_F1", "entity_type_accuracy",
                "date_accuracy", "vote_count_accuracy", "evidence_coverage",
                "events_without_provenance")
_DIGITS = 3
_NAME_WIDTH = 16
_COLUMN = 7


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, _DIGITS)


def _summary(report: Report) -> dict[str, float | int | None]:
    return {
        "relations_micro_F1": _rounded(report.micro_f1),
        "relations_macro_F1": _rounded(report.macro_f1),
        "entity_type_accuracy": _rounded(report.entity_types.value),
        "date_accuracy": _rounded(report.dates.value),
        "vote_count_accuracy": _rounded(report.vote_counts.value),
        "evidence_coverage": _rounded(report.evidence.value),
        "events_without_provenance": report.events_without_provenance,
    }


def _rows(report: Report) -> dict[str, Counts]:
    return {**report.relations, "entities": report.entities}


def report_json(report: Report, *, details: bool = False) -> dict[str, Any]:
    """The report as a JSON-ready dict; ``details`` adds every miss and false positive."""
    data: dict[str, Any] = {
        "articles": report.articles,
        "relations": {name: {"P": round(c.precision, _DIGITS), "R": round(c.recall, _DIGITS),
                             "F1": round(c.f1, _DIGITS), "gold": c.gold, "pred": c.pred,
                             "found": c.found, "right": c.right}
                      for name, c in _rows(report).items()},
        **_summary(report),
    }
    if details:
        data["details"] = [{"article": f.article, "kind": f.kind, "relation": f.relation,
                            "subject": f.subject, "object": f.obj} for f in report.findings]
    return data


def report_table(report: Report, *, details: bool = False) -> str:
    """The report as aligned text; ``details`` lists every miss and false positive."""
    header = "".ljust(_NAME_WIDTH) + "".join(h.rjust(_COLUMN)
                                             for h in ("P", "R", "F1", "gold", "pred"))
    lines = [header]
    for name, c in _rows(report).items():
        figures = "".join(f"{v:{_COLUMN}.{_DIGITS}f}" for v in (c.precision, c.recall, c.f1))
        lines.append(f"{name:<{_NAME_WIDTH}}{figures}{c.gold:{_COLUMN}d}{c.pred:{_COLUMN}d}")
    lines += [f"{key}: {value}" for key, value in _summary(report).items()]
    lines.append(f"articles: {report.articles}")
    if details:
        lines += [_finding_line(f) for f in report.findings]
    return "\n".join(lines) + "\n"


def _finding_line(finding: Finding) -> str:
    subject = "(anyone)" if finding.subject is None else finding.subject
    obj = "-" if finding.obj is None else " ".join(finding.obj.split())
    cells = (finding.article, finding.kind, finding.relation, subject, obj)
    return "   | " + " | ".join(cells)
