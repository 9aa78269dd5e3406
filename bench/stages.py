"""Where a cold ``pzspec check FILE`` spends its CPU time, stage by stage (one process).

    python bench/stages.py [FILE]       # default: the first shipped example

Prints the CPU milliseconds of: the import floor (typer, ruamel.yaml, pydantic's BaseModel),
importing the command (``pzspec.cli.app``), the API and what it pulls in, loading the
shipped rule data, checking FILE, and rendering the text report (``pzspec.api.render``, with
the imports it makes). Run it a few
times: the first run also pays for compiling bytecode.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DAY = dt.date(2026, 1, 1)


def main() -> None:
    from pzspec.cli import startup

    startup.begin()  # as the command does first (cli/entry.py)
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else sorted((ROOT / "examples" / "portfolios").glob("*.yaml"))[0]
    clock = time.process_time
    marks = [("start", clock())]
    import ruamel.yaml  # noqa: F401
    import typer  # noqa: F401
    from pydantic import BaseModel  # noqa: F401

    marks.append(("import floor", clock()))
    import pzspec.cli.app  # noqa: F401

    marks.append(("pzspec.cli.app", clock()))
    from pzspec import api
    from pzspec.evaluate.batch import check_file
    from pzspec.load.catalog import library

    marks.append(("pzspec.api", clock()))
    book = library().at(DAY)
    marks.append(("shipped rule data", clock()))
    startup.settle()
    outcome = check_file(path, book, DAY)
    marks.append(("check", clock()))
    if outcome.result is not None:
        api.render(outcome.result, "text", "nl")
    marks.append(("render (with its imports)", clock()))
    print(" | ".join(f"{name} {1000 * (t - marks[i][1]):.0f}" for i, (name, t) in enumerate(marks[1:])), "ms CPU")
    print(f"total {1000 * (marks[-1][1] - marks[0][1]):.0f} ms CPU, of which pzspec {1000 * (marks[-1][1] - marks[1][1]):.0f}")


if __name__ == "__main__":
    main()
