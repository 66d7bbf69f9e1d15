"""Hand-annotated spaCy ``Doc`` objects for unit tests, without any trained model.

One token per line, columns separated by whitespace::

    text  POS  TAG  DEP  HEAD  ENT  [key=value ...]

* ``HEAD`` is the absolute, 0-based index of the token's head (a root points
  at itself). Sentences follow from the parse: each root's subtree is one.
* ``ENT`` is an entity label or ``-``. Consecutive tokens with the same label
  form one entity; write ``B-LABEL`` to start a new entity right after another
  of the same label (``I-LABEL`` is accepted too).
* Extras: ``lemma=expel`` (default: the lower-cased text); ``space=no`` or
  ``space=yes`` to force whether a space follows the token.
* ``text`` may spell ``\\n`` for a newline, so a paragraph break is a token
  ``\\n\\n  SPACE _SP dep <head> -``.
* Blank lines and lines starting with ``#`` are ignored.

Whitespace defaults to what the text needs: a space after each token except
before closing punctuation (``. , : ; ! ? ) ” ’ 's n't``), after an opening
``“`` or ``(``, and around whitespace tokens. Straight ``"`` marks get a space
on both sides unless ``space=no`` says otherwise.

>>> doc = build_doc('''
... Russia    PROPN NNP nsubj 1 GPE
... expels    VERB  VBZ ROOT  1 -   lemma=expel
... diplomats NOUN  NNS dobj  1 -   lemma=diplomat
... .         PUNCT .   punct 1 -
... ''')
>>> doc.text, [(e.text, e.label_) for e in doc.ents], doc[1].lemma_
('Russia expels diplomats.', [('Russia', 'GPE')], 'expel')
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

#: Tokens not preceded by a space.
_NO_SPACE_BEFORE = frozenset({".", ",", ":", ";", "!", "?", ")", "”", "’", "'s", "’s", "n't",
                              "%", "'"})
#: Tokens not followed by a space.
_NO_SPACE_AFTER = frozenset({"“", "(", "‘"})


@cache
def _vocab() -> Vocab:
    return spacy.blank("en").vocab


def _parse_line(line: str) -> dict[str, str]:
    cols = line.split()
    if len(cols) < 6:
        raise ValueError(f"expected at least 6 columns, got {len(cols)}: {line!r}")
    text, pos, tag, dep, head, ent, *extras = cols
    row = {"text": text.replace("\\n", "\n").replace("\\t", "\t"), "pos": pos, "tag": tag,
           "dep": dep, "head": head, "ent": ent}
    for extra in extras:
        key, sep, value = extra.partition("=")
        if not sep or key not in {"lemma", "space"}:
            raise ValueError(f"unknown extra {extra!r} in {line!r}")
        row[key] = value
    return row


def _iob(labels: list[str]) -> list[str]:
    """IOB tags from per-token labels: runs of one label are one entity."""
    out: list[str] = []
    previous = "O"
    for label in labels:
        if label == "-":
            out.append("O")
            previous = "O"
        elif label.startswith(("B-", "I-")):
            out.append(label)
            previous = label[2:]
        else:
            out.append(("I-" if label == previous else "B-") + label)
            previous = label
    return out


def _spaces(rows: list[dict[str, str]]) -> list[bool]:
    spaces = []
    for i, row in enumerate(rows):
        nxt = rows[i + 1]["text"] if i + 1 < len(rows) else None
        if "space" in row:
            spaces.append(row["space"] in {"yes", "true", "1"})
        elif nxt is None or row["text"].isspace() or nxt.isspace():
            spaces.append(False)
        else:
            spaces.append(row["text"] not in _NO_SPACE_AFTER and nxt not in _NO_SPACE_BEFORE)
    return spaces


def build_doc(annotation: str) -> Doc:
    """A ``Doc`` with the tokens, tags, parse, lemmas and entities ``annotation`` gives."""
    rows = [_parse_line(line) for line in annotation.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]
    if not rows:
        raise ValueError("empty annotation")
    heads = [int(r["head"]) for r in rows]
    if any(not 0 <= h < len(rows) for h in heads):
        raise ValueError(f"head index out of range in {heads}")
    return Doc(
        _vocab(),
        words=[r["text"] for r in rows],
        spaces=_spaces(rows),
        pos=[r["pos"] for r in rows],
        tags=[r["tag"] for r in rows],
        deps=[r["dep"] for r in rows],
        heads=heads,
        lemmas=[r.get("lemma", r["text"].lower()) for r in rows],
        ents=_iob([r["ent"] for r in rows]),
    )


def offsets(doc: Doc, text: str, occurrence: int = 0) -> tuple[int, int]:
    """Character offsets of the ``occurrence``-th appearance of ``text`` in ``doc``."""
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(text, start + 1)
    return start, start + len(text)


def context(doc: Doc, article_date: str | None = None):  # -> kg.extract.context.Context
    """The extraction context of ``doc``: its actor mentions, quotations and date."""
    from kg.extract.actors import find_mentions
    from kg.extract.context import Context
    from kg.extract.quotes import find_quotes

    return Context.build(doc, mentions=find_mentions(doc),
                         quotes=[(q.start, q.end) for q in find_quotes(doc.text)],
                         article_date=article_date)
