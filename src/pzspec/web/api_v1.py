"""The HTTP API, version 1: a check returns exactly the JSON of ``pzspec check -f json``."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from pzspec import api
from pzspec.render.i18n import tr
from pzspec.web.factory import Rules

router = APIRouter(prefix="/api/v1", tags=["api v1"])

MAX_CHECKS = 100
"""``POST /api/v1/checks`` takes at most this many portfolios."""

UNREADABLE = frozenset(
    {
        "err.yaml",
        "err.bad_char",
        "err.binary",
        "err.control_char",
        "err.empty",
        "err.multi_doc",
        "err.too_deep",
        "err.too_many_nodes",
        "err.too_large",
        "err.alias_cycle",
        "err.undefined_alias",
        "err.merge_key",
        "err.tag",
        "err.tag_value",
        "err.not_finite",
        "err.number",
    }
)
"""Problems that mean the body is no YAML or JSON document pzspec can read: 400. Any other
problem is a readable document that is no valid portfolio: 422."""

ISO_DAY = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}")
LangQ = Annotated[Literal["nl", "en"], Query(description="nl (default) or en")]
AsOfQ = Annotated[
    str | None, Query(description="the date of the check, YYYY-MM-DD (default: today)")
]
YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml")
PORTFOLIO_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "application/yaml": {"schema": {"type": "string"}},
        "application/json": {"schema": {"$ref": "/api/v1/schema/portfolio"}},
    },
}


def _rules(request: Request) -> Rules:
    rules: Rules = request.app.state.rules
    return rules


def web_problem(code: str, lang: api.Lang, **args: Any) -> dict[str, Any]:
    """A problem of the web layer itself, shaped as the checker's problems."""
    return {
        "file": None,
        "line": None,
        "column": None,
        "message": tr(lang, code, **args),
        "hint": None,
        "level": "error",
        "code": code,
        "args": args,
    }


def _day(raw: str | None, lang: api.Lang) -> dt.date | JSONResponse:
    if raw is None:
        return dt.date.today()
    try:
        day = dt.date.fromisoformat(raw) if ISO_DAY.fullmatch(raw) else None
    except ValueError:
        day = None
    if day is not None and 1900 <= day.year <= 2199:  # as pzspec check --as-of
        return day
    return JSONResponse({"problems": [web_problem("web.bad_as_of", lang, value=raw)]}, 422)


def _book(request: Request, day: dt.date, lang: api.Lang) -> api.RuleBook | JSONResponse:
    try:
        return _rules(request).on(day)
    except api.InputError as exc:
        problems = [api.problem_json(p, lang) for p in exc.problems]
        return JSONResponse({"problems": problems}, 422)


_JSON_DATE = re.compile(rb'"([0-9]{4}-[0-9]{2}-[0-9]{2})"')


def json_dates(body: bytes | str) -> bytes:
    """JSON has no dates: a string that is exactly YYYY-MM-DD is read as the date it
    writes. The quotes become spaces, so every line and column stays where it was (JSON is
    YAML, and the checker reads it as such)."""
    raw = body.encode("utf-8") if isinstance(body, str) else body
    return _JSON_DATE.sub(rb" \1 ", raw)


def outcome_body(outcome: api.Outcome, book: api.RuleBook, lang: api.Lang) -> tuple[int, str]:
    """The status and JSON text of one outcome: the contract's result, or its problems."""
    if outcome.result is not None:
        return 200, api.render(outcome, "json", lang, book=book)
    if outcome.problems:
        codes = {p.code for p in outcome.problems}
        status = 400 if codes & UNREADABLE else 422
        problems = [api.problem_json(p, lang) for p in outcome.problems]
        return status, json.dumps({"problems": problems}, ensure_ascii=False, indent=2) + "\n"
    body = {"problems": [web_problem("web.internal", lang, error=outcome.internal or "")]}
    return 500, json.dumps(body, ensure_ascii=False) + "\n"


