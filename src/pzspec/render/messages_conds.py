"""Catalogue entries for the condition types (``pzspec.conditions``): code -> (nl, en)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "cond.min_derived": (
        "{field}: {actual} (minimaal {required})"
        " (afgeleid uit het dienstverband tijdens de opleiding)",
        "{field}: {actual} (at least {required}) (derived from the employment during the course)",
    ),
    "cond.value": ("{field}: {value}", "{field}: {value}"),
    "cond.label": ("{text}", "{text}"),
    "cond.labelled": ("{label}: {facts}", "{label}: {facts}"),
}
