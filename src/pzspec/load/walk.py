"""Walking folders: every entry is either a file to read or a reported problem.

One walker for batch folders (``check``), rule folders (``--rules``, ``validate``) and the
folders of ``diff``. Nothing is skipped in silence: an entry whose name matches the pattern
but that is not a regular file (a dangling symbolic link, a link loop, a pipe, a device), a
folder that cannot be read, and a symbolic link to a folder (not followed: a link can point
anywhere, up to ``/``, and links can loop) each give one ``FILE: reason`` problem. A symbolic
link to a regular file is read like the file. Entries that do not match the pattern (a
``README.md``, a picture) are left alone.
"""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from pzspec.errors import Problem
from pzspec.messages import Message, Record

YAML_GLOBS = ("*.yaml", "*.yml")


class Found(Record):
    """The files to read, in a stable order, and what could not be used."""

    __slots__ = ("files", "problems")
    _fields = ("files", "problems")

    def __init__(
        self, files: list[Path] | None = None, problems: list[Problem] | None = None
    ) -> None:
        self.files: list[Path] = [] if files is None else files
        self.problems: list[Problem] = [] if problems is None else problems


def walk(paths: Iterable[Path], globs: Iterable[str] = YAML_GLOBS, *, keep: bool = True) -> Found:
    """Files as given (with ``keep``; otherwise a missing one is a problem); folders
    searched recursively for files matching ``globs``, sorted by path."""
    patterns = tuple(globs)
    found = Found()
    for path in paths:
        if path.is_dir():
            files, problems = _folder(path, patterns)
            found.files += files
            found.problems += problems
        elif keep or path.exists():
            found.files.append(path)
        else:
            found.problems.append(_problem(path, "err.not_found", "hint.not_found"))
    return found


def _folder(root: Path, patterns: tuple[str, ...]) -> tuple[list[Path], list[Problem]]:
    files: list[Path] = []
    problems: list[Problem] = []
    todo = [root]
    while todo:  # a stack, not recursion: a deep tree cannot overflow anything
        folder = todo.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as exc:
            problems.append(_folder_problem(folder, exc))
            continue
        for entry in listed:
            path = folder / entry.name
            matches = any(fnmatch.fnmatch(entry.name, g) for g in patterns)
            try:
                link = entry.is_symlink()
                if not link and entry.is_dir(follow_symlinks=False):
                    todo.append(path)
                    continue
                if not (matches or link):
                    continue
                mode = os.stat(path).st_mode
            except OSError as exc:
                problems.append(_entry_problem(path, exc))
                continue
            if stat.S_ISDIR(mode):
                problems.append(_problem(path, "walk.err.to_folder", "walk.hint.to_folder"))
            elif not matches:
                continue
            elif stat.S_ISREG(mode):
                files.append(path)
            else:
                problems.append(_problem(path, "err.not_regular", "walk.hint.not_regular"))
    files.sort(key=lambda p: p.as_posix())
    problems.sort(key=lambda p: p.file)
    return files, problems


def _problem(path: Path, message: str, hint: str, **args: object) -> Problem:
    return Problem(str(path), None, None, Message(message, args), Message(hint))


def _entry_problem(path: Path, exc: OSError) -> Problem:
    if exc.errno == errno.ENOENT:
        return _problem(path, "walk.err.dangling", "walk.hint.dangling")
    if exc.errno == errno.ELOOP:
        return _problem(path, "err.symlink_loop", "hint.symlink_loop")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return _problem(path, "err.unreadable", "hint.unreadable")
    return _problem(path, "err.os", "hint.unreadable", reason=_reason(exc))


def _folder_problem(path: Path, exc: OSError) -> Problem:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return _problem(path, "walk.err.folder_unreadable", "walk.hint.folder_unreadable")
    return _problem(path, "walk.err.folder_os", "walk.hint.folder_unreadable", reason=_reason(exc))


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
