"""How the ``pzspec`` process starts (issue 14): what is settled before anything is imported.

A cold ``pzspec check FILE`` spends most of its time creating objects that live until the
process ends (modules, classes, pydantic's validators, the rule data). Python's cyclic
garbage collector would walk them again and again while they are made, and once more at exit,
to free nothing: about a fifth of a cold check. So the collector is off while the command
starts, and ``settle()`` moves everything made so far out of its sight (``gc.freeze``) and
turns it back on, before a batch makes and drops its per-portfolio objects. A check of one
portfolio allocates tens of thousands of short-lived objects and almost no cycles, so the
collector then runs after every 10,000 allocations instead of Python's 700: a batch spends
about a tenth less time in it, and memory stays flat (bench/run.py measures both).

At the end, ``finish`` leaves without the interpreter's teardown (``os._exit`` once the
output is flushed and the ``atexit`` handlers have run), as other command-line tools written
in Python do.

pydantic looks for plug-ins in the entry points of every installed package unless
``PYDANTIC_DISABLE_PLUGINS`` says not to (its documented switch). pzspec says so, keeping a
value the user set; with plug-ins off, the module that does the looking would still import
``importlib.metadata`` (about 15 ms) only to return nothing, so pzspec gives pydantic that
answer itself.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import sys
import types
from typing import Any, NoReturn

_LOADER = "pydantic.plugin._loader"
_PLUGINS_OFF = ("__all__", "1", "true")  # the values for which pydantic loads no plug-in
_YOUNG = 10_000  # allocations between two collections of the youngest generation


def begin() -> None:
    """Called first by the ``pzspec`` command, before the command's modules are imported."""
    gc.disable()
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] in _PLUGINS_OFF and _LOADER not in sys.modules:
        sys.modules[_LOADER] = _no_plugins()


def settle() -> None:
    """Start-up is done (rule data loaded): what exists now stays, so the collector is turned
    back on for what comes next without ever looking at it. Does nothing if ``begin`` was not
    called (pzspec used as a library, the tests)."""
    if not gc.isenabled():
        gc.freeze()
        gc.set_threshold(_YOUNG, *gc.get_threshold()[1:])
        gc.enable()


def finish(code: object) -> NoReturn:
    """End the process with ``code`` (as ``sys.exit`` takes it) without taking the interpreter
    apart: freeing every module and object one by one is 2% of a cold check, for nothing.
    What was written is flushed first (a command's body has flushed stdout already: this is
    the last of it), and the ``atexit`` handlers run as they would."""
    if isinstance(code, str):
        print(code, file=sys.stderr)  # sys.exit("text") prints the text and exits 1
    status = code if isinstance(code, int) else (0 if code is None else 1)
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:  # the reader went away
        from pzspec.cli.common import EXIT_BROKEN_PIPE

        status = EXIT_BROKEN_PIPE
    except (OSError, ValueError) as err:
        from pzspec.cli.output import EXIT_OUTPUT

        print(f"pzspec: stdout: {err}", file=sys.stderr)
        status = EXIT_OUTPUT
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    os._exit(status)


def _no_plugins() -> types.ModuleType:
    """Stands in for pydantic's plug-in loader when plug-ins are off: ``get_plugins()`` returns
    nothing, as pydantic's own does then; any other name loads the real module."""
    stub = types.ModuleType(_LOADER)

    def get_plugins() -> tuple[()]:
        return ()

    def real(name: str) -> Any:
        if name.startswith("__"):  # the import system asking (__path__, ...), not pydantic
            raise AttributeError(name)
        del sys.modules[_LOADER]
        import importlib

        return getattr(importlib.import_module(_LOADER), name)

    stub.get_plugins = get_plugins  # type: ignore[attr-defined]
    stub.__getattr__ = real  # type: ignore[method-assign]
    return stub
