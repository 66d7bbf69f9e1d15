"""Scoring a graph against hand-made gold annotations (``kg evaluate``).

The gold format and its matching rules are those of the shared development
set (``/work/shared/eval/ANNOTATION.md``), and the figures agree with its
scorer, so users can annotate their own news and measure newskg on it:

* :func:`load_gold` reads and checks a folder of gold files;
* :func:`read_predictions` reads what an RDF graph asserts, per article;
* :func:`evaluate` compares the two into a :class:`Report`;
* :func:`report_table` and :func:`report_json` present it.
"""

from __future__ import annotations

from kg.evaluate.gold import (
    ACTOR_TYPES,
    RELATIONS,
    GoldArticle,
    GoldEntity,
    GoldRelation,
    load_gold,
    parse_gold,
)
from kg.evaluate.output import SUMMARY_KEYS, report_json, report_table
from kg.evaluate.predictions import (
    PredictedActor,
    PredictedRelation,
    Predictions,
    graph_as_written,
    load_graph,
    read_predictions,
)
from kg.evaluate.scoring import Counts, Finding, Ratio, Report, evaluate, matches
from kg.evaluate.text import QUOTE_COVERAGE, fold_name, quote_coverage

__all__ = [
    "ACTOR_TYPES",
    "QUOTE_COVERAGE",
    "RELATIONS",
    "SUMMARY_KEYS",
    "Counts",
    "Finding",
    "GoldArticle",
    "GoldEntity",
    "GoldRelation",
    "PredictedActor",
    "PredictedRelation",
    "Predictions",
    "Ratio",
    "Report",
    "evaluate",
    "fold_name",
    "graph_as_written",
    "load_gold",
    "load_graph",
    "matches",
    "parse_gold",
    "quote_coverage",
    "read_predictions",
    "report_json",
    "report_table",
]
