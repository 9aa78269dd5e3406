"""The ``pzspec`` command's entry point (and ``python -m pzspec``): ``cli/startup.py`` is
settled before the command's modules are imported, then ``cli/app.py`` runs, and
``startup.finish`` ends the process with its exit status."""

from __future__ import annotations


def main() -> None:
    from pzspec.cli import startup

    startup.begin()
    from pzspec.cli.app import main as run

    try:
        run()
    except SystemExit as done:
        startup.finish(done.code)
    startup.finish(0)
