"""Staged catalogue pairs of the placeholders branch (re-exported and removed at merge)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- template examples left in a portfolio ---
    "err.placeholder": (
        "{key}: hier staat nog het voorbeeld uit het sjabloon",
        "{key}: this is still the example from the template",
    ),
    "hint.placeholder.course_name": (
        "vervang de voorbeeldtekst door de naam van uw opleiding",
        "replace the example text with the name of your course",
    ),
    "hint.placeholder.employer": (
        "vervang de voorbeeldtekst door de naam van de organisatie waar u werkt",
        "replace the example text with the name of the organisation you work for",
    ),
    "hint.placeholder.big_number": (
        "vervang het voorbeeldnummer door uw eigen BIG-nummer, of haal de regel weg",
        "replace the example number with your own BIG number, or remove the line",
    ),
    "err.blank_epa": (
        "{key}: een lege EPA in de lijst",
        "{key}: an empty EPA in the list",
    ),
    "hint.blank_epa": (
        "schrijf de code van de EPA, of haal de lege waarde weg",
        "write the code of the EPA, or remove the empty value",
    ),
}
