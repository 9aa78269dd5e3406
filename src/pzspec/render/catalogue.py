"""The message catalogue: one gettext file per language, and the tool that keeps them.

    python -m pzspec.render.catalogue export   # staged render/messages_*.py pairs -> both .po files
    python -m pzspec.render.catalogue compile  # .po -> .mo (what pzspec reads at run time)
    python -m pzspec.render.catalogue check    # complete, placeholders, .mo current, codes exist

The message code is the ``msgid`` and the sentence the ``msgstr``, in ``nl`` and in ``en``.
Babel (a dev dependency) reads and writes the files; pzspec itself reads the ``.mo`` files
with the standard library (``pzspec.render.i18n.tr``). The workflow is in docs/translating.md;
``pzspec.render.catalogue_scan`` finds the codes the source uses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import io
import re
import string
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from pzspec.render.i18n import DOMAIN, LANGS, LOCALE_DIR, Lang

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

Entries = dict[str, tuple[str, str]]
"""``code: (dutch, english)``, the shape of ``i18n.MESSAGES`` and ``messages_*.py``."""

RENDER = Path(__file__).parent
# The header dates stay fixed so that an export of unchanged messages changes no byte.
STAMP = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

# What a placeholder holds, for the translator (a ``#.`` comment on every code that uses it).
PLACEHOLDERS: dict[str, str] = {
    "n": "a number",
    "count": "a number",
    "total": "a number",
    "covered": "a number",
    "months": "a number of months",
    "window": "a number of months (the window counted back from the check date)",
    "required": "the value the rule asks for (number, date or list)",
    "actual": "the value in the portfolio",
    "value": "a value as written in the file or the rule data",
    "field": "a field or key name from a file (not translated)",
    "key": "a key name from a file (not translated)",
    "id": "an id from the rule data (not translated)",
    "name": "a name or id from the rule data (not translated)",
    "what": "a noun, itself worded from the catalogue (what.*, diff.what.*)",
    "label": "a label from the rule data, already in the output language",
    "route": "the label of an education or transition route, in the output language",
    "date": "a date, YYYY-MM-DD",
    "as_of": "the check date, YYYY-MM-DD",
    "start": "a date, YYYY-MM-DD",
    "end": "a date, YYYY-MM-DD",
    "old": "the value before the change",
    "new": "the value after the change",
    "reason": "a system message (from the operating system, git or YAML), not translated",
    "version": "a rule version id",
    "path": "a file path",
    "file": "a file name",
    "suggestion": "the closest known name (for 'did you mean')",
    "known": "a comma-separated list of known names",
}

NOTES: dict[str, str] = {
    "err.unknown_id": "Dutch: for de-words; err.unknown_id.het is used when {what} is "
    "beroep, profiel, domein or niveau",
    "err.unknown_id.het": "Dutch: the het-word form of err.unknown_id",
    "err.personal": "stands in for a value that may be personal data; shown without quotes",
}

_SECTION = re.compile(r"^\s*# --- (.+?)(?: \(.*\))?\s*-*$")
_KEY = re.compile(r'^\s{4}"([^"]+)":')


# --- staged pairs (render/messages_*.py) ------------------------------------------------
def source_modules() -> list[str]:
    """Every ``render/messages_*.py``: new ``code: (nl, en)`` pairs written side by side in
    Python, for ``export`` to add to both ``.po`` files (then delete the file)."""
    return sorted(p.stem for p in RENDER.glob("messages_*.py"))


def sources() -> Entries:
    """Every ``code: (nl, en)`` still written in Python, in the order it is written."""
    out: Entries = {}
    for name in source_modules():
        module = importlib.import_module(f"pzspec.render.{name}")
        out |= getattr(module, "MESSAGES", {})
    return out


def sections() -> dict[str, str]:
    """The ``# --- section ---`` comment above the first code of each section."""
    out: dict[str, str] = {}
    for name in source_modules():
        pending = ""
        for line in (RENDER / f"{name}.py").read_text(encoding="utf-8").splitlines():
            if m := _SECTION.match(line):
                pending = m[1]
            elif (k := _KEY.match(line)) and pending:
                out[k[1]] = pending
                pending = ""
    return out


