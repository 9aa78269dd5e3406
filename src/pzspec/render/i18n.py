"""User-facing words in Dutch (default) and English.

Every sentence pzspec prints comes from the gettext catalogues in ``render/locale``
(``<lang>/LC_MESSAGES/pzspec.mo``, the message code as msgid), read with the standard library;
code and data identifiers stay English. Rule data carries its own texts as
``{nl: ..., en: ...}`` (see ``models.rules.LText``). The ``.po`` files are the source;
``python -m pzspec.render.catalogue compile`` makes the ``.mo`` files (docs/translating.md).
"""

from __future__ import annotations

import functools
import gettext
from pathlib import Path
from typing import Any, Literal

from pzspec.render.singular import SINGULAR, singular

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")

DOMAIN = "pzspec"
LOCALE_DIR = Path(__file__).with_name("locale")


class MissingMessage(LookupError):
    """A code that neither catalogue holds: a bug (the catalogue test rules it out)."""


class _Missing(gettext.NullTranslations):
    """The end of the fallback chain en -> nl: a code Dutch lacks too is an error, not
    words (printing the bare code would hide the bug from the reader and from the tests)."""

    def gettext(self, message: str) -> str:
        raise MissingMessage(f"no message {message!r} in the pzspec catalogue ({LOCALE_DIR})")


class _Dutch(gettext.NullTranslations):
    """English falls back to Dutch, read only when English lacks a code."""

    def gettext(self, message: str) -> str:
        return translations("nl").gettext(message)


@functools.cache
def translations(lang: Lang) -> gettext.GNUTranslations:
    """The compiled catalogue of ``lang``, read once (a few ms); English falls back to Dutch."""
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as f:
        found = gettext.GNUTranslations(f)
    found.add_fallback(_Dutch() if lang != "nl" else _Missing())
    return found


def known(msg_id: str) -> bool:
    """Whether the catalogue has ``msg_id`` (for codes built from rule data)."""
    try:
        translations("nl").gettext(msg_id)
    except MissingMessage:
        return False
    return True


# Dutch "het" nouns take "onbekend", not "onbekende" (het beroep, de opleiding)
_HET_WORDS = frozenset({"beroep", "profiel", "domein", "niveau", "werkveld", "specialisme"})


def counted(lang: Lang, n: int, noun: str) -> str:
    """``n`` with the noun in singular or plural: "1 fout", "2 fouten"."""
    return tr(lang, f"count.{noun}" if n == 1 else f"count.{noun}s", n=n)


def tr(lang: Lang, msg_id: str, /, **kw: Any) -> str:
    """The message ``msg_id`` in ``lang``, with ``{placeholders}`` filled in.

    A code English lacks is given in Dutch; a code Dutch lacks raises ``MissingMessage``."""
    if not kw:
        return template(lang, msg_id)
    return template(lang, adjusted(msg_id, kw)).format_map(kw)


def adjusted(msg_id: str, kw: dict[str, Any]) -> str:
    """The code to word for ``msg_id`` with these arguments: a singular for a count of one,
    a "het" word's own sentence."""
    if msg_id not in _ADJUSTED:
        return msg_id
    if msg_id == "err.unknown_id" and kw.get("what") in _HET_WORDS:
        msg_id = "err.unknown_id.het"
    return singular(msg_id, kw)


_ADJUSTED = frozenset({"err.unknown_id", *SINGULAR})
"""Codes whose sentence depends on an argument (see ``adjusted``)."""


@functools.cache
def template(lang: Lang, msg_id: str) -> str:
    """The sentence of ``msg_id`` with its placeholders, looked up once per language (a
    batch words millions of messages, issue 14)."""
    return translations("nl" if lang == "nl" else "en").gettext(msg_id)
