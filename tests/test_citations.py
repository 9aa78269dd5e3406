"""Every citation in the shipped rule data can be looked up: the quoted phrase stands in the
cited lines of the source document (docs/sources/, copies of the public documents).

Rule files (``rules/1``): every ``source`` anywhere in the tree must carry at least one
citation in the form of docs/rules-format.md, and every file it names must be part of such a
citation. Profile files (``profile/1``): competencies and activities cite line ranges
without phrases; those ranges must exist and lie within the profile's own section (the range
of the profile's top-level citation); a source with a quoted phrase is checked in full and
may point elsewhere (e.g. the werkagenda).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from pzspec.load import citations

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "docs" / "sources"
SHARED = ROOT.parent / "shared" / "seeds"
DATA = ROOT / "data"
MAX_SPAN = 30  # lines in one cited range of rule data: a citation points, it does not wave

needs_sources = pytest.mark.skipif(
    not SOURCES.is_dir(), reason="docs/sources/ is not here (an installed copy has no docs)"
)


def _load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _sources(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            where = f"{path}.{key}" if path else str(key)
            if key == "source" and isinstance(value, str):
                yield where, value
            else:
                yield from _sources(value, where)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _sources(value, f"{path}[{i}]")


@cache
def _lines(name: str) -> list[str]:
    return (SOURCES / name).read_text(encoding="utf-8").split("\n")


def _problems(source: str, *, max_span: int | None) -> list[str]:
    """What is wrong with the citations in ``source`` (empty when all can be looked up)."""
    found = citations.parse(source)
    out: list[str] = []
    if not found:
        out.append("no citation with a quoted phrase: 'phrase' (file r. A-B)")
    if citations.bare_files(source):
        out.append("names a source file outside a citation (quote the phrase it backs)")
    for cit in found:
        if not (SOURCES / cit.file).is_file():
            out.append(f"{cit.file}: not in docs/sources/")
            continue
        lines = _lines(cit.file)
        cited: list[str] = []
        for first, last in cit.ranges:
            if not 1 <= first <= last <= len(lines):
                out.append(f"{cit.file} r. {first}-{last}: no such lines (1-{len(lines)})")
                continue
            if max_span is not None and last - first + 1 > max_span:
                out.append(f"{cit.file} r. {first}-{last}: wider than {max_span} lines")
            cited += lines[first - 1 : last]
        if cited and not citations.phrase_in(cit.phrase, cited):
            out.append(f"'{cit.phrase}' does not stand in {cit.file} r. {cit.ranges}")
    return out


def _rule_sources() -> list[tuple[str, str]]:
    out = []
    for path in sorted((DATA / "rules").glob("*.yaml")):
        out += [(f"{path.name}:{where}", s) for where, s in _sources(_load(path))]
    return out


RULE_SOURCES = _rule_sources()
PROFILES = sorted((DATA / "profiles").glob("*.yaml"))


def test_there_are_sources_to_check() -> None:
    assert len(RULE_SOURCES) > 40
    assert PROFILES


@needs_sources
@pytest.mark.parametrize(("where", "source"), RULE_SOURCES, ids=[w for w, _ in RULE_SOURCES])
def test_rule_source_can_be_looked_up(where: str, source: str) -> None:
    assert _problems(source, max_span=MAX_SPAN) == [], source


@needs_sources
@pytest.mark.parametrize("path", PROFILES, ids=[p.stem for p in PROFILES])
def test_profile_sources_lie_in_the_profile_section(path: Path) -> None:
    data = _load(path)
    top = citations.parse(data["source"])
    assert top, f"{path.name}: the top-level source needs a citation of the profile's section"
    assert _problems(data["source"], max_span=None) == []
    section = top[0]
    low, high = min(r[0] for r in section.ranges), max(r[1] for r in section.ranges)
    wrong: list[str] = []
    for where, source in _sources(data):
        if citations.parse(source):
            wrong += [f"{where}: {p}" for p in _problems(source, max_span=None)]
            continue
        ranges = citations.line_ranges(source)
        if not ranges:
            wrong.append(f"{where}: no line range ({source})")
        if section.file not in source:
            wrong.append(f"{where}: does not name {section.file}")
        for first, last in ranges:
            if not low <= first <= last <= high:
                wrong.append(f"{where}: r. {first}-{last} outside the section r. {low}-{high}")
    assert wrong == []


@pytest.mark.skipif(not SHARED.is_dir(), reason="no ../shared/seeds next to this checkout")
@needs_sources
def test_copies_match_the_shared_seeds() -> None:
    for seed in sorted(SHARED.glob("*.txt")):
        assert (SOURCES / seed.name).read_bytes() == seed.read_bytes(), seed.name


# --- the checker itself ---------------------------------------------------------------------
def test_a_citation_without_a_phrase_fails() -> None:
    old = "000_27a955946b78eab3.txt, Relevante werkervaring (r. 185-187)"
    assert citations.parse(old) == []
    assert citations.bare_files(old) == 1


def test_parse_reads_phrase_file_and_ranges() -> None:
    source = (
        "Basisprofiel (O2PZ, maart 2025), Overgangsregeling: 'afkappunt op basis van jaren "
        "werkervaring' (000_27a955946b78eab3.txt r. 1337-1338, 1340); 'x' "
        "(004_29b6731f91c93b31.txt r. 7) — opmerking"
    )
    found = citations.parse(source)
    assert [(c.phrase, c.file, c.ranges) for c in found] == [
        (
            "afkappunt op basis van jaren werkervaring",
            "000_27a955946b78eab3.txt",
            ((1337, 1338), (1340, 1340)),
        ),
        ("x", "004_29b6731f91c93b31.txt", ((7, 7),)),
    ]
    assert citations.bare_files(source) == 0


def test_phrase_matching_ignores_case_breaks_quotes_and_hyphenation() -> None:
    lines = [
        "Relevante werkervaring is een voorwaarde om als specialist met deskundig-",
        "heidsgebied",
    ]
    assert citations.phrase_in("SPECIALIST MET DESKUNDIGHEIDSGEBIED", lines)
    assert citations.phrase_in("mbo-verpleegkundige", ["Verzorgende IG, mbo- ", "verpleegkundige"])
    assert citations.phrase_in(
        "maat voor 'relevante werkervaring'", ["maat voor ‘relevante", "werkervaring’"]
    )
    assert citations.phrase_in("een … voorwaarde", lines)
    assert not citations.phrase_in("voorwaarde … een", lines)
    assert not citations.phrase_in("kinderpalliatieve zorg", lines)
