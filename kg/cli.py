"""The ``kg`` command: thin click commands over the library.

Data goes to stdout or ``--output``; messages and progress go to stderr.
Library errors become one-line ``click.ClickException`` messages here.
"""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

import click

from kg import __version__
from kg.cli_errors import library_errors

if TYPE_CHECKING:
    from kg.errors import InputError
    from kg.records import Article

#: Show a progress bar from this many articles on.
PROGRESS_FROM = 20
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


def _read_all(inputs: tuple[str, ...], *, date: str | None, article_id: str | None,
              skip_errors: bool) -> list[Article]:
    from kg.io import read_articles

    skipped: list[InputError] = []

    def report(error: InputError) -> None:
        skipped.append(error)
        click.echo(f"skipped: {error}", err=True)

    articles = list(read_articles(list(inputs), date=date, id=article_id,
                                  skip_errors=skip_errors, on_error=report))
    if not articles:
        raise click.ClickException("no article could be read from the input"
                                   + (f" ({len(skipped)} skipped)" if skipped else ""))
    return articles


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
@click.option("--date", metavar="YYYY-MM-DD", help="Publication date for every article.")
@click.option("--id", "article_id", metavar="ID", help="Identifier for a single article.")
@click.option("--skip-errors", is_flag=True,
              help="Report bad files or records on stderr and go on with the rest.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
def extract(inputs: tuple[str, ...], output: str, fmt: str | None, model: str | None,
            date: str | None, article_id: str | None, skip_errors: bool, quiet: bool) -> None:
    """Extract actors and events from INPUT... and write an RDF graph.

    INPUT is a .txt, .md, .html, .json or .jsonl file, a folder (read
    recursively) or '-' for standard input. Nothing is written unless every
    input is read (or, with --skip-errors, reported).

    \b
    Examples:
      kg extract article.txt --output graph.ttl
      kg extract news/ --output graph.trig
      kg extract articles.jsonl --output - --format nt
    """
    with library_errors():
        from kg.pipeline import build
        from kg.rdf.write import format_for, write_graph

        chosen = fmt or ("turtle" if output == "-" else format_for(output))
        articles = _read_all(inputs, date=date, article_id=article_id, skip_errors=skip_errors)
        show = not quiet and len(articles) >= PROGRESS_FROM
        with click.progressbar(length=len(articles), label="extracting", file=sys.stderr,
                               hidden=not show) as bar:
            result = build(articles, model=model, on_article=lambda _: bar.update(1))
        write_graph(result.dataset, output, chosen)
    if not quiet:
        s = result.summary()
        events = s["events"]
        assert isinstance(events, dict)
        detail = ", ".join(f"{k} {v}" for k, v in events.items())
        click.echo(f"{_count(s['articles'], 'article')}, {_count(s['actors'], 'actor')}, "
                   f"{_count(sum(events.values()), 'event')} ({detail}) -> {output}", err=True)


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


from kg.sparql.commands import load, query, serve

main.add_command(query)
main.add_command(load)
main.add_command(serve)


from kg.network.commands import export, network

main.add_command(network)
main.add_command(export)


if __name__ == "__main__":  # pragma: no cover
    main()
