"""Command line: `python -m pipeline run|eval|review|build-models|show|report|diff|query`."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Scraped Chinese meeting reports in, normalized tables out.")


class Segmenter(str, Enum):
    jieba = "jieba"
    jieba_py = "jieba-py"
    pkuseg = "pkuseg"


class Format(str, Enum):
    parquet = "parquet"
    csv = "csv"


class Executor(str, Enum):
    local = "local"
    dask = "dask"


@app.command()
def run(
    input_dir: Path = typer.Argument(..., exists=True, help="Folder (or one file) of scraped pages: .txt, .html, .json, .jsonl"),
    out: Path = typer.Option(Path("data/processed"), "--out", "-o", help="Output folder for the tables"),
    segmenter: Segmenter = typer.Option(Segmenter.jieba, help="Word segmenter of the spaCy tokenizer (jieba: Rust jieba; jieba-py: Python jieba)"),
    fmt: Format = typer.Option(Format.parquet, "--format", help="Table files: parquet (default) or csv; a DuckDB file is always written"),
    workers: int = typer.Option(0, help="Worker processes (0: all cores)"),
    executor: Executor = typer.Option(Executor.local, help="local processes or a Dask cluster"),
    scheduler: str = typer.Option(None, help="Dask scheduler address (default: start a local cluster)"),
    force: bool = typer.Option(False, help="Reprocess every document, not only new and changed ones"),
    progress: bool = typer.Option(True, help="Show a progress bar"),
    page_timeout: float = typer.Option(300.0, help="Seconds one page may take before it gets an error row (0: no limit)"),
    max_page_chars: int = typer.Option(1_000_000, help="Longer pages (after cleaning) get an error row, never cut"),
    max_error_rate: float = typer.Option(0.0, help="Exit 1 when more than this share of the pages are errors"),
):
    """Process every page under INPUT_DIR and write the tables to --out.

    Exit codes: 0 all pages ok (or errors within --max-error-rate), 1 more
    pages failed, 2 usage or configuration error (nothing processed), 130
    interrupted (committed batches are kept; run again to resume)."""
    import signal

    from .executors import ConfigError, run_corpus

    signal.signal(signal.SIGTERM, _interrupt)
    try:
        summary = run_corpus(input_dir, out, segmenter=segmenter.value, fmt=fmt.value,
                             workers=workers, executor=executor.value, scheduler=scheduler,
                             progress=progress and sys.stderr.isatty(), force=force,
                             page_timeout=page_timeout, max_page_chars=max_page_chars,
                             notify=lambda message: typer.echo(f"note: {message}", err=True))
    except ConfigError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    except KeyboardInterrupt:
        typer.echo("interrupted: the batches committed so far are kept; run again to resume", err=True)
        raise typer.Exit(130)
    typer.echo(str(summary), err=True)
    if summary.errors and summary.error_rate > max_error_rate:
        typer.echo(f"{summary.errors} of {summary.documents} pages are errors ({summary.error_rate:.1%}, "
                   f"over --max-error-rate {max_error_rate:g}); the reasons and tracebacks are in "
                   f"{out / '_state' / 'run.log'} and documents.error", err=True)
        raise typer.Exit(1)


def _interrupt(signum, frame):
    raise KeyboardInterrupt


@app.command("eval")
def evaluate(
    gold: Path = typer.Argument(..., exists=True, help="gold.jsonl in the format of ANNOTATION.md"),
    out_dir: Path = typer.Argument(..., exists=True, help="Folder of output tables"),
    min_headline: float = typer.Option(0.0, "--min-headline", help="Fail (exit 1) below this headline F1"),
    min_field: list[str] = typer.Option([], "--min", help="FIELD=VALUE, e.g. --min people=0.9 (repeatable)"),
    docs: str = typer.Option(None, help="Comma-separated doc ids to score"),
):
    """Score output tables against gold annotations; exit 1 below a threshold."""
    from .evaluate import check_thresholds, format_report, load_gold, score_dir

    report, _ = score_dir(load_gold(gold), out_dir, set(docs.split(",")) if docs else None)
    typer.echo(format_report(report))
    thresholds = {"headline_f1": min_headline} if min_headline else {}
    for item in min_field:
        field, _, value = item.partition("=")
        thresholds[field] = float(value)
    failures = check_thresholds(report, thresholds)
    for f in failures:
        typer.echo(f"below threshold: {f}", err=True)
    raise typer.Exit(1 if failures else 0)


@app.command()
def review(
    out_dir: Path = typer.Argument(..., exists=True, file_okay=False, help="Folder of output tables"),
    limit: int = typer.Option(20, help="Rows shown per check (0: only the counts)"),
    check: list[str] = typer.Option([], help="Only these checks (repeatable)"),
):
    """List suspicious output for a person to read: names without a surname, one-character names,
    names holding function words, posts where a name should be, empty items, meetings without a date,
    over-long venues.

    Example: python -m pipeline review data/processed --limit 5
    """
    from rich.console import Console
    from rich.table import Table

    from .review import CHECKS, counts
    from .review import review as find

    unknown = set(check) - {c.name for c in CHECKS}
    if unknown:
        typer.echo(f"error: unknown check {', '.join(sorted(unknown))}; one of {', '.join(c.name for c in CHECKS)}",
                   err=True)
        raise typer.Exit(2)
    findings = [f for f in find(out_dir) if not check or f.check in check]
    console = Console(width=160)
    summary = Table("check", "rows", "what it flags", title=f"review of {out_dir}")
    for c in CHECKS:
        if not check or c.name in check:
            summary.add_row(c.name, str(counts(findings)[c.name]), c.why)
    console.print(summary)
    if limit:
        for c in CHECKS:
            shown = [f for f in findings if f.check == c.name][:limit]
            if shown:
                listing = Table("doc_id", "row", title=c.name)
                for f in shown:
                    listing.add_row(f.doc_id, f.what)
                console.print(listing)


@app.command("build-models")
def build_models(segmenter: list[Segmenter] = typer.Option(list(Segmenter))):
    """Write the user dictionary generated from the lexicons (models/generated/userdict.txt) and
    save the assembled pipelines (config.cfg + tokenizer data) under models/."""
    from .nlp import save_pipeline
    from .userdict import build_user_dict

    typer.echo(f"wrote {build_user_dict()}")
    for s in segmenter:
        typer.echo(f"saved {save_pipeline(s.value)}")


@app.command()
def show(
    out_dir: Path = typer.Argument(..., exists=True, file_okay=False, help="Output folder of a run"),
    doc_id: str = typer.Argument(..., help="The document's doc_id (documents.doc_id)"),
    html: Path = typer.Option(None, "--html", help="HTML file to write (default OUT_DIR/views/show/DOC_ID.html)"),
):
    """One page's text with every extracted span highlighted, beside a card per meeting (HTML).

    The highlights are drawn by spaCy's displaCy span renderer from the tables' offsets; the file
    needs no network to open.

    Example: python -m pipeline show data/processed d000 --html d000.html
    """
    from .views.outputs import NoTablesError
    from .views.show import UnknownDocument, write_show

    try:
        typer.echo(write_show(out_dir, doc_id, html))
    except (NoTablesError, UnknownDocument) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)


@app.command()
def report(
    out_dir: Path = typer.Argument(..., exists=True, file_okay=False, help="Output folder of a run"),
    html: Path = typer.Option(None, "--html", help="HTML file to write (default OUT_DIR/views/report.html)"),
):
    """One self-contained HTML report of a whole run, with charts.

    Documents, errors and empty pages, coverage, meetings per month, chairs, participants,
    organizers, a co-participation network, and the lowest-coverage pages linked to their show
    view (written to show/ beside the report). Plotly's JavaScript is inlined: the file opens offline.

    Example: python -m pipeline report data/processed --html report.html
    """
    from rich.console import Console

    from .views.outputs import NoTablesError
    from .views.report import write_report

    console = Console(stderr=True)
    try:
        with console.status("writing the report", spinner="dots") if sys.stderr.isatty() else _nothing():
            target = write_report(out_dir, html)
    except NoTablesError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    typer.echo(target)


@app.command()
def diff(
    old_out: Path = typer.Argument(..., exists=True, file_okay=False, help="Output folder of the reference run"),
    new_out: Path = typer.Argument(..., exists=True, file_okay=False, help="Output folder of the run to check"),
    max_changed: int = typer.Option(0, "--max-changed", help="Differences tolerated before exit 1"),
    ignore: list[str] = typer.Option([], "--ignore", help="Column left out, e.g. path or documents.path (repeatable)"),
    max_listed: int = typer.Option(200, "--max-listed", help="Changed rows listed at most"),
    json_file: Path = typer.Option(None, "--json", help="Also write the whole diff to this JSON file"),
):
    """Compare two runs: rows added, removed, changed and moved, per table and per document.

    Changed: the same id with other values; moved: the same content with shifted ids or offsets.
    Exit 0 when the runs differ in at most --max-changed rows and columns, 1 otherwise.

    Example: python -m pipeline diff tests/expected/raw data/processed --ignore documents.path
    """
    from .views.diff import diff_runs, print_diff
    from .views.outputs import NoTablesError

    from rich.console import Console

    try:
        with Console(stderr=True).status("comparing the runs") if sys.stderr.isatty() else _nothing():
            result = diff_runs(old_out, new_out, ignore)
    except NoTablesError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    print_diff(result, max_listed)
    if json_file:
        import json

        from .views.diff import diff_as_dict

        json_file.write_text(json.dumps(diff_as_dict(result), ensure_ascii=False, indent=1), encoding="utf-8")
    raise typer.Exit(0 if result.n_differences <= max_changed else 1)


@app.command()
def query(
    out_dir: Path = typer.Argument(..., exists=True, file_okay=False, help="Output folder of a run"),
    sql: str = typer.Argument(..., help="DuckDB SQL over the run's tables (documents, meetings, people, …)"),
    csv: Path = typer.Option(None, "--csv", help="Write the result to this CSV file"),
    parquet: Path = typer.Option(None, "--parquet", help="Write the result to this Parquet file"),
    limit: int = typer.Option(100, "--limit", help="Rows printed at most (0: all); files get every row"),
):
    """DuckDB SQL over a run's tables, printed as a table or written to --csv / --parquet.

    Example: python -m pipeline query data/processed "SELECT chair, count(*) AS n FROM meetings GROUP BY chair ORDER BY n DESC"
    """
    from .views.outputs import NoTablesError
    from .views.query import QueryError, export_query, print_rows, run_query

    if csv and parquet:
        typer.echo("error: give --csv or --parquet, not both", err=True)
        raise typer.Exit(2)
    try:
        if csv or parquet:
            n = export_query(out_dir, sql, csv or parquet, "csv" if csv else "parquet")
            typer.echo(f"{n} rows -> {csv or parquet}", err=True)
        else:
            columns, rows = run_query(out_dir, sql)
            print_rows(columns, rows, limit)
    except (NoTablesError, QueryError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)


def _nothing():
    from contextlib import nullcontext

    return nullcontext()

