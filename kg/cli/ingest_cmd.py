"""`kg ingest`: read sources, write the papers as JSONL, say what was kept and what was not."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from kg.cli.progress import with_progress
from kg.errors import MlkgError
from kg.ingest import collect, iter_source_records, papers_jsonl_lines, write_papers_jsonl
from kg.records import IngestReport
from kg.resources import DATA_DIR


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "ingest",
        help="read paper sources into one de-duplicated papers JSONL file",
        description=(
            "Read Daily Papers page dumps (.txt), JSON lines (.jsonl/.json: id,title,abstract records, "
            "arXiv metadata, or papers written by this command) and CSV (.csv) files or directories, "
            "merge duplicates and write one paper per line, sorted by id. A summary goes to stderr."
        ),
    )
    parser.add_argument(
        "--input",
        metavar="PATH",
        nargs="+",
        action="extend",
        type=Path,
        help="files or directories to read (default: the bundled corpus)",
    )
    parser.add_argument("--out", metavar="FILE", type=Path, help="write papers JSONL here (default: stdout)")
    parser.set_defaults(func=run)


def format_summary(report: IngestReport) -> str:
    """``read 253, kept 232, merged duplicates 21, skipped 0`` plus the skip reasons, if any.

    Example:
        >>> from kg.records import Skip
        >>> skips = (Skip("a", 1, "malformed-json", ""), Skip("a", 4, "missing-title", ""))
        >>> format_summary(IngestReport(5, 2, 1, skips))
        'read 5, kept 2, merged duplicates 1, skipped 2 (malformed-json: 1, missing-title: 1)'
    """
    line = f"read {report.read}, kept {report.kept}, merged duplicates {report.merged_duplicates}, "
    line += f"skipped {len(report.skipped)}"
    by_reason = report.skipped_by_reason()
    if by_reason:
        line += " (" + ", ".join(f"{reason}: {count}" for reason, count in by_reason.items()) + ")"
    return line


#: Exit status when the reader of stdout goes away (``kg ingest | head``), as a shell reports SIGPIPE.
EXIT_BROKEN_PIPE = 141


def _write_stdout(lines: list[str]) -> bool:
    """Write the lines; False when the reader closed the pipe (then stdout is pointed at devnull)."""
    try:
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            sys.stdout.writelines(lines)
            return True
        sys.stdout.flush()
        for line in lines:
            buffer.write(line.encode("utf-8"))
        buffer.flush()
    except BrokenPipeError:
        # Python flushes stdout again at exit: point it at devnull so that flush cannot fail too
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return False
    return True


def run(args: argparse.Namespace) -> int:
    inputs = args.input or [DATA_DIR]
    if args.out is not None and args.out.is_dir():
        raise MlkgError(f"--out {args.out} is a directory; give a file name such as papers.jsonl")
    result = collect(with_progress(iter_source_records(inputs), "ingest: records read", every=1000))
    if args.out is not None:
        try:
            write_papers_jsonl(result.papers, args.out)
        except OSError as error:
            raise MlkgError(f"cannot write {args.out}: {error.strerror or error}") from None
    elif not _write_stdout(list(papers_jsonl_lines(result.papers))):
        return EXIT_BROKEN_PIPE
    print(f"kg ingest: {format_summary(result.report)}", file=sys.stderr)
    if args.out is not None:
        print(f"kg ingest: wrote {len(result.papers)} papers to {args.out}", file=sys.stderr)
    return 0
