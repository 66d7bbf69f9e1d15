"""The ``kg network`` and ``kg export`` commands: thin click commands over :mod:`kg.network`.

Nothing heavy is imported here (networkx, pyoxigraph and matplotlib load
inside the commands), so ``kg --help`` stays fast.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from kg.cli_errors import library_errors
from kg.network import RELATIONS

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["export", "network"]

log = logging.getLogger(__name__)

TABLE_FORMATS = ("table", "csv", "json")
EXPORT_FORMATS = ("gexf", "graphml", "json", "png", "svg")
#: Columns of ``kg network``'s table, CSV and JSON, in order.
COLUMNS = ("actor", "type", "pagerank", "betweenness", "in_degree", "out_degree",
           "weighted_in_degree", "weighted_out_degree", "community", "component", "iri")


def _projection_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options that choose what goes into the network, shared by both commands."""
    options = [
        click.argument("sources", nargs=-1, required=True, metavar="SOURCE...",
                       type=click.Path(exists=True)),
        click.option("-r", "--relation", "relations", multiple=True,
                     type=click.Choice(RELATIONS),
                     help="Keep only this relation (repeat for several; default: all)."),
        click.option("--since", metavar="YYYY-MM-DD",
                     help="Keep events on or after this day (undated events are left out)."),
        click.option("--until", metavar="YYYY-MM-DD",
                     help="Keep events on or before this day (undated events are left out)."),
        click.option("--min-weight", type=click.IntRange(min=1), default=1, show_default=True,
                     help="Keep relations between two actors that at least this many "
                          "events support."),
        click.option("--around", metavar="ACTOR",
                     help="Only the ego network of this actor (a name or an IRI)."),
        click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True,
                     help="With --around: how many steps away from the actor to go."),
        click.option("--all-modalities", is_flag=True,
                     help="Also project events that are not asserted (calls, threats, "
                          "denials ...)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _project(sources: tuple[str, ...], relations: tuple[str, ...], since: str | None,
             until: str | None, min_weight: int, around: str | None, depth: int,
             all_modalities: bool) -> nx.MultiDiGraph:
    from kg.network.project import project

    with library_errors():
        return project(list(sources), relations=relations or None, since=since, until=until,
                       min_weight=min_weight, around=around, depth=depth,
                       asserted_only=not all_modalities)


def _summary(graph: nx.MultiDiGraph) -> str:
    from kg.network.project import event_count

    events = event_count(graph)
    return f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} edges, {events} events"


def format_table(rows: list[dict[str, Any]], fmt: str) -> str:
    """The ranked rows as an aligned text table, CSV or JSON."""
    import csv
    import io
    import json

    if fmt == "json":
        return json.dumps([{c: r[c] for c in COLUMNS} for r in rows], indent=2,
                          ensure_ascii=False) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows([[r[c] for c in COLUMNS] for r in rows])
        return buffer.getvalue()
    shown = ("rank", *COLUMNS[:-1])
    header = ("#", "actor", "type", "pagerank", "betweenness", "in", "out", "w_in", "w_out",
              "community", "component")
    cells = [[str(i), *(_cell(r[c]) for c in shown[1:])] for i, r in enumerate(rows, 1)]
    widths = [max(len(h), *(len(row[j]) for row in cells)) if cells else len(h)
              for j, h in enumerate(header)]
    numeric = {0, 3, 4, 5, 6, 7, 8, 9, 10}

    def line(values: list[str] | tuple[str, ...]) -> str:
        return "  ".join(v.rjust(w) if j in numeric else v.ljust(w)
                         for j, (v, w) in enumerate(zip(values, widths, strict=True))).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths])]
                     + [line(row) for row in cells]) + "\n"


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    return "" if value is None else str(value)


@click.command()
@_projection_options
@click.option("-f", "--format", "fmt", type=click.Choice(TABLE_FORMATS), default="table",
              show_default=True, help="An aligned table, CSV or JSON.")
@click.option("-n", "--top", type=click.IntRange(min=1), metavar="N",
              help="Only the N highest-ranked actors.")
@click.option("-o", "--output", default="-", metavar="FILE",
              help="Where to write the table (default: stdout).")
def network(sources: tuple[str, ...], relations: tuple[str, ...], since: str | None,
            until: str | None, min_weight: int, around: str | None, depth: int,
            all_modalities: bool, fmt: str, top: int | None, output: str) -> None:
    """Rank the actors of the network in SOURCE... (graphs kg extract wrote).

    The network links actors by who expelled whom, who was suspended from
    which body, who voted on whom and who spoke about whom (or for which
    organisation). Each actor's row gives its PageRank, betweenness, degrees
    (distinct actors; w_ = events), Louvain community and component.

    \b
    Examples:
      kg network graph.ttl
      kg network graph.ttl --around Russia --depth 2 --format csv
      kg network corpus.trig -r expelled -r voted --since 2022-01-01 --top 20
    """
    from kg.io.output import write_text
    from kg.network.measures import ranking

    graph = _project(sources, relations, since, until, min_weight, around, depth,
                     all_modalities)
    rows = ranking(graph)
    if top is not None:
        rows = rows[:top]
    with library_errors():
        write_text(output, format_table(rows, fmt))
    click.echo(_summary(graph), err=True)


@click.command()
@_projection_options
@click.option("-o", "--output", required=True, metavar="FILE",
              help="Where to write ('-' for stdout). The extension picks the format.")
@click.option("-f", "--format", "fmt", type=click.Choice(EXPORT_FORMATS),
              help="gexf (Gephi, Gephi Lite), graphml, json (node-link), png or svg "
                   "(default: from the output's extension).")
@click.option("--static", is_flag=True,
              help="GEXF: no timeline, even when the events are dated.")
@click.option("--seed", type=int, default=7, show_default=True,
              help="Seed of the layout (positions in every format, and the picture).")
@click.option("--title", help="Title of the picture (and the GEXF description).")
def export(sources: tuple[str, ...], relations: tuple[str, ...], since: str | None,
           until: str | None, min_weight: int, around: str | None, depth: int,
           all_modalities: bool, output: str, fmt: str | None, static: bool, seed: int,
           title: str | None) -> None:
    """Export the actor network of SOURCE... for Gephi, web viewers, or as a picture.

    GEXF 1.3 keeps parallel relations apart (kind = relation), carries the
    measures, colours by actor type, sizes by PageRank and, when events are
    dated, a timeline Gephi replays. GraphML and node-link JSON hold the same
    attributes; PNG and SVG draw the network with the main actors named.

    \b
    Examples:
      kg export graph.ttl --output network.gexf
      kg export graph.ttl --around Russia --output russia.png
      kg export corpus.trig -r voted --format json --output votes.json
    """
    from kg.network.export import export as write_export
    from kg.network.export import format_for

    graph = _project(sources, relations, since, until, min_weight, around, depth,
                     all_modalities)
    with library_errors():
        chosen = fmt or ("gexf" if output == "-" else format_for(output))
        write_export(graph, output, chosen, dynamic=not static, seed=seed, title=title)
    click.echo(f"{_summary(graph)} -> {output}", err=True)
