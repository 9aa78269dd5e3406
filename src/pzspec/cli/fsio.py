"""Writing files safely: never overwrite without being asked, and never leave half a file.

Every write goes to a temporary file in the target's folder (``.NAME.XXXX.tmp``), is
flushed to disk, and only then takes the target's name in one step. Without ``force`` that
last step is ``os.link``, which refuses an existing name atomically, so a file that appears
between our check and our write is not overwritten either. Whatever goes wrong (an error, a
full disk, Ctrl-C), the temporary file is removed and the target is as it was.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from pzspec.errors import InputError
from pzspec.messages import msg
from pzspec.render.i18n import Lang


def write_atomic(path: Path, text: str, *, force: bool, lang: Lang) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename."""
    with AtomicFile(path, force=force, lang=lang) as out:
        out.write(text)


def refuse_target(path: Path, *, force: bool) -> None:
    """The checks made before writing ``path``: never a folder, a pipe or a device; an
    existing file only with ``force``; the folder must exist."""
    name = str(path)
    if path.is_dir():
        raise InputError.single(name, msg("err.is_dir"), msg("hint.out_is_dir"))
    present = path.exists() or path.is_symlink()
    if present and not _regular(path):  # with or without --force: never a pipe or device
        raise InputError.single(name, msg("out.err.special"), msg("out.hint.special"))
    if not force and present:
        raise InputError.single(name, msg("err.exists"), msg("hint.exists"))
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError.single(name, msg("err.no_folder"), msg("hint.no_folder"))


class AtomicFile:
    """A file written piece by piece (memory stays flat) that appears under its name only
    when complete: ``with AtomicFile(path, ...) as out: out.write(text)``. An error inside
    the ``with`` (or ``discard()``) leaves the target as it was."""

    def __init__(self, path: Path, *, force: bool, lang: Lang) -> None:
        refuse_target(path, force=force)
        self.path, self.force, self.lang = path, force, lang
        self.folder = path.parent if str(path.parent) else Path(".")
        try:
            import tempfile  # only when a file is written (it imports random: issue 14)

            fd, self.tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=self.folder)
        except OSError as exc:
            raise _write_error(str(path), exc, lang) from None
        if force:
            _keep_mode(path, fd)
        self.handle = os.fdopen(fd, "wb")

    def write(self, text: str) -> None:
        if not text:
            return
        try:
            self.handle.write(text.encode("utf-8"))
        except OSError as exc:
            self.discard()
            raise _write_error(str(self.path), exc, self.lang) from None

    def commit(self) -> None:
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            _put_in_place(self.tmp, self.path, force=self.force, lang=self.lang)
        except BaseException as exc:
            self.discard()
            if isinstance(exc, OSError):
                raise _write_error(str(self.path), exc, self.lang) from None
            raise
        _sync_folder(self.folder)

    def discard(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.handle.close()
        with contextlib.suppress(OSError):
            os.unlink(self.tmp)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, kind: object, exc: object, tb: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def _regular(path: Path) -> bool:
    """Whether ``path`` is a regular file or a symbolic link to one: the only things
    ``--force`` replaces. A pipe, device or socket is never replaced (``-o /dev/null
    --force`` as root would otherwise put a file where the device was). A link is replaced
    itself, its target never written: the report lands at the name given, not wherever a
    link planted in a shared folder points."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:  # a dangling link, a link loop
        return False


def _keep_mode(path: Path, fd: int) -> None:
    """A replaced file keeps its permissions; a new file is readable by its owner only
    (``mkstemp``'s 0600: reports hold personal data)."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return
    with contextlib.suppress(OSError, AttributeError, NotImplementedError):
        os.fchmod(fd, mode)


def _put_in_place(tmp: str, path: Path, *, force: bool, lang: Lang) -> None:
    if force:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)  # fails if the name exists, even if it appeared just now
    except FileExistsError:
        raise InputError.single(str(path), msg("err.exists"), msg("hint.exists")) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOSYS, errno.EXDEV):
            raise
        # a file system without hard links: fall back on the check made before the write
        os.replace(tmp, path)
        return
    os.unlink(tmp)


def _sync_folder(folder: Path) -> None:
    """Make the new name durable; best effort (not every platform can open a folder)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_error(name: str, exc: OSError, lang: Lang) -> InputError:
    if exc.errno == errno.EISDIR:
        return InputError.single(name, msg("err.is_dir"), msg("hint.out_is_dir"))
    reason = exc.strerror or type(exc).__name__
    return InputError.single(name, msg("err.write", reason=reason), msg("hint.write"))
