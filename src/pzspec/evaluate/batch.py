"""Check portfolio files: the core behind ``pzspec check`` (no terminal I/O here).

One file or hundreds of thousands: paths are expanded in a stable order, checked in this
process or spread over worker processes (forked ones inherit the rule book; spawned ones,
where there is no fork, parse the rule data once each), and the outcomes come back in input
order, one at a time, so memory stays flat however many files there are. ``spread`` runs any
per-file task that way (the replay of ``pzspec diff``).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from pzspec.errors import InputError, Problem
from pzspec.evaluate import engine
from pzspec.load import loader, yamlio
from pzspec.load.catalog import RuleBook
from pzspec.load.walk import YAML_GLOBS, Found, walk
from pzspec.messages import Record
from pzspec.models.result import CheckResult

DEFAULT_GLOBS = YAML_GLOBS
PARALLEL_FROM = 40  # fewer files than this: worker start-up costs more than it saves

# requirement id -> the portfolio key whose line an annotation points at
_ANCHORS = {
    "profession": ("person", "profession"),
    "registration": ("person",),
    "education": ("education",),
    "experience": ("experience",),
    "transition": ("transition",),
    "practice": ("activities",),
}


class Outcome(NamedTuple):
    """The result for one file, or the problems that kept it from being checked (a record:
    ``_replace`` gives a changed copy)."""

    file: str
    result: CheckResult | None = None
    problems: tuple[Problem, ...] = ()
    lines: Mapping[str, int] = {}  # never changed: the line of each requirement
    internal: str | None = None  # an unexpected error in pzspec itself (a bug), by type
    verdict: str | None = None  # kept when ``result`` is dropped after rendering
    piece: str = ""  # the rendered output for this file (see render/batch.py)


def expand(paths: Iterable[Path], globs: Iterable[str] = DEFAULT_GLOBS) -> Found:
    """Files as given; folders searched recursively for files matching ``globs``, sorted.
    A path that does not exist stays in the list, so its error is reported in order; an
    entry of a folder that cannot be used is one of the problems (see ``pzspec.load.walk``)."""
    return walk(paths, globs)


def check_file(path: Path, book: RuleBook, as_of: dt.date) -> Outcome:
    """One portfolio checked. The result, and the problems of an unusable file, say
    everything as messages, in no language."""
    return check_under(path, (book,), as_of)[0]


def check_under(path: Path, books: Sequence[RuleBook], as_of: dt.date) -> tuple[Outcome, ...]:
    """One portfolio read and parsed once, then checked under each of ``books`` (a diff's
    two sides): one outcome per book."""
    try:
        doc = yamlio.load(path, collect=True)
    except InputError as exc:
        unusable = Outcome(str(path), problems=tuple(exc.problems))
        return tuple(unusable for _ in books)
    return tuple(_check_doc(path, doc, book, as_of) for book in books)


def _check_doc(path: Path, doc: yamlio.Document, book: RuleBook, as_of: dt.date) -> Outcome:
    try:
        portfolio = loader.parse_portfolio(doc, book.rules, book.withdrawn)
    except InputError as exc:
        return Outcome(str(path), problems=tuple(exc.problems))
    lines = {}
    for rid, key in _ANCHORS.items():
        line, _ = doc.where(key, key=True)
        lines[rid] = line or 1
    try:
        result = engine.evaluate(portfolio, book, as_of, str(path))
    except Exception as exc:  # a bug must not stop a batch; the CLI reports it and exits 70
        return Outcome(str(path), internal=type(exc).__name__)
    return Outcome(str(path), result=result, lines=lines)


# --- worker processes ----------------------------------------------------------------
Finish = Callable[[Outcome], Outcome]
_WORKER: tuple[RuleBook, dt.date, Finish | None] | None = None


_PARENT: int | None = None
_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """A worker must not outlive pzspec (a SIGKILLed pzspec would leave it running, holding
    portfolios in memory). On Linux the kernel kills the worker when its parent dies;
    elsewhere, and for a parent that died before this ran, the parent's pid is checked."""
    global _PARENT  # noqa: PLW0603 - one value per worker process
    _PARENT = parent
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):  # no prctl: the pid check below still holds
            pass
    _orphaned()


def _orphaned() -> None:
    if _PARENT is not None and os.getppid() != _PARENT:
        os._exit(1)


def _init_worker(
    rules: tuple[Path, ...],
    defaults: bool,
    as_of: dt.date,
    finish: Finish | None,
    parent: int | None = None,
) -> None:
    global _WORKER  # noqa: PLW0603 - one rule book per worker process, parsed once
    from pzspec.load.catalog import library

    if parent is not None:
        _die_with_parent(parent)

    book = library(rules, defaults=defaults).at(as_of)
    _WORKER = (book, as_of, finish)