@router.post(
    "/check",
    openapi_extra={"requestBody": PORTFOLIO_BODY},
    responses={
        200: {"description": "the check result (docs/portfolio-format.md)"},
        400: {"description": "the body is no YAML or JSON document: positioned problems"},
        413: {"description": "the body is over 2 MB"},
        422: {"description": "the body is no valid portfolio: positioned problems"},
    },
)
async def check(request: Request, as_of: AsOfQ = None, lang: LangQ = "nl") -> Response:
    """Check one portfolio, sent as YAML (``Content-Type: application/yaml``) or JSON.
    The answer is exactly what ``pzspec check -f json`` prints for it."""
    day = _day(as_of, lang)
    if isinstance(day, JSONResponse):
        return day
    book = _book(request, day, lang)
    if isinstance(book, JSONResponse):
        return book
    body = await request.body()
    if request.headers.get("content-type", "").split(";")[0].strip() == "application/json":
        body = json_dates(body)
    # in a worker thread, so that one long check does not hold up /healthz and the rest
    outcome = await run_in_threadpool(
        api.check_text, body, name="portfolio.yaml", rules=book, as_of=day
    )
    status, text = outcome_body(outcome, book, lang)
    return Response(text.encode("utf-8"), status, media_type="application/json")


@router.post("/checks")
def checks(
    request: Request,
    portfolios: Annotated[
        list[dict[str, Any] | str],
        Body(
            embed=True,
            max_length=MAX_CHECKS,
            description="portfolios as JSON objects or YAML texts, at most 100",
        ),
    ],
    as_of: AsOfQ = None,
    lang: LangQ = "nl",
) -> Response:
    """Check up to 100 portfolios; one item per portfolio, in order: ``status`` (as
    ``/check`` would answer) and ``result`` or ``problems``."""
    day = _day(as_of, lang)
    if isinstance(day, JSONResponse):
        return day
    book = _book(request, day, lang)
    if isinstance(book, JSONResponse):
        return book
    items = []
    for n, each in enumerate(portfolios, 1):
        text = each if isinstance(each, str) else json_dates(json.dumps(each, ensure_ascii=False))
        name = f"portfolio-{n}.yaml"
        outcome = api.check_text(text, name=name, rules=book, as_of=day)
        status, body = outcome_body(outcome, book, lang)
        items.append(
            {"status": status, **json.loads(body)}
            if status != 200
            else {"status": status, "result": json.loads(body)}
        )
    return JSONResponse({"results": items})


def _found(value: Any, code: str, ident: str, lang: api.Lang) -> JSONResponse:
    if value is None:
        problem = web_problem(code, lang, value=ident)
        return JSONResponse({"problems": [problem]}, 404)
    return JSONResponse(value)


@router.get("/profiles")
def profiles(request: Request, as_of: AsOfQ = None, lang: LangQ = "nl") -> Response:
    """The profiles of the rule book in force (as ``pzspec list profiles -f json``)."""
    return _listing(request, "profiles", as_of, lang)


@router.get("/profiles/{profile_id}")
def profile(request: Request, profile_id: str, as_of: AsOfQ = None, lang: LangQ = "nl") -> Response:
    """One profile (as ``pzspec show profile ID -f json``)."""
    book = _book_for(request, as_of, lang)
    if isinstance(book, Response):
        return book
    return _found(api.profile_view(book, profile_id, lang), "web.unknown_profile", profile_id, lang)


@router.get("/courses")
def courses(request: Request, as_of: AsOfQ = None, lang: LangQ = "nl") -> Response:
    """The course catalogue (as ``pzspec list courses -f json``)."""
    return _listing(request, "courses", as_of, lang)


@router.get("/courses/{course_id}")
def course(request: Request, course_id: str, as_of: AsOfQ = None, lang: LangQ = "nl") -> Response:
    """One course (as ``pzspec show course ID -f json``)."""
    book = _book_for(request, as_of, lang)
    if isinstance(book, Response):
        return book
    return _found(api.course_view(book, course_id, lang), "web.unknown_course", course_id, lang)


@router.get("/versions")
def versions(request: Request) -> Response:
    """Every rule version and overlay (as ``pzspec list versions -f json``)."""
    return JSONResponse(api.versions(_rules(request).data))


@router.get("/schema/portfolio")
def schema(request: Request, as_of: AsOfQ = None, lang: LangQ = "nl") -> Response:
    """The JSON Schema of a portfolio (as ``pzspec schema portfolio``)."""
    book = _book_for(request, as_of, lang)
    if isinstance(book, Response):
        return book
    return JSONResponse(api.portfolio_schema(book))


def _book_for(request: Request, as_of: str | None, lang: api.Lang) -> api.RuleBook | Response:
    day = _day(as_of, lang)
    return day if isinstance(day, JSONResponse) else _book(request, day, lang)


def _listing(request: Request, what: str, as_of: str | None, lang: api.Lang) -> Response:
    book = _book_for(request, as_of, lang)
    if isinstance(book, Response):
        return book
    return JSONResponse(api.listing(book, what, lang))
