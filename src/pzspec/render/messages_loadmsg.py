"""Catalogue entries added with the coded messages of ``pzspec.load`` (branch loadmsg)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # why pydantic refused a value (``err.bad_value`` {reason})
    "reason.at_least": ("moet minstens {limit} zijn", "must be at least {limit}"),
    "reason.more_than": ("moet groter dan {limit} zijn", "must be more than {limit}"),
    "reason.at_most": ("mag hoogstens {limit} zijn", "must be at most {limit}"),
    "reason.big_digits": ("een BIG-nummer heeft 11 cijfers", "a BIG number has 11 digits"),
    "reason.form": ("heeft niet de juiste vorm", "does not have the right form"),
    "reason.choose": ("kies uit {choices}", "choose from {choices}"),
    # the last of several choices: "'a', 'b' of 'c'"
    "words.or": ("{first} of {last}", "{first} or {last}"),
    # hints for a value of the wrong type
    "hint.quote_value": ("zet de waarde tussen aanhalingstekens", "put the value in quotes"),
    "hint.true_false": ("schrijf true of false", "write true or false"),
}
