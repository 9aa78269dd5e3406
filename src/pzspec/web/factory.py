"""The FastAPI app: the HTTP API under /api/v1, the guided form, /healthz.

One app holds one set of rule data, loaded when the app is built; the rule book for a day is
looked up once and then reused (books are immutable). Nothing a person sends is stored:
every request is answered from its own body and forgotten.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from pzspec import __version__, api
from pzspec.web.limits import MAX_BODY, BodyLimit, SecurityHeaders


@dataclass(frozen=True, eq=False)
class Rules:
    """The rule data an app serves, and the rule book for a day, cached (books are
    immutable; the few days asked for are kept, at most ``KEEP``)."""

    data: api.RuleData
    books: dict[dt.date, api.RuleBook] = field(default_factory=dict)

    KEEP = 64

    def on(self, day: dt.date) -> api.RuleBook:
        book = self.books.get(day)
        if book is None:
            book = api.rules_on(self.data, day)
            if len(self.books) >= self.KEEP:
                self.books.clear()
            self.books[day] = book
        return book


def create_app(
    rules: Sequence[Path] = (), *, defaults: bool = True, max_body: int = MAX_BODY
) -> FastAPI:
    """The web app for the shipped rule data (unless ``defaults`` is False) plus ``rules``.
    Raises :class:`pzspec.api.InputError` when the rule data cannot be used."""
    from pzspec.web import api_docs, api_errors, api_v1, form_routes, upload_routes

    served = Rules(api.load_rules(tuple(rules), defaults=defaults))
    app = FastAPI(
        title="pzspec",
        version=__version__,
        docs_url=None,  # /docs is the app's own page (api_docs): Swagger UI needs a CDN
        redoc_url=None,
        description=(
            "Toetst een portfolio aan het Basisprofiel palliatieve zorg (O2PZ, 2025) en legt "
            "de uitkomst uit. Checks a portfolio against the Basisprofiel palliatieve zorg; "
            "the result is the JSON of docs/portfolio-format.md."
        ),
    )
    app.state.rules = served
    api_errors.register(app)
    app.include_router(api_v1.router)
    app.include_router(form_routes.router)
    app.include_router(upload_routes.router)
    app.include_router(api_docs.router)

    @app.get("/healthz", tags=["health"])
    def healthz() -> JSONResponse:
        """The app is up and its rule data loaded."""
        return JSONResponse({"status": "ok", "pzspec": __version__})

    app.add_middleware(BodyLimit, limit=max_body)
    app.add_middleware(SecurityHeaders)
    return app


def rules_from_env() -> tuple[list[Path], bool]:
    """``PZSPEC_RULES`` (paths separated by the OS path separator) and
    ``PZSPEC_NO_DEFAULT_RULES=1``: how ``uvicorn pzspec.web:app`` is told which rules."""
    raw = os.environ.get("PZSPEC_RULES", "")
    paths = [Path(p) for p in raw.split(os.pathsep) if p.strip()]
    return paths, os.environ.get("PZSPEC_NO_DEFAULT_RULES", "") not in ("1", "true", "yes")


@functools.cache
def default_app() -> FastAPI:
    paths, defaults = rules_from_env()
    return create_app(paths, defaults=defaults)