# --- the .po and .mo files -------------------------------------------------------------------
def po_path(lang: Lang, root: Path = LOCALE_DIR) -> Path:
    return root / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(lang: Lang, root: Path = LOCALE_DIR) -> Path:
    return root / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def read_po(lang: Lang, root: Path = LOCALE_DIR) -> Catalog:
    from babel.messages.pofile import read_po as babel_read_po

    with po_path(lang, root).open("rb") as f:
        return babel_read_po(f, locale=lang, domain=DOMAIN, abort_invalid=True)


def texts(catalog: Catalog) -> dict[str, str]:
    """``code: sentence`` of a catalogue, without the header."""
    return {str(m.id): str(m.string) for m in catalog if m.id}


def read_entries(root: Path = LOCALE_DIR) -> Entries:
    """The ``.po`` files as ``code: (nl, en)``, in the Dutch file's order."""
    if not all(po_path(lang, root).exists() for lang in LANGS):
        return {}
    nl, en = (texts(read_po(lang, root)) for lang in LANGS)
    return {code: (text, en.get(code, "")) for code, text in nl.items()} | {
        code: ("", text) for code, text in en.items() if code not in nl
    }


def comments(code: str, nl: str, kept: Mapping[str, list[str]]) -> list[str]:
    """The translator comments of ``code``: its section, a note, what its placeholders hold."""
    out = [f"--- {sec} ---" for sec in [sections().get(code)] if sec]
    out = out or [c for c in kept.get(code, []) if c.startswith("--- ")]
    if code in NOTES:
        out.append(NOTES[code])
    fields = sorted(placeholders(nl) & PLACEHOLDERS.keys())
    out += [f"{{{f}}}: {PLACEHOLDERS[f]}" for f in fields]
    return out


def catalog_of(lang: Lang, entries: Entries, kept: Mapping[str, list[str]]) -> Catalog:
    from babel.messages.catalog import Catalog

    catalog = Catalog(
        locale=lang,
        domain=DOMAIN,
        project="pzspec",
        version="1",
        copyright_holder="pzspec maintainers",
        msgid_bugs_address="pzspec maintainers",
        fuzzy=False,
        creation_date=STAMP,
        revision_date=STAMP,
        last_translator="pzspec maintainers",
        language_team="pzspec maintainers",
        header_comment=f"# pzspec messages ({lang}). The msgid is the message code.\n"
        "# Written by 'python -m pzspec.render.catalogue export'; see docs/translating.md.",
    )
    index = LANGS.index(lang)
    for code, pair in entries.items():
        message = catalog.add(code, pair[index], auto_comments=comments(code, pair[0], kept))
        if placeholders(pair[0]):  # Babel looks for braces in the msgid (the code) only
            message.flags.add("python-brace-format")
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    from babel.messages.pofile import write_po

    out = io.BytesIO()
    write_po(out, catalog, width=0, no_location=True, include_lineno=False)
    # the same messages give the same bytes, whichever Babel wrote them
    lines = out.getvalue().splitlines(keepends=True)
    return b"".join(line for line in lines if not line.startswith(b'"Generated-By: '))


def mo_bytes(catalog: Catalog) -> bytes:
    from babel.messages.mofile import write_mo

    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def export(root: Path = LOCALE_DIR) -> Entries:
    """Write both ``.po`` files: the ones there, with the pairs staged in
    ``render/messages_*.py`` added (a code they do not hold yet comes last)."""
    kept = _kept_comments(root)
    entries = read_entries(root) | sources()
    for lang in LANGS:
        path = po_path(lang, root)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(po_bytes(catalog_of(lang, entries, kept)))
    return entries


def drop(codes: Iterable[str], root: Path = LOCALE_DIR) -> list[str]:
    """Remove ``codes`` from both ``.po`` files (comments of the others kept); the ones
    that were there."""
    kept = _kept_comments(root)
    entries = read_entries(root)
    gone = [c for c in codes if entries.pop(c, None) is not None]
    for lang in LANGS:
        po_path(lang, root).write_bytes(po_bytes(catalog_of(lang, entries, kept)))
    return gone


