"""Renderers: results -> one string. The CLI owns streams, files and exit codes."""

from __future__ import annotations

from pzspec.i18n import Lang
from pzspec.models.result import CheckResult

FORMATS = ("text", "json", "html", "markdown")


def render(
    results: list[CheckResult], fmt: str, lang: Lang, *, color: bool, width: int, array: bool
) -> str:
    """Pick the renderer for ``fmt``; heavy ones are imported only when chosen."""
    match fmt:
        case "text":
            from pzspec.render import text

            return text.render(results, lang, color=color, width=width)
        case "json":
            from pzspec.render import json_out

            return json_out.render(results, array=array)
        case "html" | "markdown":
            from pzspec.render import documents

            return documents.render(results, fmt, lang)
    raise ValueError(f"unknown format {fmt!r}")
