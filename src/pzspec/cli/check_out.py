"""Where ``pzspec check`` puts what it renders: stdout, one file (``-o FILE``) or a folder
of reports with an index (``-o MAP/`` for html and markdown).

Each target takes the outcomes in input order (``put``) and the sink's closing text
(``close``); none keeps results, so memory stays flat over any number of portfolios. A file
is written through ``fsio.AtomicFile``: it appears complete or not at all, and an existing
file is never replaced without ``--force``.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from pzspec.cli.fsio import AtomicFile, refuse_target, write_atomic
from pzspec.errors import InputError
from pzspec.evaluate.batch import Outcome, Tally
from pzspec.messages import msg
from pzspec.render.i18n import Lang

STDIN_NAME = "<stdin>"
DOC_SUFFIX = {"html": ".html", "markdown": ".md"}
_UNSAFE = re.compile(r"[^\w.-]+")


class ToStdout:
    def put(self, outcome: Outcome, piece: str) -> None:
        sys.stdout.write(piece)

    def close(self, tail: str, tally: Tally) -> None:
        sys.stdout.write(tail)


class ToFile:
    """One file, streamed into a temporary file; it takes its name only if at least one
    portfolio could be checked or something was said about one (a JSON error entry)."""

    def __init__(self, path: Path, *, force: bool, lang: Lang) -> None:
        self.out = AtomicFile(path, force=force, lang=lang)
        self.said = False

    def put(self, outcome: Outcome, piece: str) -> None:
        self.said = self.said or bool(piece)
        self.out.write(piece)

    def close(self, tail: str, tally: Tally) -> None:
        checked = tally.verdicts.total() > tally.verdicts["error"] + tally.verdicts["internal"]
        if not (self.said or checked):
            self.out.discard()
            return
        self.out.write(tail)
        self.out.commit()

    def discard(self) -> None:
        self.out.discard()


class ToFolder:
    """One report per portfolio in ``folder`` (names from ``report_names``) and an index
    page that links them, written as the batch runs."""

    def __init__(
        self,
        folder: Path,
        fmt: str,
        names: list[str],
        skip: int,
        *,
        force: bool,
        lang: Lang,
    ) -> None:
        from pzspec.render import index_page

        self.folder, self.fmt, self.force, self.lang = folder, fmt, force, lang
        self.names: Iterator[str] = iter(names)
        self.skip = skip  # folder entries that could not be used come first: no report
        self.pages = index_page
        self.index = AtomicFile(folder / index_page.INDEX[fmt], force=force, lang=lang)
        self.index.write(index_page.head(fmt, lang))

    def put(self, outcome: Outcome, piece: str) -> None:
        from pzspec.render.problems import problem_text

        name = None
        if self.skip:
            self.skip -= 1
        else:
            name = next(self.names, None)
        link = None
        if piece and name is not None:
            write_atomic(self.folder / name, piece, force=self.force, lang=self.lang)
            link = name
        problem = problem_text(outcome.problems[0], self.lang) if outcome.problems else None
        line = self.pages.row(self.fmt, self.lang, outcome.file, link, outcome.verdict, problem)
        self.index.write(line)

    def close(self, tail: str, tally: Tally) -> None:
        self.index.write(self.pages.tail(self.fmt, self.lang, tally))
        self.index.commit()

    def discard(self) -> None:
        self.index.discard()


def is_folder_target(output: Path, paths: Iterable[Path]) -> bool:
    """``-o`` names a folder of reports when it is a folder, or has no suffix and does not
    exist while the input holds a folder (``pzspec check team/ -f html -o rapporten``);
    otherwise it is one document (``-o team.html``), as for a single file."""
    if output.is_dir():
        return True
    return not output.suffix and not output.exists() and any(p.is_dir() for p in paths)


def report_names(files: list[str], fmt: str, *, redact: bool, first: int = 1) -> list[str]:
    """A file name in the report folder per input file, in order, never twice (compared
    without case, for file systems that ignore it) and never the index's. The name is the
    input path below the folder all inputs share, folders joined by ``__``
    (``team/a/jansen.yaml`` -> ``a__jansen.html``); with ``redact`` it is the neutral
    label (``portfolio-1.html``, numbered from ``first`` as the labels are), since a file
    name often names the person."""
    from pzspec.render.index_page import INDEX

    suffix = DOC_SUFFIX[fmt]
    used = {INDEX[fmt].lower()}
    base = _common_folder(files) if not redact else ""
    out = []
    for i, file in enumerate(files, first):
        stem = f"portfolio-{i}" if redact else _flat(file, base)
        name, n = stem + suffix, 1
        while name.lower() in used:
            n += 1
            name = f"{stem}-{n}{suffix}"
        used.add(name.lower())
        out.append(name)
    return out


def _common_folder(files: list[str]) -> str:
    folders = [os.path.dirname(os.path.abspath(f)) for f in files if f != STDIN_NAME]
    return os.path.commonpath(folders) if folders else ""


def _flat(file: str, base: str) -> str:
    if file == STDIN_NAME:
        return "stdin"
    relative = os.path.relpath(os.path.abspath(file), base) if base else file
    parts = [p for p in Path(relative).with_suffix("").parts if p not in ("", ".", "..", "/")]
    cleaned = [_UNSAFE.sub("_", p).lstrip(".") for p in parts]
    return "__".join(p for p in cleaned if p) or "portfolio"


def prepare_folder(folder: Path, names: list[str], fmt: str, *, force: bool) -> None:
    """Make the report folder (its parent must exist) and refuse, before anything is
    checked or written, a report or index that is already there (without ``--force``)."""
    from pzspec.render.index_page import INDEX

    if not folder.is_dir():
        if not folder.parent.is_dir():
            raise InputError.single(str(folder), msg("err.no_folder"), msg("hint.no_folder"))
        try:
            folder.mkdir()
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise InputError.single(
                str(folder), msg("err.write", reason=reason), msg("hint.write")
            ) from None
        return
    for name in [INDEX[fmt], *names]:
        refuse_target(folder / name, force=force)


def read_stdin(limit: int) -> tuple[bytes, int]:
    """At most ``limit + 1`` bytes of stdin, and its whole size (read on, not kept)."""
    stream = sys.stdin.buffer if sys.stdin is not None else None
    if stream is None:
        return b"", 0
    kept = stream.read(limit + 1)
    size = len(kept)
    while size > limit:
        chunk = stream.read(1 << 20)
        if not chunk:
            break
        size += len(chunk)
    return kept, size
