"""Writing files safely: never overwrite without being asked, and never leave half a file."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from pzspec.errors import InputError
from pzspec.i18n import Lang, tr


def write_atomic(path: Path, text: str, *, force: bool, lang: Lang) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename."""
    if path.is_dir():
        raise InputError.single(str(path), tr(lang, "err.is_dir"), tr(lang, "hint.out_is_dir"))
    if path.exists() and not force:
        raise InputError.single(str(path), tr(lang, "err.exists"), tr(lang, "hint.exists"))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError.single(str(path), tr(lang, "err.no_folder"), tr(lang, "hint.no_folder"))
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
