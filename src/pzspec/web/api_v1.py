"""The HTTP API, version 1: a check returns exactly the JSON of ``pzspec check -f json``."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from pzspec import api
from pzspec.render.words import word
from pzspec.web.api_errors import problems, web_problem
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
CHECKS_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["portfolios"],
                "additionalProperties": False,
                "properties": {
                    "portfolios": {
                        "type": "array",
                        "maxItems": MAX_CHECKS,
                        "items": {"oneOf": [{"type": "object"}, {"type": "string"}]},
                        "description": "portfolios as JSON objects or YAML texts, at most 100",
                    }
                },
            }
        }
    },
}


def _rules(request: Request) -> Rules:
    rules: Rules = request.app.state.rules
    return rules


def _day(raw: str | None, lang: api.Lang) -> dt.date | JSONResponse:
    if raw is None:
        return dt.date.today()
    try:
        day = dt.date.fromisoformat(raw) if ISO_DAY.fullmatch(raw) else None
    except ValueError:
        day = None
    if day is not None and 1900 <= day.year <= 2199:  # as pzspec check --as-of
        return day
    return problems(422, web_problem("web.bad_as_of", lang, value=raw))


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


def is_json(request: Request) -> bool:
    """``application/json`` or a ``+json`` type: the body is JSON, else it is YAML."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return kind == "application/json" or (
        kind.startswith("application/") and kind.endswith("+json")
    )


def json_syntax(body: bytes, file: str | None, lang: api.Lang) -> dict[str, Any] | None:
    """The JSON syntax error of ``body`` at its line and column, or None (also for bytes that
    are no UTF-8: the checker reports those, as for a file)."""
    try:
        json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        return None
    except json.JSONDecodeError as exc:
        at = (file, exc.lineno, exc.colno)
        return web_problem("web.json_syntax", lang, hint=("web.json_syntax.hint", {}), at=at)
    return None


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
    """Check one portfolio, sent as YAML (``Content-Type: application/yaml``) or JSON
    (``application/json``; problems then name ``portfolio.json``). The answer is exactly
    what ``pzspec check -f json`` prints for it."""
    day = _day(as_of, lang)
    if isinstance(day, JSONResponse):
        return day
    book = _book(request, day, lang)
    if isinstance(book, JSONResponse):
        return book
    body = await request.body()
    name = "portfolio.yaml"
    if is_json(request):
        name = "portfolio.json"
        broken = json_syntax(body, name, lang)
        if broken is not None:
            return problems(400, broken)
        body = json_dates(body)
    # in a worker thread, so that one long check does not hold up /healthz and the rest
    outcome = await run_in_threadpool(api.check_text, body, name=name, rules=book, as_of=day)
    status, text = outcome_body(outcome, book, lang)
    return Response(text.encode("utf-8"), status, media_type="application/json")


def _portfolios(body: bytes, request: Request, lang: api.Lang) -> list[Any] | JSONResponse:
    """The list ``{"portfolios": [...]}`` of a /checks body, or the problem with it."""
    if not is_json(request):
        return problems(415, web_problem("web.checks_json", lang))
    broken = json_syntax(body, None, lang)
    if broken is not None:
        return problems(400, broken)
    try:
        data = json.loads(body.decode("utf-8"))
    except ValueError:  # no UTF-8
        return problems(400, web_problem("web.checks_json", lang))
    listed = data.get("portfolios") if isinstance(data, dict) else None
    if not isinstance(listed, list) or len(data) != 1:
        return problems(422, web_problem("web.checks_shape", lang, limit=MAX_CHECKS))
    if len(listed) > MAX_CHECKS:
        hint: tuple[str, dict[str, Any]] = ("web.too_many_checks.hint", {})
        found = web_problem(
            "web.too_many_checks", lang, hint=hint, count=len(listed), limit=MAX_CHECKS
        )
        return problems(422, found)
    return listed