def _kept_comments(root: Path) -> dict[str, list[str]]:
    if not po_path("nl", root).exists():
        return {}
    return {str(m.id): list(m.auto_comments) for m in read_po("nl", root) if m.id}


def compile_all(root: Path = LOCALE_DIR) -> None:
    """``.po`` -> ``.mo`` for both languages."""
    for lang in LANGS:
        mo_path(lang, root).write_bytes(mo_bytes(read_po(lang, root)))


# --- checks ----------------------------------------------------------------------------------
def placeholders(text: str) -> set[str]:
    """The ``{names}`` a sentence fills in (what ``str.format`` would ask for)."""
    try:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
    except ValueError:
        return {"<unbalanced braces>"}


def incomplete(entries: Entries) -> Iterator[str]:
    for code, (nl, en) in entries.items():
        for lang, text in (("nl", nl), ("en", en)):
            if not text.strip():
                yield f"{code}: no {lang} text"


def mismatched_placeholders(entries: Entries) -> Iterator[str]:
    for code, (nl, en) in entries.items():
        if placeholders(nl) != placeholders(en):
            yield f"{code}: nl fills {sorted(placeholders(nl))}, en {sorted(placeholders(en))}"


def stale_mo(root: Path = LOCALE_DIR) -> Iterator[str]:
    """A ``.mo`` file that does not say what its ``.po`` file says."""
    from babel.messages.mofile import read_mo

    for lang in LANGS:
        if not mo_path(lang, root).exists():
            yield f"{mo_path(lang, root)}: missing; run compile"
            continue
        with mo_path(lang, root).open("rb") as f:
            compiled = texts(read_mo(f))
        if compiled != texts(read_po(lang, root)):
            yield f"{mo_path(lang, root)}: differs from its .po file; run compile"


def unexported(root: Path = LOCALE_DIR) -> Iterator[str]:
    """A staged code (render/messages_*.py) that the ``.po`` files lack or word differently."""
    current = read_entries(root)
    for code, pair in sources().items():
        if current.get(code) != pair:
            yield f"{code}: the .po files differ from the Python dict; run export"


def problems(root: Path = LOCALE_DIR) -> list[str]:
    """Everything ``check`` fails on (the test asserts the same)."""
    from pzspec.render.catalogue_scan import missing_codes, undeclared, unfilled

    entries = read_entries(root)
    out = [*incomplete(entries), *mismatched_placeholders(entries), *stale_mo(root)]
    out += list(unexported(root))
    out += [f"{code}: used in the source, not in the catalogue" for code in missing_codes(entries)]
    out += undeclared(entries)
    out += unfilled(entries)
    return out


# --- command line ----------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pzspec.render.catalogue")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("export", help="add the pairs staged in render/messages_*.py")
    gone = commands.add_parser("drop", help="remove codes from both .po files")
    gone.add_argument("codes", nargs="+", metavar="CODE")
    commands.add_parser("compile", help="compile the .po files to .mo files")
    commands.add_parser("check", help="complete, same placeholders, .mo current, codes exist")
    args = parser.parse_args(argv)
    try:
        import babel  # noqa: F401
    except ImportError:
        print("the catalogue tool needs Babel: pip install -e '.[dev]'", file=sys.stderr)
        return 2
    if args.command == "export":
        entries = export()
        print(f"{len(entries)} messages -> {po_path('nl').parent.parent.parent}")
        return 0
    if args.command == "drop":
        print(f"dropped {', '.join(drop(args.codes)) or 'nothing'}; now run compile")
        return 0
    if args.command == "compile":
        compile_all()
        print(f"compiled {', '.join(str(mo_path(lang)) for lang in LANGS)}")
        return 0
    from pzspec.render.catalogue_scan import unused_codes

    found = problems()
    for line in found:
        print(f"error: {line}", file=sys.stderr)
    for code in unused_codes(read_entries()):
        print(f"warning: {code}: in the catalogue, not used in the source", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
