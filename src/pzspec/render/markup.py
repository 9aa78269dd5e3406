"""Escaping for the documents: portfolio text shown as literal Markdown or visible HTML."""

from __future__ import annotations

import re

from pzspec.errors import visible


def html_visible(value: object) -> object:
    """Bidi controls and invisible characters shown escaped (``\\u202e``) before the HTML
    escaping; the templates also wrap portfolio text in ``<bdi>``, so right-to-left text
    that is meant (an Arabic name) cannot turn the text around it either."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return visible(value)
    return value


_MD_ALWAYS = re.compile(r"([\\`*\[\]|~])")
_MD_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MD_BLOCK_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])")


def md_escape(value: object) -> str:
    """``value`` as literal Markdown text, safe inside a table cell or a list item.

    No HTML can come through (``<``, ``>`` and entity-like ``&`` become entities), no
    emphasis, code, link or table syntax (backslash escapes), and no block structure
    (line breaks become spaces; a leading ``#``, ``>``, list or heading marker is escaped).
    """
    if value is None:
        return ""
    text = " ".join(visible(str(value)).split())
    text = _MD_ENTITY.sub("&amp;", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_ALWAYS.sub(r"\\\1", text)
    text = _MD_UNDERSCORE.sub(r"\\_", text)
    return _MD_BLOCK_START.sub(_escape_block_start, text)


def _escape_block_start(match: re.Match[str]) -> str:
    lead, marker = match[1], match[2]
    if marker[0].isdigit():
        return f"{lead}{marker[:-1]}\\{marker[-1]}"
    return f"{lead}\\{marker}"
