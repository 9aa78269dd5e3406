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

from pzspec.errors import InputError
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

__all__ = [
    "Kind",
    "Library",
    "RuleBook",
    "SetInfo",
    "SourceFile",
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


def library(extra: Iterable[Path] = (), *, defaults: bool = True) -> Library:
    """The shipped data (unless ``defaults`` is False) plus the files and folders in ``extra``.
    Extra data is validated against the whole before use."""
    sources = list(shipped_sources()) if defaults else []
    added = read_sources(extra)
    lib = Library(tuple(sources + added))
    if added or not defaults:
        from pzspec.load.validate import errors_in  # the checks of `validate`: only for --rules

        problems = errors_in(lib)
        if problems:
            raise InputError(problems)
    return lib


def by_version(version: str | None) -> RuleBook:
    return library().named(version)


def default_book(as_of: dt.date) -> RuleBook:
    return library().at(as_of)
