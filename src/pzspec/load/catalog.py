"""The rule data a command uses: the shipped data plus ``--rules``, checked as a whole.

``library()`` reads the rule files (``pzspec.load.sources``) into a ``Library``
(``pzspec.load.book``) and, when files were added or the shipped data left out, refuses it
unless ``pzspec.load.validate.errors_in`` finds no error. The import runs one way:
catalog -> validate -> (sources, book); validate never imports this module, so there is no
cycle. The names of sources and book are available here too, for callers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from pzspec.errors import InputError, Problem
from pzspec.load.book import Library, RuleBook, SetInfo, build, in_force
from pzspec.load.sources import (
    Kind,
    SourceFile,
    data_dir,
    read_source,
    read_sources,
    shipped_sources,
    templates_dir,
    yaml_files,
)
from pzspec.load.walk import walk
from pzspec.messages import msg

__all__ = [
    "Assembled",
    "Kind",
    "Library",
    "RuleBook",
    "SetInfo",
    "SourceFile",
    "assemble",
    "build",
    "by_version",
    "data_dir",
    "default_book",
    "in_force",
    "library",
    "read_source",
    "read_sources",
    "shipped_sources",
    "templates_dir",
    "yaml_files",
]


class Assembled(NamedTuple):
    """Rule data put together from the shipped data and the files given, with every problem
    found in it: the files that could not be read, and what ``validate`` finds in the whole."""

    library: Library
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]


def assemble(
    extra: Iterable[Path] = (), *, defaults: bool = True, whole: bool = False
) -> Assembled:
    """The one way rule data is put together, for ``check`` (``library``) and ``validate``
    alike, so that what one accepts the other can use.

    A file given with the same id as a shipped one (a version, a profile; a copy of
    ``data/`` to propose a change) replaces it: silently when its content is the same,
    else with one notice (``Library.notices``). The whole is checked when files were given,
    when the shipped data is left out, or with ``whole``. Errors are kept wherever they are
    found (a file given can break a shipped one); warnings about the shipped data are left
    out when files were given."""
    listed = walk(extra, keep=False)
    problems = list(listed.problems)
    own: list[SourceFile] = []
    for path in listed.files:
        try:
            own.append(read_source(path))
        except InputError as err:  # keep going: every broken file is reported
            problems += err.problems
    base = list(shipped_sources()) if defaults else []
    base, own, notices = _replacing(base, own)
    lib = Library(tuple(base + own), notices=tuple(notices))
    given = bool(listed.files or listed.problems)
    if given or not defaults or whole:
        from pzspec.load.validate import findings  # validate's checks: not for a plain check

        found = findings(lib)
        if given and defaults:
            mine = {s.display for s in own} | {str(p) for p in listed.files} | {"pzspec"}
            found = [p for p in found if p.level == "error" or p.file in mine]
        problems += found
    return Assembled(lib, problems)


def _replacing(
    base: list[SourceFile], own: list[SourceFile]
) -> tuple[list[SourceFile], list[SourceFile], list[Problem]]:
    """The shipped files a file given replaces (by kind and id), left out; an identical copy
    is left out itself (the shipped file is cited); a changed one gets a notice."""
    shipped = {(s.kind, s.set_id): s for s in base}
    replaced: set[tuple[str, str]] = set()
    kept: list[SourceFile] = []
    notices: list[Problem] = []
    for src in own:
        key = (src.kind, src.set_id)
        twin = shipped.get(key)
        if twin is None or key in replaced:
            kept.append(src)
        elif twin.sha256 == src.sha256:
            continue
        else:
            replaced.add(key)
            kept.append(src)
            notices.append(_notice(src, twin))
    return [s for s in base if (s.kind, s.set_id) not in replaced], kept, notices


_WHAT = {"rules": "what.version", "profile": "what.profile", "overlay": "what.overlay"}


def _notice(src: SourceFile, twin: SourceFile) -> Problem:
    field = "version" if src.kind == "rules" else "id"
    line, col = src.doc.where((field,))
    what = msg(_WHAT[src.kind])
    message = msg("val.replaces_shipped", what=what, id=src.set_id, other=twin.display)
    return Problem(src.display, line, col, message, msg("hint.replaces_shipped"), level="info")


def library(extra: Iterable[Path] = (), *, defaults: bool = True) -> Library:
    """The shipped data (unless ``defaults`` is False) plus the files and folders in ``extra``;
    refused when ``assemble`` finds an error (what ``validate`` reports)."""
    built = assemble(extra, defaults=defaults)
    if built.errors:
        raise InputError(built.errors)
    return built.library


def by_version(version: str | None) -> RuleBook:
    return library().named(version)


def default_book(as_of: dt.date) -> RuleBook:
    return library().at(as_of)
