"""Every error the app gives in its own words: under /api the documented problems shape
(``{"problems": [{file, line, column, code, args, message, hint, level}]}``, docs/web.md),
elsewhere a small HTML page in the form's style. Worded in ``lang`` (the query, default nl);
nothing a person sent is ever echoed (a portfolio is personal)."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from pzspec import api
from pzspec.render.i18n import tr

API_PREFIX = "/api/"
_HTTP_CODES = {404: "web.not_found", 405: "web.method_not_allowed"}
_VALIDATION_CODES = {
    ("query", False): "web.bad_query",
    ("query", True): "web.bad_query.missing",
    ("path", False): "web.bad_path",
    ("path", True): "web.bad_path.missing",
    ("body", False): "web.bad_field",
    ("body", True): "web.bad_field.missing",
}
"""(where FastAPI found it, whether it is missing) -> the problem's code; a header or a
cookie is named as a field."""


def is_api(path: str) -> bool:
    return path.startswith(API_PREFIX)


def lang_of(query: Mapping[str, str]) -> api.Lang:
    """The language of an answer: ``lang=en`` in the query, else Dutch."""
    return "en" if query.get("lang") == "en" else "nl"


def web_problem(
    code: str,
    lang: api.Lang,
    *,
    hint: tuple[str, dict[str, Any]] | None = None,
    at: tuple[str | None, int | None, int | None] = (None, None, None),
    **args: Any,
) -> dict[str, Any]:
    """A problem of the web layer itself, shaped as the checker's problems; ``at`` is the
    file, line and column when there is one."""
    file, line, column = at
    return {
        "file": file,
        "line": line,
        "column": column,
        "message": tr(lang, code, **args),
        "hint": tr(lang, hint[0], **hint[1]) if hint else None,
        "level": "error",
        "code": code,
        "args": args,
    }


def problems(status: int, *found: dict[str, Any]) -> JSONResponse:
    return JSONResponse({"problems": list(found)}, status)


def size_text(limit: int) -> str:
    """A byte limit as a person reads it: 2 MB, 10 kB."""
    mb, kb = 1024 * 1024, 1024
    if limit >= mb:
        return f"{round(limit / mb, 1):g} MB"
    return f"{max(1, round(limit / kb))} kB"


def too_large_problem(limit: int, lang: api.Lang) -> dict[str, Any]:
    return web_problem("web.too_large", lang, size=size_text(limit))


def error_page(status: int, messages: list[str], lang: api.Lang) -> HTMLResponse:
    """A page in the form's style: what went wrong and the way back to the form."""
    from pzspec.web.pages import page

    try:
        text = page("problem.html.j2", lang, status=status, messages=messages)
    except Exception:  # the form's templates are not there: a bare page, still worded
        items = "".join(f"<li>{html.escape(m)}</li>" for m in messages)
        text = (
            f'<!DOCTYPE html><html lang="{lang}"><meta charset="utf-8">'
            f"<title>{html.escape(tr(lang, 'web.error.title'))}</title>"
            f"<h1>{html.escape(tr(lang, 'web.error.title'))}</h1><ul>{items}</ul>"
            f'<p><a href="/?lang={lang}">{html.escape(tr(lang, "web.error.back"))}</a></p>'
        )
    return HTMLResponse(text, status)


def _name(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in loc[1:]) or str(loc[0] if loc else "-")


def validation_problem(error: Mapping[str, Any], lang: api.Lang) -> dict[str, Any]:
    """One of FastAPI's validation errors, named by its parameter, never by its value."""
    loc = tuple(error.get("loc", ()))
    where = str(loc[0]) if loc else "body"
    missing = error.get("type") == "missing"
    code = _VALIDATION_CODES.get((where, missing)) or _VALIDATION_CODES[("body", missing)]
    expected = (error.get("ctx") or {}).get("expected")
    allowed = str(expected).replace(" or ", ", ") if expected else ""
    hint = ("web.hint.expected", {"expected": allowed}) if allowed else None
    return web_problem(code, lang, hint=hint, name=_name(loc))


async def on_validation_error(request: Request, exc: Exception) -> Response:
    lang = lang_of(request.query_params)
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    found = [validation_problem(e, lang) for e in errors] or [web_problem("web.bad_request", lang)]
    if is_api(request.url.path):
        return problems(422, *found)
    return error_page(422, [p["message"] for p in found], lang)


async def on_http_error(request: Request, exc: Exception) -> Response:
    lang = lang_of(request.query_params)
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    api_path = is_api(request.url.path)
    code = _HTTP_CODES.get(status, "web.http_error")
    if status == 404 and not api_path:
        code = "web.page_not_found"
    found = web_problem(code, lang, status=status)
    headers = getattr(exc, "headers", None)
    if api_path:
        return JSONResponse({"problems": [found]}, status, headers=headers)
    return error_page(status, [found["message"]], lang)


async def on_internal_error(request: Request, exc: Exception) -> Response:
    """A bug in pzspec: 500, named by the kind of error only (never its text)."""
    lang = lang_of(request.query_params)
    found = web_problem("web.internal", lang, error=type(exc).__name__)
    if is_api(request.url.path):
        return problems(500, found)
    return error_page(500, [found["message"]], lang)


def too_large_response(path: str, query: Mapping[str, str], limit: int) -> Response:
    """413: the problems shape under /api, the error page elsewhere (an upload)."""
    lang = lang_of(query)
    found = too_large_problem(limit, lang)
    if is_api(path):
        return problems(413, found)
    return error_page(413, [found["message"]], lang)


def register(app: FastAPI) -> None:
    """Our answers instead of FastAPI's ``{"detail": ...}``."""
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(HTTPException, on_http_error)
    app.add_exception_handler(Exception, on_internal_error)
