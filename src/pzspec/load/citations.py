"""Citations in rule data: the one form a person can look up, and how to check it.

A ``source`` names the document and section, quotes a short phrase, and gives the file and
lines of the plain-text source where the phrase stands::

    Basisprofiel (O2PZ, maart 2025), Palliatieve zorg verpleegkundige, Opleiding:
    'bestaat uit minimaal 21 lesdagen' (000_27a955946b78eab3.txt r. 810)

Several citations are joined with ``; ``; pzspec's own remark follows ``: `` or `` — ``
after the last one. A phrase may leave words out with ``…``; its parts must then appear in
that order. The form is described in docs/rules-format.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SEED_FILE = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")
_RANGE = r"\d+(?:-\d+)?"
CITATION = re.compile(
    r"'(?P<phrase>[^']+)' \((?P<file>\d{3}_[0-9a-f]{16}\.txt) r\. "
    rf"(?P<lines>{_RANGE}(?:, {_RANGE})*)\)"
)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "…": " … "})


@dataclass(frozen=True)
class Citation:
    phrase: str
    file: str
    ranges: tuple[tuple[int, int], ...]


def _ranges(text: str) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for part in text.split(", "):
        first, _, last = part.partition("-")
        out.append((int(first), int(last or first)))
    return tuple(out)


def parse(source: str) -> list[Citation]:
    """Every citation in ``source``, in order."""
    return [
        Citation(m["phrase"], m["file"], _ranges(m["lines"])) for m in CITATION.finditer(source)
    ]


def bare_files(source: str) -> int:
    """How many file names in ``source`` are not part of a citation with a quoted phrase."""
    return len(SEED_FILE.findall(CITATION.sub("", source)))


def line_ranges(source: str) -> list[tuple[int, int]]:
    """Every ``r. A-B`` range in ``source``, citation form or not (profile competencies)."""
    found: list[tuple[int, int]] = []
    for m in re.finditer(rf"r\. ({_RANGE}(?:(?:, | en ){_RANGE})*)", source):
        found += _ranges(m[1].replace(" en ", ", "))
    return found


def _norm(text: str) -> str:
    return " ".join(text.translate(_QUOTES).casefold().split())


def _joined(lines: list[str]) -> list[str]:
    """The lines as one text, three ways: joined with a space; and with a word broken by a
    hyphen at the end of a line joined to its rest, keeping the hyphen (``mbo-`` +
    ``verpleegkundige``) or dropping it (``deskundig-`` + ``heidsgebied``)."""
    texts = [_norm(" ".join(lines))]
    for keep in ("-", ""):
        glued: list[str] = []
        for line in (x.strip() for x in lines):
            if not line:
                continue
            if glued and glued[-1].endswith("-"):
                glued[-1] = glued[-1][:-1] + keep + line
            else:
                glued.append(line)
        texts.append(_norm(" ".join(glued)))
    return texts


def phrase_in(phrase: str, lines: list[str]) -> bool:
    """Whether ``phrase`` (parts split by ``…``, in order) stands in ``lines``, ignoring case,
    whitespace, line breaks, curly quotes and hyphenation across a line break."""
    parts = [_norm(p) for p in phrase.translate(_QUOTES).split("…") if p.strip()]
    for text in _joined(lines):
        at = 0
        for part in parts:
            at = text.find(part, at)
            if at < 0:
                break
            at += len(part)
        else:
            return bool(parts)
    return False
