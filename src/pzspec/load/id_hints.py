"""The hint for an id the rule data does not hold (``pzspec show``, the HTTP API): the
closest id ("bedoelde u 'manp'?"), and for a profile also the profile a profession (or
nearly) belongs to ("bedoelde u het profiel vs-pa?"), all from the rule data."""

from __future__ import annotations

import difflib

from pzspec.load.catalog import RuleBook
from pzspec.load.hints import unknown_hint
from pzspec.messages import Message, msg


def _norm(text: str) -> str:
    return "-".join(text.lower().replace("_", " ").split())


def profile_hint(book: RuleBook, value: str) -> Message:
    """The hint for an unknown profile id ``value``."""
    profiles = sorted(book.profiles)
    by_name = {_norm(p.id): p for p in book.rules.professions}
    by_name.update({_norm(p.label.get("nl") or p.id): p for p in book.rules.professions})
    wanted = _norm(value[:100])
    to_profile = max(
        (difflib.SequenceMatcher(None, wanted, p).ratio() for p in profiles), default=0
    )
    best = difflib.get_close_matches(wanted, list(by_name), n=1, cutoff=0.6)
    if best and (
        best[0] == wanted or difflib.SequenceMatcher(None, wanted, best[0]).ratio() > to_profile
    ):
        profession = by_name[best[0]]
        return msg("hint.profession_profile", profession=profession.id, profile=profession.profile)
    return unknown_hint(value, profiles)


def course_hint(book: RuleBook, value: str) -> Message:
    """The hint for an unknown course id ``value``."""
    return unknown_hint(value, sorted(book.courses))