def _one(each: Any, n: int, book: api.RuleBook, day: dt.date, lang: api.Lang) -> dict[str, Any]:
    if isinstance(each, dict):
        text: str | bytes = json_dates(json.dumps(each, ensure_ascii=False))
        name = f"portfolio-{n}.json"
    elif isinstance(each, str):
        text, name = each, f"portfolio-{n}.yaml"
    else:
        problem = web_problem("web.checks_item", lang, at=(f"portfolio-{n}", None, None), number=n)
        return {"status": 422, "problems": [problem]}
    outcome = api.check_text(text, name=name, rules=book, as_of=day)
    status, body = outcome_body(outcome, book, lang)
    if status == 200:
        return {"status": status, "result": json.loads(body)}
    return {"status": status, **json.loads(body)}


@router.post(
    "/checks",
    openapi_extra={"requestBody": CHECKS_BODY},
    responses={
        200: {"description": "one item per portfolio, in order"},
        400: {"description": "the body is no JSON document: a positioned problem"},
        413: {"description": "the body is over 2 MB"},
        415: {"description": "the body is not sent as application/json"},
        422: {"description": "the body is no object with a list of at most 100 portfolios"},
    },
)
async def checks(request: Request, as_of: AsOfQ = None, lang: LangQ = "nl") -> Response:
    """Check up to 100 portfolios, sent as JSON ``{"portfolios": [...]}``, each a portfolio
    object or a YAML text; one item per portfolio, in order: ``status`` (as ``/check``
    would answer) and ``result`` or ``problems``."""
    day = _day(as_of, lang)
    if isinstance(day, JSONResponse):
        return day
    book = _book(request, day, lang)
    if isinstance(book, JSONResponse):
        return book
    listed = _portfolios(await request.body(), request, lang)
    if isinstance(listed, JSONResponse):
        return listed

    def every() -> list[dict[str, Any]]:
        return [_one(each, n, book, day, lang) for n, each in enumerate(listed, 1)]

    return JSONResponse({"results": await run_in_threadpool(every)})


_UNKNOWN = {"profile": "web.unknown_profile", "course": "web.unknown_course"}


def _shown(
    request: Request,
    what: str,
    ident: str,
    view: Callable[[api.RuleBook, str, api.Lang], dict[str, Any] | None],
    as_of: str | None,
    lang: api.Lang,
) -> Response:
    """One profile or course as ``pzspec show`` gives it, or 404 with the hint ``show``
    gives (the profile of a profession, or the closest id)."""
    book = _book_for(request, as_of, lang)
    if isinstance(book, Response):
        return book
    value = view(book, ident, lang)
    if value is None:
        hint = word(api.unknown_id_hint(book, what, ident), lang)
        problem = web_problem(_UNKNOWN[what], lang, value=ident[:100])
        return problems(404, {**problem, "hint": hint})
    return JSONResponse(value)


@router.get("/profiles")
def profiles(request: Request, as_of: AsOfQ = None, lang: LangQ = "nl") -> Response:
    """The profiles of the rule book in force (as ``pzspec list profiles -f json``)."""
    return _listing(request, "profiles", as_of, lang)


@router.get("/profiles/{profile_id}")
def profile(request: Request, profile_id: str, as_of: AsOfQ = None, lang: LangQ = "nl") -> Response:
    """One profile (as ``pzspec show profile ID -f json``)."""
    return _shown(request, "profile", profile_id, api.profile_view, as_of, lang)


@router.get("/courses")
def courses(request: Request, as_of: AsOfQ = None, lang: LangQ = "nl") -> Response:
    """The course catalogue (as ``pzspec list courses -f json``)."""
    return _listing(request, "courses", as_of, lang)


@router.get("/courses/{course_id}")
def course(request: Request, course_id: str, as_of: AsOfQ = None, lang: LangQ = "nl") -> Response:
    """One course (as ``pzspec show course ID -f json``)."""
    return _shown(request, "course", course_id, api.course_view, as_of, lang)


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
