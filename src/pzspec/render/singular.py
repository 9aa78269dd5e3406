"""The singular of a sentence with a count: "nog 1 maand", not "nog 1 maanden".

The core passes a count as a number (JSON keeps it a number); ``i18n.tr`` asks ``singular``
which code to word. A noun counted on its own uses ``i18n.counted`` instead.
"""

from __future__ import annotations

from typing import Any

# Messages whose sentence changes with a count the core passes as a number (JSON keeps the
# number): when that argument is 1, the singular code is worded ("nog 1 maand", "1 more
# month"). Nouns counted on their own use ``counted``.
SINGULAR: dict[str, tuple[str, str]] = {
    "cond.months_lacking": ("lacking", "cond.months_lacking.one"),
    "req.experience.missing": ("lacking", "req.experience.missing.one"),
    "req.practice.missing": ("lacking", "req.practice.missing.one"),
    "plan.step.keep_working": ("months", "plan.step.keep_working.one"),
    "plan.step.more_experience": ("months", "plan.step.more_experience.one"),
    "diff.unusable": ("count", "diff.unusable.one"),
}


def singular(msg_id: str, kw: dict[str, Any]) -> str:
    arg, one = SINGULAR.get(msg_id, ("", ""))
    return one if arg and str(kw.get(arg)) == "1" else msg_id
