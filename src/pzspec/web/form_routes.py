"""The guided form: one page per step, every answer carried in hidden fields (nothing is
stored on the server, no cookies), the check at the end, and the downloads.

Every request is a POST (except the first page), so that no answer ever appears in a URL or
in an access log. Works without JavaScript; ``script.js`` only adds and removes rows in place.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse, Response

from pzspec import api
from pzspec.web import pages
from pzspec.web.factory import Rules
from pzspec.web.form_state import (
    ROWS,
    State,
    add_row,
    from_form,
    one,
    portfolio_yaml,
    remove_row,
    rows,
)
from pzspec.web.spec import OTHER_COURSE, form_spec, professions

router = APIRouter(include_in_schema=False)
ASSETS = {"script.js": "text/javascript", "style.css": "text/css"}


def _lang(raw: str | None) -> api.Lang:
    return "en" if raw == "en" else "nl"


def _rules(request: Request) -> Rules:
    rules: Rules = request.app.state.rules
    return rules


def _as_of(state: State) -> dt.date:
    try:
        return dt.date.fromisoformat(one(state, "as_of"))
    except ValueError:
        return dt.date.today()


@router.get("/", response_class=HTMLResponse)
def start(request: Request, lang: str | None = None) -> HTMLResponse:
    """The first page: the profession, or an existing portfolio file."""
    return _step(request, {"as_of": [dt.date.today().isoformat()]}, "start", _lang(lang))


@router.get("/static/{name}")
def asset(name: str) -> Response:
    if name not in ASSETS:
        return Response(status_code=404)
    return FileResponse(api.templates_dir() / "web" / name, media_type=ASSETS[name])


@router.post("/form", response_class=HTMLResponse)
async def form(request: Request) -> HTMLResponse:
    """Every button of the form: go to a step, add or remove a row, switch the language,
    or check."""
    posted = await request.form()
    items = [(k, v) for k, v in posted.multi_items() if isinstance(v, str)]
    buttons = dict(items)
    state = from_form(items)
    lang = _lang(buttons.get("switch_lang") or one(state, "lang"))
    state.pop("lang", None)
    here = one(state, "step") if one(state, "step") in pages.STEPS else "start"
    state.pop("step", None)
    action = buttons.get("action", "")
    if action:
        _row_action(state, action)
        return _step(request, state, here, lang)
    go = buttons.get("go", here)
    if go == "check":
        return _check(request, state, lang)
    return _step(request, state, go if go in pages.STEPS else here, lang)


def _row_action(state: State, action: str) -> None:
    verb, _, rest = action.partition("-")
    prefix, _, number = rest.partition("-")
    if prefix not in ROWS:
        return
    if verb == "add":
        add_row(state, prefix)
    elif verb == "remove" and number.isdigit():
        remove_row(state, prefix, int(number))


def _step(
    request: Request,
    state: State,
    step: str,
    lang: api.Lang,
    errors: dict[str, list[str]] | None = None,
    loose: list[str] | None = None,
) -> HTMLResponse:
    book = _rules(request).on(_as_of(state))
    spec = form_spec(book, one(state, "profession"), lang)
    errors = dict(errors or {})
    if spec is None and step != "start":
        errors["profession"] = [api_tr(lang, "web.form.choose_profession")]
        step = "start"
    if spec is not None and step == "education" and not rows(state, "edu"):
        add_row(state, "edu")
    if spec is not None and step == "experience" and not rows(state, "exp"):
        add_row(state, "exp")
    steps = pages.steps_for(spec)
    step = step if step in steps else steps[-1]
    html = pages.page(
        "step.html.j2",
        lang,
        step=step,
        steps=steps,
        spec=spec,
        state=state,
        one=lambda key: one(state, key),
        many=lambda key: state.get(key, []),
        rows=lambda prefix: rows(state, prefix),
        hidden=pages.hidden(state, step),
        errors=errors,
        loose=loose or [],
        professions=professions(book, lang),
        other=OTHER_COURSE,
        pairs=lambda values: [(v, v.replace("-", " ")) for v in values],
        today=dt.date.today().isoformat(),
    )
    return HTMLResponse(html)


def api_tr(lang: api.Lang, code: str, **args: Any) -> str:
    from pzspec.render.i18n import tr

    return tr(lang, code, **args)


def _check(request: Request, state: State, lang: api.Lang) -> HTMLResponse:
    day = _as_of(state)
    book = _rules(request).on(day)
    spec = form_spec(book, one(state, "profession"), lang)
    if spec is None:
        return _step(request, state, "start", lang)
    built = portfolio_yaml(state, spec)
    if built.problems:
        errors = pages.form_errors(built, lang)
        return _step(request, state, _first_step(errors, spec), lang, errors)
    outcome = api.check_text(built.yaml, name="portfolio.yaml", rules=book, as_of=day)
    if outcome.result is None:
        errors, loose = pages.checker_errors(outcome.problems, built, lang)
        if outcome.internal:
            loose.append(api_tr(lang, "web.internal", error=outcome.internal))
        return _step(request, state, _first_step(errors, spec), lang, errors, loose)
    return _result(book, outcome, built.yaml, day, lang, state)


def _first_step(errors: dict[str, list[str]], spec: Any) -> str:
    steps = pages.steps_for(spec)
    found = [pages.step_of(name) for name in errors]
    return min(found, key=steps.index) if found else steps[-1]


def _result(
    book: api.RuleBook,
    outcome: api.Outcome,
    yaml: str,
    day: dt.date,
    lang: api.Lang,
    state: State | None,
) -> HTMLResponse:
    style, body = pages.result_parts(api.render(outcome, "html", lang, book=book))
    assert outcome.result is not None
    html = pages.page(
        "result.html.j2",
        lang,
        report_style=style,
        report_body=body,
        verdict=outcome.result.verdict,
        yaml=yaml,
        as_of=day.isoformat(),
        hidden=[(k, v) for k, values in (state or {}).items() for v in values],
    )
    return HTMLResponse(html)


@router.post("/form/upload", response_class=HTMLResponse)
async def upload(
    request: Request,
    portfolio: Annotated[UploadFile, File()],
    lang: Annotated[str, Form()] = "nl",
    as_of: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """An existing portfolio file: checked as ``pzspec check`` would check it."""
    language = _lang(lang)
    state: State = {"as_of": [as_of]}
    day = _as_of(state)
    book = _rules(request).on(day)
    raw = await portfolio.read()
    outcome = api.check_text(
        raw, name=portfolio.filename or "portfolio.yaml", rules=book, as_of=day
    )
    if outcome.result is None:
        from pzspec.render.problems import problem_line

        loose = [problem_line(p, language) for p in outcome.problems]
        if outcome.internal:
            loose.append(api_tr(language, "web.internal", error=outcome.internal))
        return _step(request, state, "start", language, {"portfolio": loose})
    text = raw.decode("utf-8", "replace")
    return _result(book, outcome, text, day, language, None)


@router.post("/form/download/{what}")
async def download(request: Request, what: str) -> Response:
    """The portfolio as a YAML file, or the report as an HTML file."""
    posted = await request.form()
    yaml = str(posted.get("yaml", "")).replace("\r\n", "\n")
    lang = _lang(str(posted.get("lang", "nl")))
    if what == "portfolio.yaml":
        return Response(yaml, media_type="application/yaml", headers=_attachment(what))
    if what != "report.html":
        return Response(status_code=404)
    day = _as_of({"as_of": [str(posted.get("as_of", ""))]})
    book = _rules(request).on(day)
    outcome = api.check_text(yaml, name="portfolio.yaml", rules=book, as_of=day)
    if outcome.result is None:
        return Response(status_code=422)
    html = api.render(outcome, "html", lang, book=book)
    return Response(html, media_type="text/html; charset=utf-8", headers=_attachment(what))


def _attachment(name: str) -> dict[str, str]:
    return {"content-disposition": f'attachment; filename="{name}"'}
