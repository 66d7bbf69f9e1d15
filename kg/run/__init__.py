"""Corpus-scale runs of ``kg extract``: worker processes, a checkpoint to resume
from, and output streamed batch by batch.

* :mod:`kg.run.codec` writes extraction records as JSON and reads them back;
* :mod:`kg.run.checkpoint` keeps the records of finished articles on disk,
  keyed by article id and content hash, so a re-run skips them;
* :mod:`kg.run.workers` extracts in ``--jobs`` processes, each loading the
  spaCy pipeline once, results in input order;
* :mod:`kg.run.cluster` extracts on a Ray cluster instead (``--ray``);
* :mod:`kg.run.shards` writes a folder of N-Quads files for ``kg load``;
* :mod:`kg.run.stream` ties them together: extract, resolve actors across
  the corpus, then write the graph article by article.
"""
