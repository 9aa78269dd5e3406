"""Catalogue entries of the diff package (merged into ``i18n.MESSAGES``)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "diff.amount": ("{value}{unit}", "{value}{unit}"),
    "diff.param.value_basis": (
        "{what}: {old} → {new} ({basis})",
        "{what}: {old} → {new} ({basis})",
    ),
    "diff.course.added_routes": (
        "opleiding '{name}' toegevoegd aan de catalogus ({routes})",
        "course '{name}' added to the catalogue ({routes})",
    ),
    "diff.course.removed_routes": (
        "opleiding '{name}' ingetrokken: zij telt niet meer en portfolio's die haar noemen "
        "zijn niet meer bruikbaar ({routes})",
        "course '{name}' withdrawn: it no longer counts and portfolios that name it can no "
        "longer be used ({routes})",
    ),
    "diff.explained": ("{explanation}; {effect}", "{explanation}; {effect}"),
}
"""``diff.amount``: a parameter value with its unit, which the renderer words (with a leading
space, none for a share). ``diff.explained``: a change's explanation with its effect."""
