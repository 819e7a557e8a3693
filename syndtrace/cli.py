"""The command line: parse options, call one library function, render.

No algorithm lives here. Errors from the library (``SyndtraceError``) become
one line on stderr, ``syndtrace: error: PATH: reason``, and the exit code
documented in the README; stdout carries data only.
"""

from __future__ import annotations

import os
import sys
from typing import Callable

import click

from syndtrace import __version__
from syndtrace.errors import EXIT_INTERRUPTED, EXIT_PARTIAL, SyndtraceError

TREE_FORMATS = ("tree", "json", "html")
SCAN_FORMATS = ("tree", "json", "jsonl", "csv", "graphml", "gexf", "dot", "html")


def _settings_options(func: Callable) -> Callable:
    """Options shared by every command that builds a ``Settings``."""
    options = [
        click.option("--min-words", type=int, default=None, help="Shortest passage reported, in words [8]."),
        click.option("--shingle-size", type=int, default=None, help="Words per shingle [5]."),
        click.option("--max-gap", type=int, default=None, help="Largest gap (words) merged into one passage [8]."),
        click.option("--num-perm", type=int, default=None, help="MinHash permutations [128]."),
        click.option("--seed", type=int, default=None, help="MinHash seed [1]."),
        click.option(
            "--min-authored-words", type=int, default=None,
            help="Unquoted shared words needed to call a pair reuse rather than a shared quote [20].",
        ),
        click.option("--color/--no-color", default=None, help="Force colour on or off (default: on a terminal, unless NO_COLOR)."),
        click.option("--width", type=int, default=None, help="Width of the tree output (default: the terminal's)."),
        click.option(
            "--date-order", type=click.Choice(["dmy", "mdy"]), default=None,
            help="Read numeric metadata dates such as 10/02/2020 as day/month/year or month/day/year [unread].",
        ),
        click.option(
            "--timeout", "fetch_timeout", type=float, default=None, metavar="SECONDS",
            help="Web pages given as URLs: seconds to wait for a connection or for data [20].",
        ),
        click.option("--cache", type=click.Path(file_okay=False), default=None, metavar="DIR", help="Keep fetched pages in DIR; a rerun reads them from there."),
        click.option(
            "--language", default=None, metavar="CODE",
            help="The texts' language (ISO 639-1: en, ur, ar, zh, ...) [detected per document from its script].",
        ),
        click.option(
            "--ocr/--no-ocr", default=None,
            help="OCR'd text: words differing by an OCR error still match; scan's fingerprints forgive OCR confusions [off].",
        ),
        click.option(
            "--rewrites/--no-rewrites", default=None,
            help="JSON: mark possible rewrites (one topic, shared names and numbers, few shared words) [off].",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _passage_text_options(func: Callable) -> Callable:
    """``--passage-text`` and its short form ``--no-passage-text`` (JSON output only)."""
    func = click.option(
        "--no-passage-text", is_flag=True, help="JSON: passage offsets only, no passage text (--passage-text none).",
    )(func)
    return click.option(
        "--passage-text", type=click.Choice(["once", "full", "none"]), default=None,
        help="JSON: each document's shared text once in 'texts' [once], on every passage side (full), or none.",
    )(func)


def _passage_text(passage_text: str | None, no_passage_text: bool) -> str:
    if no_passage_text and passage_text not in (None, "none"):
        raise click.UsageError(f"--no-passage-text and --passage-text {passage_text} contradict each other; give one")
    return "none" if no_passage_text else passage_text or "once"


def _settings(**values):
    from syndtrace.settings import Settings

    return Settings(**{k: v for k, v in values.items() if v is not None})


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def _refuse_page_on_terminal(fmt: str, output: str | None) -> None:
    """A web page printed on a terminal is of no use to anyone: ask for a file (before any work is done)."""
    if fmt == "html" and output in (None, "-") and _stdout_is_terminal():
        raise click.UsageError("--format html writes a web page: give -o FILE (e.g. -o report.html), or redirect stdout to a file")


def _run(action: Callable[[], int]) -> None:
    """Run a command body, turning library errors into messages and exit codes."""
    try:
        code = action()
        sys.stdout.flush()  # a closed pipe shows here, inside the handler, not at exit
    except SyndtraceError as exc:
        click.echo(f"syndtrace: error: {exc.message}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("syndtrace: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # The reader went away (`syndtrace scan ... | head`): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    sys.exit(code)


@click.group(name="syndtrace", context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="syndtrace")
def main() -> None:
    """Trace news syndication: shared passages, who copied whom, and the evidence."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(TREE_FORMATS), default="tree", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(allow_dash=True), default=None, help="Write the output to this file.")
@_passage_text_options
@_settings_options
def compare(paths, fmt, output, passage_text, no_passage_text, color, width, cache, **settings) -> None:
    """Compare articles: shared passages, who copied whom, and the tree.

    PATHS are two or more article files (UTF-8 or another detected encoding,
    optional front matter), saved web pages (.html, .htm) or URLs of web
    pages; - reads one article from stdin.
    """
    _refuse_page_on_terminal(fmt, output)

    text_mode = _passage_text(passage_text, no_passage_text)

    def action() -> int:
        from syndtrace.pipeline import compare as run_compare

        result = run_compare(list(paths), _settings(**settings), cache=cache)
        _notes(result)
        _write(result, fmt, output, list(paths) + result.input_files(), color, width, text_mode)
        if not result.passages:
            click.echo("syndtrace: no shared passages", err=True)
        return 0

    _run(action)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(SCAN_FORMATS), default="tree", show_default=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(allow_dash=True), default=None, help="Write the output to this file.")
@click.option("--workers", type=int, default=None, help="Worker processes [all cores]; the output is the same for any number.")
@click.option("--field", "fields", multiple=True, metavar="NAME=COLUMN", help="Map a record field, e.g. --field text=body.")
@click.option("--urls", "url_lists", multiple=True, type=click.Path(dir_okay=False), metavar="FILE", help="Fetch the web pages listed in FILE, one URL a line.")
@click.option("-q", "--quiet", is_flag=True, help="No progress on stderr.")
@click.option(
    "--max-df", type=int, default=None,
    help="A fingerprint in more documents than this pairs only copies of one story, never unrelated articles [64].",
)
@click.option(
    "--family-pairs", "family_pairs", type=click.Path(dir_okay=False), default=None, metavar="FILE",
    help="Also write every pair of each family's members, with the passages they share, to FILE (JSON lines).",
)
@_passage_text_options
@_settings_options
def scan(
    paths, fmt, output, workers, fields, url_lists, quiet, family_pairs, passage_text, no_passage_text, color, width, cache,
    **settings,
) -> None:
    """Find reprint families across a corpus: folders, JSONL, CSV, JSON, web pages and web archives.

    PATHS are folders (read recursively: .txt .md .json .jsonl .csv .html .htm
    .warc .warc.gz), corpus files or URLs; - reads JSONL records from stdin.
    Bad inputs are reported on stderr and skipped; the exit code is 1 when
    any were.
    """
    _refuse_page_on_terminal(fmt, output)

    if not paths and not url_lists:
        raise click.UsageError("give PATHS to scan, or --urls FILE")

    text_mode = _passage_text(passage_text, no_passage_text)
    if family_pairs is not None and (
        family_pairs == "-" or (output not in (None, "-") and os.path.realpath(family_pairs) == os.path.realpath(output))
    ):
        raise click.UsageError("--family-pairs takes a file of its own: not -, not the -o file")

    def action() -> int:
        from syndtrace.corpus import FieldMap
        from syndtrace.progress import Progress
        from syndtrace.scan import scan as run_scan

        field_map = FieldMap.parse(list(fields)) if fields else None
        run_settings = _settings(workers=workers, **settings)
        with Progress(enabled=not quiet) as progress:
            result = run_scan(
                list(paths), run_settings, fields=field_map, progress=progress, url_lists=list(url_lists), cache=cache
            )  # fmt: skip
        for problem in result.problems:
            click.echo(f"syndtrace: skipped {problem.message}", err=True)
        _notes(result)
        inputs = list(paths) + result.input_files()
        if family_pairs is not None:
            from syndtrace.output import check_target

            check_target(family_pairs, inputs, "--family-pairs")  # before any output is written
        _write(result, fmt, output, inputs, color, width, text_mode)
        if family_pairs is not None:
            from syndtrace.familypairs import write_family_pairs

            with Progress(enabled=not quiet) as progress:
                write_family_pairs(result, run_settings, family_pairs, inputs, progress)
        return EXIT_PARTIAL if result.problems else 0

    _run(action)


def _notes(result) -> None:
    """Inputs used but not wholly understood: said on stderr; the exit code does not change."""
    for note in result.notes:
        click.echo(f"syndtrace: note: {note.message}", err=True)


def _write(result, fmt: str, output: str | None, inputs: list[str], color, width, passage_text: str = "once") -> None:
    from syndtrace.output import open_output

    with open_output(output, inputs) as stream:
        if fmt == "tree":
            from syndtrace.render.tree import make_console, render_tree

            console = make_console(stream, width, False if output else color)
            if result.command == "scan":
                from syndtrace.render.forest import render_forest

                render_forest(result, console)
            else:
                render_tree(result, console)
        elif fmt == "json":
            from syndtrace.render.json import dump

            dump(result, stream, passage_text=passage_text)
        elif fmt == "html":
            from syndtrace.render.html import render_html

            render_html(result, stream)
        else:
            from syndtrace.render.export import FORMATS

            FORMATS[fmt](result, stream)
