"""HTML and Markdown reports, rendered with jinja2 from ``templates/`` (placeholder)."""

from __future__ import annotations

from pzspec.i18n import Lang
from pzspec.models.result import CheckResult


def render(results: list[CheckResult], fmt: str, lang: Lang) -> str:
    raise NotImplementedError(fmt)
