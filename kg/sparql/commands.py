"""The ``kg query``, ``kg load``, ``kg serve`` and ``kg push`` commands (see :mod:`kg.cli`).

Thin click commands over :mod:`kg.sparql`; nothing heavy is imported until a
command runs, so ``kg --help`` stays fast. Data goes to stdout, messages to
stderr; library errors become one-line click errors.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, TextIO

import click

from kg.cli_errors import library_errors

if TYPE_CHECKING:
    from kg.sparql.gsp import Endpoint
    from kg.sparql.push import PushReport

__all__ = ["load", "push", "query", "serve"]

#: Every --format of kg query: results formats, then RDF syntaxes for graphs.
QUERY_FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "nt", "json-ld", "trig",
                 "nquads")


def _policy_options(command: click.decorators.FC) -> click.decorators.FC:
    for option in reversed((
        click.option("--allow-service", is_flag=True,
                     help="Let SERVICE call remote SPARQL endpoints (network access)."),
        click.option("--allow-load", is_flag=True,
                     help="Let LOAD fetch documents from the web into the data."),
        click.option("--allow-update", is_flag=True,
                     help="Let updates (INSERT, DELETE, CLEAR ...) change the data; a store "
                          "folder is then opened for writing."),
        click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0,
                     show_default=True, metavar="SECONDS", help="Time limit of each query."),
    )):
        command = option(command)
    return command


def _list_named() -> str:
    from kg.sparql import named_queries

    lines = []
    for named in named_queries().values():
        lines.append(f"{named.name}\n    {named.title}")
        lines += [f"    --param {name}=...  {text}" for name, text in named.params]
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("sources", nargs=-1, metavar="SOURCE...", type=click.Path(exists=True))
@click.option("--store", "store_dir", metavar="DIR", type=click.Path(exists=True, file_okay=False),
              help="Query the store folder DIR (made by kg load).")
@click.option("-e", "--query", "text", metavar="SPARQL", help="The query text.")
@click.option("-f", "--file", "query_file", type=click.File("r", encoding="utf-8"),
              help="Read the query from this file ('-' for stdin).")
@click.option("-n", "--named", metavar="NAME", help="Run a named question (see --list).")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (a string; <IRI>, 42, 2022-04-09, \"x\"@en, "
                   "\"5\"^^xsd:decimal), as an RDF term, never as query text; "
                   "repeatable. Named questions accept the parameters --list shows.")
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS),
              help="Output: table (default), csv, tsv, json, xml for SELECT/ASK; turtle "
                   "(default), nt, json-ld, trig, nquads for CONSTRUCT/DESCRIBE.")
@click.option("-o", "--output", default="-", metavar="FILE",
              help="Where to write the results (default: stdout).")
@click.option("--list", "list_named", is_flag=True, help="List the named questions and exit.")
@_policy_options
def query(sources: tuple[str, ...], store_dir: str | None, text: str | None,
          query_file: TextIO | None, named: str | None, params: tuple[str, ...],
          fmt: str | None, output: str, list_named: bool, allow_service: bool,
          allow_load: bool, allow_update: bool, timeout: float) -> None:
    """Run a SPARQL query over RDF files or a store folder.

    SOURCE is an RDF file newskg wrote (.ttl, .nt, .jsonld, .trig, .nq) or a
    store folder made by kg load. The query is given inline (-e), from a
    file (-f) or by name (--named). SELECT, ASK, CONSTRUCT and DESCRIBE.
    SERVICE, LOAD and updates are refused unless allowed.

    \b
    Examples:
      kg query graph.ttl -e 'SELECT ?s WHERE { ?s a kg:Country }'
      kg query graph.trig -f question.rq --format csv
      kg query --store kgstore --named quotations-by-speaker -p speaker='Kenneth Roth'
      kg query --list
    """
    if list_named:
        click.echo(_list_named(), nl=False)
        return
    with library_errors():
        from kg.io.output import write_text
        from kg.sparql import Policy, QueryError, execute, named_query, open_sources
        from kg.sparql.query import parse_param

        given = [q for q in (text, query_file, named) if q is not None]
        if len(given) > 1:
            raise QueryError("give one query: inline (-e), from a file (-f) or by name (--named)")
        if not given:
            raise QueryError("no query: give it with -e 'SPARQL', -f FILE or --named NAME "
                             "(kg query --list names the questions)")
        sparql = (named_query(named).text if named is not None
                  else query_file.read() if query_file is not None else str(text))
        chosen = list(sources) + ([store_dir] if store_dir else [])
        if not chosen:
            raise QueryError("no source: give RDF files or --store DIR")
        bindings = dict(parse_param(p) for p in params)
        policy = Policy(allow_service=allow_service, allow_update=allow_update,
                        allow_load=allow_load)
        store = open_sources(chosen, writable=allow_update or allow_load)
        result = execute(store, sparql, params=bindings, timeout=timeout, policy=policy)
        write_text(output, result.serialize(fmt).decode("utf-8"))
    if result.form == "SELECT":
        click.echo(f"{len(result)} row{'' if len(result) == 1 else 's'}", err=True)
    elif result.is_graph:
        click.echo(f"{len(result)} triple{'' if len(result) == 1 else 's'}", err=True)
    elif result.form == "UPDATE":
        click.echo("update applied", err=True)


@click.command()
@click.argument("graphs", nargs=-1, required=True, metavar="GRAPH...",
                type=click.Path(exists=True))
@click.option("--store", "store_dir", required=True, metavar="DIR", type=click.Path(),
              help="The store folder (created if needed).")
@click.option("-q", "--quiet", is_flag=True, help="No summary line.")
def load(graphs: tuple[str, ...], store_dir: str, quiet: bool) -> None:
    """Load RDF files into an on-disk store, for fast queries.

    GRAPH is a file kg extract wrote, or a folder of them (the shards of
    kg extract --output SHARDS/: all its RDF files); DIR is created if needed. One named graph per article: loading an article again replaces its graph,
    so loading the same files twice changes nothing. Query it with
    kg query --store DIR or kg serve DIR.
    """
    with library_errors():
        from kg.sparql import load as load_graphs

        report = load_graphs(graphs, store_dir)
    if not quiet:
        click.echo(f"{report.files} file{'' if report.files == 1 else 's'}, "
                   f"{report.articles} article graph{'' if report.articles == 1 else 's'}, "
                   f"{report.quads} quads in {store_dir}", err=True)


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...",
                type=click.Path(exists=True))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")
@_policy_options
def serve(sources: tuple[str, ...], host: str, port: int, allow_service: bool,
          allow_load: bool, allow_update: bool, timeout: float) -> None:
    """Serve RDF files or a store folder as a SPARQL 1.1 endpoint.

    GET and POST on /sparql, results in the format the Accept header asks
    for (SPARQL JSON, XML, CSV, TSV; Turtle, N-Triples, JSON-LD for graphs).
    Read-only unless --allow-update. Stop with Ctrl-C.
    """
    with library_errors():
        from kg.sparql import Policy, open_sources
        from kg.sparql.server import make_server

        policy = Policy(allow_service=allow_service, allow_update=allow_update,
                        allow_load=allow_load)
        store = open_sources(list(sources), writable=allow_update or allow_load)
        server = make_server(store, host=host, port=port, policy=policy, timeout=timeout)
    address, bound = server.server_address[:2]
    host_text = address.decode() if isinstance(address, bytes) else str(address)
    click.echo(f"SPARQL endpoint on http://{host_text}:{bound}/sparql (Ctrl-C to stop)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        server.server_close()
    sys.stdout.flush()


#: Show a progress bar from this many requests on.
PUSH_PROGRESS_FROM = 20


def _endpoint(ctx: click.Context, param: click.Parameter, value: str) -> Endpoint:
    from kg.errors import NewsKGError
    from kg.sparql.gsp import parse_endpoint

    try:
        return parse_endpoint(value)
    except NewsKGError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from exc


def _push_summary(report: PushReport, url: str) -> str:
    graphs = (f"{report.graphs} graph{'' if report.graphs == 1 else 's'} "
              f"({report.graph_triples} triples)")
    mode, count = report.default_mode, f"({report.default_triples} triples)"
    if report.dry_run:
        default = ("default graph left alone" if mode == "skip"
                   else f"default graph to {mode} {count}")
        return f"dry run, nothing sent: {graphs} to replace, {default} -> {url}"
    default = "default graph left alone" if mode == "skip" else f"default graph {mode}d {count}"
    return f"{graphs} replaced, {default} -> {url} in {report.seconds:.1f} s"


@click.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...",
                type=click.Path(exists=True))
@click.option("--endpoint", required=True, metavar="URL", callback=_endpoint,
              help="The graph store's URL (SPARQL 1.1 Graph Store Protocol), e.g. "
                   "http://127.0.0.1:7878/store (Oxigraph), http://HOST:3030/DATASET/data "
                   "(Fuseki).")
@click.option("--default-graph", "default_mode", default="merge", show_default=True,
              type=click.Choice(("merge", "replace", "skip")),
              help="The actors in the default graph: merge them (POST), replace the server's "
                   "default graph (PUT) or leave it alone.")
@click.option("--user", metavar="NAME", help="HTTP Basic user (password from --password-env).")
@click.option("--password-env", default="NEWSKG_PASSWORD", show_default=True, metavar="VAR",
              help="The environment variable holding --user's password.")
@click.option("--content-type", default="application/n-triples", show_default=True,
              type=click.Choice(("application/n-triples", "text/turtle")),
              help="How bodies are labelled (they are N-Triples, which is also Turtle).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=60.0,
              show_default=True, metavar="SECONDS",
              help="Time limit for connecting and for each answer.")
@click.option("--dry-run", is_flag=True,
              help="Read the sources and list the requests on stdout; send nothing.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
def push(sources: tuple[str, ...], endpoint: Endpoint, default_mode: str, user: str | None,
         password_env: str, content_type: str, timeout: float, dry_run: bool,
         quiet: bool) -> None:
    """Push graphs to a SPARQL server with the Graph Store HTTP Protocol.

    SOURCE is a .trig or .nq file kg extract wrote (the syntaxes that keep
    one named graph per article) or a store folder made by kg load. Each
    article graph is PUT (?graph=IRI), replacing the server's copy; the
    actors in the default graph are merged (POST ?default) unless
    --default-graph says otherwise. Pushing the same graphs twice changes
    nothing. Other graphs on the server are never touched.

    \b
    Examples:
      kg push graph.trig --endpoint http://127.0.0.1:7878/store
      kg push kgstore --endpoint http://127.0.0.1:3030/news/data --user admin
      kg push a.nq b.nq --endpoint https://example.org/store --dry-run
    """
    with library_errors():
        from kg.sparql.gsp import Credentials, GraphStore
        from kg.sparql.push import push as send
        from kg.sparql.push import read_graphs, request_count

        credentials = None
        if user is not None:
            password = os.environ.get(password_env)
            if password is None:
                raise click.ClickException(
                    f"--user {user} needs a password in the environment variable "
                    f"{password_env} (it is never read from the command line)")
            credentials = Credentials(user, password)
        graphs = read_graphs(sources)
        total = request_count(graphs, default_mode)
        if dry_run:
            report = send(graphs, None, default_mode=default_mode, on_request=lambda r:
                          click.echo(f"{r.method}\t{r.graph or 'default'}\t{r.triples}"))
        else:
            show = not quiet and total >= PUSH_PROGRESS_FROM
            with (GraphStore(endpoint, credentials=credentials, timeout=timeout,
                             content_type=content_type) as client,
                  click.progressbar(length=total, label="pushing", file=sys.stderr,
                                    hidden=not show) as bar):
                report = send(graphs, client, default_mode=default_mode,
                              on_request=lambda _: bar.update(1))
    if not quiet:
        click.echo(_push_summary(report, endpoint.url), err=True)
