"""Scoring predictions against gold annotations, by the rules of ANNOTATION.md.

Per article with a gold file:

* predictions saying the same thing twice (same relation, subject names and
  object names, or same quoted words) count once;
* a gold relation is found when a prediction of the same relation shares a
  name with its subject (any subject when the gold has none) and with its
  object (any when none), or for ``said`` holds :data:`QUOTE_COVERAGE` of the
  quotation's words; a prediction is right when it matches any gold relation;
* an optional gold item does not count towards recall, and a prediction
  matching it is not a false positive;
* each mentioned actor is paired with the first gold entity sharing a name
  that no earlier actor took; the others are false positives;
* dates and vote counts are checked on the first prediction that matches a
  gold relation giving them; evidence is the share of predictions carrying
  ``kg:evidence``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from kg.evaluate.gold import RELATIONS, GoldArticle, GoldEntity, GoldRelation
from kg.evaluate.predictions import PredictedActor, PredictedRelation, Predictions
from kg.evaluate.text import QUOTE_COVERAGE, fold_name, quote_coverage

__all__ = ["Counts", "Finding", "Ratio", "Report", "evaluate", "matches"]


@dataclass(frozen=True)
class Counts:
    """Gold items (``gold``, of which ``found``) and predictions (``pred``, of which ``right``)."""

    gold: int = 0
    found: int = 0
    pred: int = 0
    right: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.gold + other.gold, self.found + other.found,
                      self.pred + other.pred, self.right + other.right)


@dataclass(frozen=True)
class Ratio:
    """``right`` out of ``total``; its :attr:`value` is ``None`` when there is nothing to judge."""

    right: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None


@dataclass(frozen=True)
class Finding:
    """A gold item the graph missed, or a prediction no gold item matches.

    ``relation`` is ``"entity"`` for actors. ``subject`` is the first name of
    the gold subject (``None``: anyone) or of the predicted one; ``obj`` the
    object's first name, the quotation, or for an entity its type(s).
    """

    article: str
    kind: Literal["miss", "false"]
    relation: str
    subject: str | None
    obj: str | None


@dataclass(frozen=True)
class Report:
    """The scores of a graph on a set of annotated articles."""

    articles: int
    relations: Mapping[str, Counts]
    entities: Counts
    entity_types: Ratio
    dates: Ratio
    vote_counts: Ratio
    evidence: Ratio
    events_without_provenance: int
    findings: tuple[Finding, ...] = field(default=())

    @property
    def micro(self) -> Counts:
        """The relations' counts pooled."""
        total = Counts()
        for counts in self.relations.values():
            total += counts
        return total

    @property
    def micro_f1(self) -> float:
        return self.micro.f1

    @property
    def macro_f1(self) -> float:
        """Mean F1 of the relations (a relation nothing was expected or found for scores 0)."""
        return sum(c.f1 for c in self.relations.values()) / len(self.relations)


def evaluate(predictions: Predictions, gold: Mapping[str, GoldArticle], *,
             article_ids: Iterable[str]) -> Report:
    """Score ``predictions`` on the articles of ``article_ids`` that have a gold file."""
    tally: Counter[tuple[str, str]] = Counter()
    findings: list[Finding] = []
    scored = 0
    for doc in dict.fromkeys(article_ids):
        annotation = gold.get(doc)
        if annotation is None:
            continue
        scored += 1
        findings += _score_relations(doc, annotation.relations,
                                     predictions.relations.get(doc, ()), tally)
        findings += _score_entities(doc, annotation.entities,
                                    predictions.actors.get(doc, ()), tally)

    def counts(name: str) -> Counts:
        return Counts(*(tally[name, k] for k in ("gold", "found", "pred", "right")))

    def ratio(name: str) -> Ratio:
        return Ratio(tally[name, "right"], tally[name, "total"])

    return Report(scored, {r: counts(r) for r in RELATIONS}, counts("entities"),
                  ratio("types"), ratio("dates"), ratio("vote counts"), ratio("evidence"),
                  predictions.events_without_provenance, tuple(findings))


@cache
def _folded(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold_name(n) for n in names)


def matches(gold: GoldRelation, pred: PredictedRelation) -> bool:
    """Whether ``pred`` states the gold relation ``gold``."""
    if gold.relation != pred.relation:
        return False
    if gold.subject is not None and not _folded(gold.subject) & pred.subject:
        return False
    if gold.relation == "said":
        return quote_coverage(gold.quote or "", pred.quote or "") >= QUOTE_COVERAGE
    return gold.obj is None or bool(_folded(gold.obj) & pred.obj)


def _unique(preds: Iterable[PredictedRelation]) -> list[PredictedRelation]:
    """The first prediction of each claim."""
    first: dict[object, PredictedRelation] = {}
    for pred in preds:
        first.setdefault(pred.claim(), pred)
    return list(first.values())


def _score_relations(doc: str, golds: tuple[GoldRelation, ...],
                     preds: Iterable[PredictedRelation],
                     tally: Counter[tuple[str, str]]) -> list[Finding]:
    findings: list[Finding] = []
    unique = _unique(preds)
    for gold in golds:
        hit = next((p for p in unique if matches(gold, p)), None)
        if not gold.optional:
            tally[gold.relation, "gold"] += 1
            tally[gold.relation, "found"] += hit is not None
            if hit is None:
                findings.append(Finding(doc, "miss", gold.relation, _first(gold.subject),
                                        gold.obj[0] if gold.obj else gold.quote))
        if hit is not None and gold.date:
            tally["dates", "total"] += 1
            tally["dates", "right"] += gold.date in hit.dates
        if hit is not None and gold.count:
            tally["vote counts", "total"] += 1
            tally["vote counts", "right"] += gold.count in hit.counts
    for pred in unique:
        tally[pred.relation, "pred"] += 1
        tally["evidence", "total"] += 1
        tally["evidence", "right"] += pred.evidence
        if any(matches(gold, pred) for gold in golds):
            tally[pred.relation, "right"] += 1
        else:
            obj = pred.quote if pred.relation == "said" else _first(sorted(pred.obj))
            findings.append(Finding(doc, "false", pred.relation,
                                    _first(sorted(pred.subject)), obj))
    return findings


def _score_entities(doc: str, golds: tuple[GoldEntity, ...],
                    actors: Iterable[PredictedActor],
                    tally: Counter[tuple[str, str]]) -> list[Finding]:
    findings: list[Finding] = []
    taken: set[int] = set()
    for actor in actors:
        tally["entities", "pred"] += 1
        index = next((i for i, gold in enumerate(golds)
                      if i not in taken and _folded(gold.names) & actor.names), None)
        if index is None:
            findings.append(Finding(doc, "false", "entity", _first(sorted(actor.names)),
                                    ", ".join(sorted(actor.types)) or None))
            continue
        taken.add(index)
        tally["entities", "right"] += 1
        tally["types", "total"] += 1
        tally["types", "right"] += golds[index].type in actor.types
    for i, gold in enumerate(golds):
        if gold.optional:
            continue
        tally["entities", "gold"] += 1
        tally["entities", "found"] += i in taken
        if i not in taken:
            findings.append(Finding(doc, "miss", "entity", gold.names[0], gold.type))
    return findings


def _first(names: Iterable[str] | None) -> str | None:
    return next(iter(names), None) if names is not None else None
