"""Command line: `python -m pipeline run|eval|review|build-models`."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Scraped Chinese meeting reports in, normalized tables out.")


class Segmenter(str, Enum):
    jieba = "jieba"
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
    segmenter: Segmenter = typer.Option(Segmenter.jieba, help="Word segmenter of the spaCy tokenizer"),
    fmt: Format = typer.Option(Format.parquet, "--format", help="Table files: parquet (default) or csv; a DuckDB file is always written"),
    workers: int = typer.Option(0, help="Worker processes (0: all cores)"),
    executor: Executor = typer.Option(Executor.local, help="local processes or a Dask cluster"),
    scheduler: str = typer.Option(None, help="Dask scheduler address (default: start a local cluster)"),
    force: bool = typer.Option(False, help="Reprocess every document, not only new and changed ones"),
    progress: bool = typer.Option(True, help="Show a progress bar"),
):
    """Process every page under INPUT_DIR and write the tables to --out."""
    from .executors import run_corpus
    from .segment import MissingModelError

    try:
        summary = run_corpus(input_dir, out, segmenter=segmenter.value, fmt=fmt.value,
                             workers=workers or None, executor=executor.value, scheduler=scheduler,
                             progress=progress and sys.stderr.isatty(), force=force)
    except MissingModelError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    typer.echo(str(summary), err=True)


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
def build_models(segmenter: list[Segmenter] = typer.Option([Segmenter.jieba, Segmenter.pkuseg])):
    """Save the assembled pipelines (config.cfg + tokenizer data) under models/."""
    from .nlp import save_pipeline

    for s in segmenter:
        typer.echo(f"saved {save_pipeline(s.value)}")


def main():
    app()
