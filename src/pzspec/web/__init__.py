"""``pzspec serve``: the guided web form and the HTTP API (docs/web.md).

``create_app(rules=..., defaults=True)`` builds the FastAPI app; the module attribute ``app``
(built on first use, with the shipped rule data plus ``PZSPEC_RULES``) is what
``uvicorn pzspec.web:app --workers N`` serves. Needs the ``web`` extra.
"""

from __future__ import annotations

from typing import Any

from pzspec.web.factory import create_app

__all__ = ["app", "create_app"]


def __getattr__(name: str) -> Any:
    """``pzspec.web.app`` the instance, built once, on first use (not on import)."""
    if name == "app":
        from pzspec.web.factory import default_app

        return default_app()
    raise AttributeError(name)
