"""Where the output goes: stdout (guarded), the width of a report, colour, progress.

A fault in writing stdout (a full disk, a closed stdout, an encoding that cannot hold the
text) is the user's to fix, not a bug in pzspec: it becomes one line naming the problem and
exit status 74 (``EX_IOERR`` of sysexits.h), never "interne fout" (70). A reader that goes
away (``| head``) stays a quiet 141.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from pzspec.render.i18n import Lang, tr

EXIT_OUTPUT = 74  # EX_IOERR: stdout could not be written
MIN_WIDTH, MAX_WIDTH = 40, 300
PIPED_WIDTH = 80
PROGRESS_FROM = 5
STDOUT = "-"


class OutputFault(Exception):
    """Writing stdout failed for a reason outside pzspec; ``message`` names it."""

    def __init__(self, exc: BaseException) -> None:
        super().__init__(str(exc))
        self.cause = exc

    def message(self, lang: Lang) -> str:
        exc = self.cause
        if isinstance(exc, UnicodeEncodeError):
            reason = tr(lang, "out.encoding", encoding=exc.encoding)
            hint = tr(lang, "out.hint.encoding")
        elif isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            reason, hint = tr(lang, "out.full"), tr(lang, "out.hint.full")
        elif isinstance(exc, OSError | ValueError) and (
            not isinstance(exc, OSError) or exc.errno == errno.EBADF
        ):
            reason, hint = tr(lang, "out.closed"), tr(lang, "out.hint.closed")
        else:
            strerror = exc.strerror if isinstance(exc, OSError) else None
            reason, hint = strerror or type(exc).__name__, tr(lang, "out.hint.other")
        return tr(lang, "out.err", reason=reason) + f" ({hint})"


class _Closed:
    """Stands in for a stdout that was closed before pzspec started (``>&-``): Python then
    has no ``sys.stdout`` at all. Only writing something is an error."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        if text:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        return 0

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))


class _Guarded:
    """``sys.stdout`` with every write fault turned into an ``OutputFault``."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return int(self._call(self._stream.write, text) or 0)

    def flush(self) -> None:
        self._call(self._stream.flush)

    def _call(self, method: Callable[..., Any], *args: Any) -> Any:
        try:
            return method(*args)
        except BrokenPipeError:
            raise
        except (OSError, UnicodeEncodeError, ValueError) as exc:  # ValueError: closed file
            raise OutputFault(exc) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def guarded_stdout() -> Iterator[None]:
    """While inside, ``sys.stdout`` raises ``OutputFault`` for a fault in writing, and
    everything written is flushed before leaving (so a full disk is seen here, not in the
    interpreter's shutdown)."""
    original = sys.stdout
    guarded = _Guarded(original if original is not None else _Closed())
    sys.stdout = guarded
    try:
        try:
            yield
        except BaseException:
            try:  # what was written before the error still goes out, if it can
                guarded.flush()
            except (OutputFault, OSError):
                quiet_stdout()
            raise
        guarded.flush()
    finally:
        sys.stdout = original


def quiet_stdout() -> None:
    """After a fault or a broken pipe: point stdout at /dev/null, so that the interpreter's
    own flush at exit does not fail a second time."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def is_stdout(path: Path | None) -> bool:
    """``-o -`` means stdout, like most command-line tools."""
    return path is None or str(path) == STDOUT


def width() -> int:
    """The terminal's width; COLUMNS overrides; 80 when piped (readable in ``less``); always
    40..300 (a huge COLUMNS would make rich pad every line to millions of characters)."""
    import shutil

    try:
        columns = shutil.get_terminal_size(fallback=(PIPED_WIDTH, 24)).columns
    except ValueError:  # a COLUMNS that is no number
        columns = PIPED_WIDTH
    return max(MIN_WIDTH, min(MAX_WIDTH, columns))


def echo(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def is_terminal() -> bool:
    """Whether stdout is a terminal (the rich report; a pipe or file gets plain text)."""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def use_color(choice: str) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


@contextlib.contextmanager
def progress(total: int, lang: Lang) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr for a batch in a terminal; silent otherwise."""
    if total <= PROGRESS_FROM or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True, width=width()),
        transient=True,
    ) as bar:
        task = bar.add_task(tr(lang, "cli.progress"), total=total)
        yield lambda: bar.advance(task)
