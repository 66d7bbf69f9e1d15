"""The ``kg`` command: thin click commands over the library.

Data goes to stdout or ``--output``; messages and progress go to stderr.
Library errors become one-line ``click.ClickException`` messages here.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import click

from kg import __version__
from kg.cli_errors import library_errors

#: Show a progress bar from this many articles on (kg evaluate).
PROGRESS_FROM = 20
#: Seconds between progress lines of kg extract when stderr is not a terminal.
PROGRESS_EVERY = 30.0
FORMAT_NAMES = ("turtle", "nt", "json-ld", "trig", "nquads")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newskg")
@click.option("-v", "--verbose", count=True, help="More log messages on stderr (-vv for debug).")
def main(verbose: int) -> None:
    """newskg: knowledge graphs of international-affairs news.

    Read news articles, find the actors and the events between them
    (expulsions, suspensions, votes, quotations) and write them as RDF.
    """
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr)


def _count(n: object, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", required=True, metavar="FILE",
              help="Where to write the graph ('-' for stdout). The extension picks the format.")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMAT_NAMES),
              help="RDF syntax (default: from the output's extension; turtle for stdout).")
@click.option("--model", metavar="NAME",
              help="spaCy pipeline to use (default: the best installed en_core_web_*).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1,
              help="Worker processes extracting at once, each loading the pipeline once "
                   "(default: 1; with --ray, one per CPU of the cluster).")
@click.option("--state", metavar="DIR", type=click.Path(file_okay=False),
              help="Checkpoint folder recording finished articles, kept after the run "
                   "(default: OUTPUT.kg-state, removed once the output is written).")
@click.option("--keep-state", is_flag=True,
              help="Keep the checkpoint after a successful run, so the next run over a "
                   "grown archive extracts only new or changed articles.")
@click.option("--date", metavar="YYYY-MM-DD", help="Publication date for every article.")
@click.option("--id", "article_id", metavar="ID", help="Identifier for a single article.")
@click.option("--skip-errors", is_flag=True,
              help="Report bad files or records on stderr and go on with the rest.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option("--ray", "ray_address", metavar="ADDRESS",
              help="Extract on the Ray cluster at ADDRESS (ray://HOST:10001, HOST:6379, auto, "
                   "or local to start one here), with --jobs workers (default: one per CPU).")
@click.option("--shard-size", type=click.IntRange(min=1), metavar="N",
              help="Articles per part file when OUTPUT is a folder (DIR/), which gets "
                   "sharded N-Quads (default: 1000).")
def extract(inputs: tuple[str, ...], output: str, fmt: str | None, model: str | None,
            jobs: int, state: str | None, keep_state: bool, date: str | None,
            article_id: str | None, skip_errors: bool, quiet: bool, ray_address: str | None,
            shard_size: int | None) -> None:
    """Extract actors and events from INPUT... and write an RDF graph.

    INPUT is a .txt, .md, .html, .json or .jsonl file, a folder (read
    recursively) or '-' for standard input. Nothing is written unless every
    input is read (or, with --skip-errors, reported).

    Articles stream through: they are read, parsed in batches and recorded
    in a checkpoint as they finish, so an interrupted run resumes where it
    stopped (articles are matched by id and content). N-Triples (.nt) and
    N-Quads (.nq) are written article by article, in flat memory; Turtle,
    TriG and JSON-LD hold the whole graph in memory to lay it out. An OUTPUT
    folder (DIR/) gets DIR/actors.nq and DIR/part-00000.nq ... for kg load.

    \b
    Examples:
      kg extract article.txt --output graph.ttl
      kg extract news/ --output graph.trig
      kg extract archive/ --output archive.nq --jobs 2
      kg extract articles.jsonl --output - --format nt
      kg extract archive/ --output shards/ --ray ray://head:10001
    """
    with library_errors():
        from kg.errors import InputError, NewsKGError, NoArticleError
        from kg.io import read_articles
        from kg.rdf.write import format_for
        from kg.run.shards import check_folder, is_folder
        from kg.run.stream import default_state, run

        if is_folder(output):
            check_folder(output, fmt)
        elif shard_size is not None:
            raise click.UsageError("--shard-size needs an OUTPUT folder (DIR/)")
        chosen = fmt or ("turtle" if output == "-" else "nquads" if is_folder(output)
                         else format_for(output))
        skipped: list[InputError] = []

        def report_skip(error: InputError) -> None:
            skipped.append(error)
            click.echo(f"skipped: {error}", err=True)

        articles = read_articles(list(inputs), date=date, id=article_id,
                                 skip_errors=skip_errors, on_error=report_skip)
        with contextlib.ExitStack() as stack, _progress(quiet) as tick:
            extractor = None
            if ray_address is not None:
                from kg.run.cluster import ray_extractor

                given = click.get_current_context().get_parameter_source("jobs")
                extractor = stack.enter_context(ray_extractor(
                    ray_address, model=model,
                    jobs=None if given is click.core.ParameterSource.DEFAULT else jobs))
            try:
                result = run(articles, output, fmt=chosen, model=model, jobs=jobs,
                             state=state, keep_state=keep_state, on_article=tick,
                             extractor=extractor, shard_size=shard_size)
            except NewsKGError as exc:
                folder = state or default_state(output)
                if folder is not None and Path(folder).is_dir():
                    raise type(exc)(f"{exc} (finished articles are kept in {folder}: run "
                                    "again to resume)") from exc
                if isinstance(exc, NoArticleError) and skipped:
                    raise NoArticleError(f"{exc} ({len(skipped)} skipped)") from exc
                raise
    if not quiet:
        s = result.summary()
        events = s["events"]
        assert isinstance(events, dict)
        detail = ", ".join(f"{k} {v}" for k, v in events.items())
        reused = f" ({result.reused} from the checkpoint)" if result.reused else ""
        click.echo(f"{_count(s['articles'], 'article')}{reused}, "
                   f"{_count(s['actors'], 'actor')}, "
                   f"{_count(sum(events.values()), 'event')} ({detail}) -> {output}", err=True)


@contextlib.contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[], None]]:
    """Count finished articles on stderr: a live counter with the rate on a terminal,
    else a line every :data:`PROGRESS_EVERY` seconds (for logs of long runs)."""
    if quiet:
        yield lambda: None
        return
    if sys.stderr.isatty():
        from tqdm import tqdm

        with tqdm(total=None, unit=" articles", desc="extracting", file=sys.stderr,
                  mininterval=0.5, delay=2.0) as bar:
            yield lambda: bar.update(1)
        return
    started = last = time.monotonic()
    done = 0

    def tick() -> None:
        nonlocal done, last
        done += 1
        now = time.monotonic()
        if now - last >= PROGRESS_EVERY:
            last = now
            rate = done / max(now - started, 1e-9)
            click.echo(f"extracting: {_count(done, 'article')} done, {rate:.1f}/s", err=True)

    yield tick


@main.command()
@click.argument("graphs", nargs=-1, required=True, metavar="GRAPH...",
                type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", default="-", metavar="FILE",
              help="Where to write the Markdown report (default: stdout).")
@click.option("--title", default="newskg summary", help="The report's heading.")
def summary(graphs: tuple[str, ...], output: str, title: str) -> None:
    """Write a readable Markdown summary of GRAPH... (files kg extract wrote).

    It lists the articles, the actors with their other names, every
    expulsion, suspension, vote and quotation, and people's roles.
    """
    with library_errors():
        from kg.io.output import write_text
        from kg.report import load_store, summarize

        try:
            store = load_store(graphs)
        except (SyntaxError, ValueError, OSError) as exc:
            raise click.ClickException(f"cannot read the graph: {exc}") from exc
        write_text(output, summarize(store, title=title))


@main.command()
@click.argument("articles", metavar="ARTICLES", type=click.Path(exists=True))
@click.argument("gold", metavar="GOLD", type=click.Path(exists=True, file_okay=False))
@click.option("--graph", metavar="FILE", type=click.Path(exists=True, dir_okay=False),
              help="Score this RDF graph (syntax from its extension) instead of building one.")
@click.option("--model", metavar="NAME",
              help="spaCy pipeline to build with (default: the best installed en_core_web_*).")
@click.option("--details", is_flag=True, help="Also list every miss and false positive.")
@click.option("-f", "--format", "fmt", type=click.Choice(("table", "json")), default="table",
              show_default=True, help="Report as an aligned table or as JSON.")
@click.option("-o", "--output", default="-", metavar="FILE",
              help="Where to write the report (default: stdout).")
def evaluate(articles: str, gold: str, graph: str | None, model: str | None, details: bool,
             fmt: str, output: str) -> None:
    """Score newskg on ARTICLES against the gold annotations in the folder GOLD.

    GOLD holds one <article id>.json file per annotated article, in the
    format of the shared development set (eval/ANNOTATION.md); only the
    articles of ARTICLES (a file or folder, as for kg extract) that have one
    are scored. The graph is built from them unless --graph gives one.
    Prints precision, recall and F1 per relation and for entities, then the
    accuracy of entity types, dates and vote counts and the evidence coverage.

    \b
    Examples:
      kg evaluate news/ gold/
      kg evaluate news/ gold/ --graph graph.ttl --details
      kg evaluate news/ gold/ --format json --output scores.json
    """
    import json

    with library_errors():
        from kg.evaluate import evaluate as score
        from kg.evaluate import (
            graph_as_written,
            load_gold,
            load_graph,
            read_predictions,
            report_json,
            report_table,
        )
        from kg.io import read_articles
        from kg.io.output import write_text

        annotations = load_gold(gold)
        chosen = [a for a in read_articles([articles]) if a.id in annotations]
        if not chosen:
            raise click.ClickException(
                f"none of the articles in {articles} has a gold file in {gold} "
                f"({_count(len(annotations), 'gold file')}); gold files are named "
                "<article id>.json")
        if graph is not None:
            rdf = load_graph(graph)
        else:
            from kg.pipeline import build

            show = len(chosen) >= PROGRESS_FROM
            with click.progressbar(length=len(chosen), label="extracting", file=sys.stderr,
                                   hidden=not show) as bar:
                result = build(chosen, model=model, on_article=lambda _: bar.update(1))
            rdf = graph_as_written(result.dataset)
        report = score(read_predictions(rdf), annotations, article_ids=[a.id for a in chosen])
        if fmt == "json":
            text = json.dumps(report_json(report, details=details), indent=2,
                              ensure_ascii=False) + "\n"
        else:
            text = report_table(report, details=details)
        write_text(output, text)


from kg.sparql.commands import load, push, query, serve

main.add_command(query)
main.add_command(load)
main.add_command(serve)
main.add_command(push)


from kg.network.commands import export, network

main.add_command(network)
main.add_command(export)


if __name__ == "__main__":  # pragma: no cover
    main()
