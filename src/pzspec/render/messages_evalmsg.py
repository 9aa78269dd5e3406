"""Catalogue entries of the coded explanations (evaluate/): ``code: (dutch, english)``.

Merged into ``pzspec.render.i18n.MESSAGES``. The ``join.*`` codes put two parts of a sentence
together the way the explanations always have ("a; b", "a + b", "a (b)", "a of b").
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "rule.text": ("{text}", "{text}"),
    "fact.employment": (
        "{who} {start} – {until}: {said}; {verdict}{future}",
        "{who} {start} – {until}: {said}; {verdict}{future}",
    ),
    "fact.entry_fact": ("{name}: {fact}", "{name}: {fact}"),
    "join.or": ("{a} of {b}", "{a} or {b}"),
    "join.semicolon": ("{a}; {b}", "{a}; {b}"),
    "join.plus": ("{a} + {b}", "{a} + {b}"),
    "join.note": ("{a} ({b})", "{a} ({b})"),
}
