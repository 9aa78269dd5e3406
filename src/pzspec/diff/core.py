"""``pzspec diff``: what a change to rule data means for who is eligible.

Each side (a rule file, a folder of rule data, or a git revision of one) is loaded as a
Library (``sides``); their effective rule books are compared element by element
(``compare``, ``compare_book``, ``compare_routes``, ``compare_profiles``, ``conditions``).
Every change gets a kind:

- ``tightened``: someone who qualified may now fall short (a threshold raised, a course or
  route removed, a condition added, ...);
- ``loosened``: the reverse;
- ``added`` / ``removed``: profiles, professions, competencies, activities, kinds, versions;
- ``editorial``: wording and sources only, or values no condition uses.

The direction of a changed number or date is derived from how the rule data uses it (a
``min`` threshold raised is stricter, a ``below`` limit in an exclusion raised is stricter, a
``before`` date or closing date moved earlier is stricter, ...), never from a list of
parameter ids. A change whose direction cannot be told counts as a tightening.

A replay (``replay``) checks portfolios under both sides and lists those whose verdict
changes. Explanations are ``Message``s (``report``); ``pzspec.render.diff_out`` words them.
This module is the package's front door: ``from pzspec.diff import core``.
"""

from __future__ import annotations

from pzspec.diff.compare import compare
from pzspec.diff.conditions import uses_of
from pzspec.diff.replay import latest, replay, run
from pzspec.diff.report import ERROR, KINDS, Change, FailOn, Impact, Kind, Report, exit_status
from pzspec.diff.sides import git_snapshot, load_side

__all__ = [
    "ERROR",
    "KINDS",
    "Change",
    "FailOn",
    "Impact",
    "Kind",
    "Report",
    "compare",
    "exit_status",
    "git_snapshot",
    "latest",
    "load_side",
    "replay",
    "run",
    "uses_of",
]
