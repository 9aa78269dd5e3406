"""Rule files: find them, read them, and tell a rule version, an overlay and a profile apart.

Rule data comes as three kinds of file, told apart by their ``pzspec:`` line:
``rules/1`` (a full version, e.g. the Basisprofiel of maart 2025), ``overlay/1`` (a
publisher's decisions on top of one version) and ``profile/1`` (a profile's competencies).
The shipped data lives in ``data/``; ``--rules`` adds files or folders.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pzspec.errors import InputError
from pzspec.load import loader, yamlio
from pzspec.messages import msg
from pzspec.models.rules import (
    OVERLAY_FORMAT,
    PROFILE_FORMAT,
    RULES_FORMAT,
    Overlay,
    Profile,
    RuleSet,
)

Kind = Literal["rules", "overlay", "profile"]
_FORMATS: dict[str, Kind] = {
    RULES_FORMAT: "rules",
    OVERLAY_FORMAT: "overlay",
    PROFILE_FORMAT: "profile",
}
MODELS: dict[Kind, type[RuleSet | Overlay | Profile]] = {
    "rules": RuleSet,
    "overlay": Overlay,
    "profile": Profile,
}


def shipped_dir(name: str) -> Path:
    """A folder shipped with pzspec (``data``, ``templates``, ``schemas``): inside the
    installed package, or at the top of a source checkout."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / name
    if packaged.is_dir():
        return packaged
    return package.parent.parent / name


def data_dir() -> Path:
    """The rule data."""
    return shipped_dir("data")


def templates_dir() -> Path:
    return shipped_dir("templates")


class SourceFile:
    """One rule, overlay or profile file, validated, with its content hash. Its text is
    parsed again only when asked for (``doc``: the positions ``validate`` reports), if it
    came from the snapshot of the shipped data (``load/snapshot.py``). Treat it as
    immutable; a plain class with a ``__dict__`` (for ``doc``), not a dataclass (issue 14)."""

    def __init__(
        self,
        path: Path,
        display: str,
        sha256: str,
        kind: Kind,
        text: str,
        model: RuleSet | Overlay | Profile,
        parsed: yamlio.Document | None = None,
    ) -> None:
        self.path, self.display, self.sha256, self.kind = path, display, sha256, kind
        self.text, self.model, self.parsed = text, model, parsed

    @functools.cached_property
    def doc(self) -> yamlio.Document:
        return self.parsed or yamlio.parse(self.text, str(self.path))

    @property
    def set_id(self) -> str:
        m = self.model
        return m.id if isinstance(m, Overlay | Profile) else m.version


def _display(path: Path, shipped: bool) -> str:
    if shipped:
        return "pzspec:data/" + path.relative_to(data_dir()).as_posix()
    return str(path)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_source(path: Path, *, shipped: bool = False) -> SourceFile:
    return _source_from_text(path, yamlio.read_text(path), shipped=shipped)


def _source_from_text(path: Path, text: str, *, shipped: bool) -> SourceFile:
    doc = yamlio.parse(text, str(path))
    data = doc.data
    fmt = data.get("pzspec") if isinstance(data, dict) else None
    kind = _FORMATS.get(fmt) if isinstance(fmt, str) else None
    if kind is None:
        line, col = (
            doc.where(("pzspec",)) if isinstance(data, dict) and "pzspec" in data else (1, 1)
        )
        message = msg("err.rule_format", value=str(fmt))  # as written, whatever its type
        raise InputError.single(str(path), message, msg("hint.rule_format"), line, col)
    model = loader.validate(doc, MODELS[kind])
    return SourceFile(path, _display(path, shipped), _digest(text), kind, text, model, doc)


_PORTFOLIO_HEADER = re.compile(r"""^pzspec:[ \t]*["']?portfolio/""", re.MULTILINE)


def declares_portfolio(path: Path) -> bool:
    """A file that says it is a portfolio (``pzspec: portfolio/...`` in its first lines), so
    ``validate`` reads it as one instead of as rule data."""
    try:
        with path.open("rb") as f:
            head = f.read(4096).decode("utf-8-sig", "replace")
    except OSError:
        return False  # the rule-data reader reports the file with its reason
    return bool(_PORTFOLIO_HEADER.search(head))


def yaml_files(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders searched recursively for *.yaml and *.yml, in name order.
    A missing path, or a folder entry that cannot be used (a dangling link, a pipe, an
    unreadable subfolder: see ``pzspec.load.walk``), is an error: rule data is used whole or not."""
    from pzspec.load.walk import walk

    found = walk(paths, keep=False)
    if found.problems:
        raise InputError(found.problems)
    return found.files


def read_sources(paths: Iterable[Path], *, shipped: bool = False) -> list[SourceFile]:
    return [read_source(p, shipped=shipped) for p in yaml_files(paths)]


@functools.cache
def shipped_sources() -> tuple[SourceFile, ...]:
    """The shipped rule data, read once per process: from the snapshot shipped with the code
    when it stands for exactly these files (``load/snapshot.py``), else parsed and validated.
    There is no cache on disk in a folder others could write (docs/security.md, section 8)."""
    from pzspec.load import snapshot

    root = data_dir()
    paths = yaml_files([root / "profiles", root / "rules"])
    texts = [yamlio.read_text(p) for p in paths]
    digests = [_digest(t) for t in texts]
    try:
        kept = snapshot.models(root, zip(paths, digests, strict=True))
    except snapshot.Stale:
        pairs = zip(paths, texts, strict=True)
        return tuple(_source_from_text(p, t, shipped=True) for p, t in pairs)
    return tuple(
        SourceFile(p, _display(p, True), d, kind, t, model)  # type: ignore[arg-type]
        for p, t, d, (kind, model) in zip(paths, texts, digests, kept, strict=True)
    )