def _work(path: Path) -> Outcome:
    assert _WORKER is not None
    _orphaned()
    book, as_of, finish = _WORKER
    outcome = check_file(path, book, as_of)
    return finish(outcome) if finish else outcome


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def check_many(
    paths: list[Path],
    book: RuleBook,
    as_of: dt.date,
    *,
    jobs: int = 1,
    rules: tuple[Path, ...] = (),
    defaults: bool = True,
    finish: Finish | None = None,
) -> Iterator[Outcome]:
    """Outcomes in the order of ``paths``; with ``jobs`` > 1 the work is spread over processes.
    ``finish`` (picklable) runs on each outcome where it was checked, e.g. to render it.
    Forked workers inherit ``book``; where processes cannot be forked, each worker loads
    the rule data again from ``rules`` and ``defaults``."""
    if jobs <= 1 or len(paths) < PARALLEL_FROM:
        for path in paths:
            yield _checked((book, as_of, finish), path)
        return
    import multiprocessing  # only for a batch: importing it is a cost of its own (issue 14)

    if "fork" in multiprocessing.get_all_start_methods():
        yield from spread(_checked, (book, as_of, finish), paths, jobs=jobs)
        return
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(64, len(paths) // (jobs * 8)))
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_init_worker,
        initargs=(rules, defaults, as_of, finish, os.getpid()),
    ) as pool:
        yield from pool.map(_work, paths, chunksize=chunk)


def _checked(task: tuple[RuleBook, dt.date, Finish | None], path: Path) -> Outcome:
    book, as_of, finish = task
    outcome = check_file(path, book, as_of)
    return finish(outcome) if finish else outcome


T = TypeVar("T")
S = TypeVar("S")
_FORKED: tuple[Callable[[Any, Path], Any], Any] | None = None


def _init_forked(work: Callable[[S, Path], T], state: S, parent: int) -> None:
    global _FORKED  # noqa: PLW0603 - one task per worker process
    _die_with_parent(parent)
    _FORKED = (work, state)


def _forked(path: Path) -> Any:
    assert _FORKED is not None
    _orphaned()
    work, state = _FORKED
    return work(state, path)


def spread(
    work: Callable[[S, Path], T], state: S, paths: list[Path], *, jobs: int = 1
) -> Iterator[T]:
    """``work(state, path)`` for each path, in order, over ``jobs`` forked worker processes.
    The workers inherit ``state`` (e.g. two rule books) from this process: it is never
    serialised. ``work`` must be a module-level function; only its results cross back.
    Where processes cannot be forked, or for fewer than ``PARALLEL_FROM`` paths, this
    process does the work."""
    if jobs > 1 and len(paths) >= PARALLEL_FROM:
        import multiprocessing

        if "fork" in multiprocessing.get_all_start_methods():
            yield from _pooled(multiprocessing.get_context("fork"), work, state, paths, jobs)
            return
    for path in paths:
        yield work(state, path)


def _pooled(
    context: Any, work: Callable[[S, Path], T], state: S, paths: list[Path], jobs: int
) -> Iterator[T]:
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, min(64, len(paths) // (jobs * 8)))
    with ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=context,
        initializer=_init_forked,
        initargs=(work, state, os.getpid()),
    ) as pool:
        yield from pool.map(_forked, paths, chunksize=chunk)


class Tally(Record):
    """Counts per verdict and the files that need attention, kept while streaming."""

    __slots__ = ("attention", "errors", "verdicts")
    _fields = ("verdicts", "errors", "attention")

    def __init__(self) -> None:
        self.verdicts: Counter[str] = Counter()
        self.errors: list[str] = []
        self.attention: list[tuple[str, str]] = []

    def add(self, outcome: Outcome) -> None:
        if outcome.internal:
            self.verdicts["internal"] += 1
            self.errors.append(outcome.file)
        elif outcome.problems:
            self.verdicts["error"] += 1
            self.errors.append(outcome.file)
        elif outcome.verdict or outcome.result is not None:
            verdict = outcome.verdict or outcome.result.verdict  # type: ignore[union-attr]
            self.verdicts[verdict] += 1
            if verdict in ("not-eligible", "needs-review"):
                self.attention.append((outcome.file, verdict))

    @property
    def exit_status(self) -> int:
        return exit_status(self.verdicts)


def exit_status(verdicts: Counter[str]) -> int:
    """portfolio-format.md: 2 unusable input, 1 any not eligible, 3 any review, else 0;
    70 when pzspec itself failed on a file (check and plan alike)."""
    if verdicts["internal"]:
        return 70
    if verdicts["error"]:
        return 2
    if verdicts["not-eligible"]:
        return 1
    if verdicts["needs-review"]:
        return 3
    return 0


def redacted(result: CheckResult) -> CheckResult:
    """The result without personal data (name, BIG number)."""
    person = result.person.model_copy(update={"name": None, "big_number": None})
    return result.model_copy(update={"person": person})
