"""An existing portfolio file: checked as ``pzspec check`` checks it (on the Peildatum of the
first page), or opened in the form with every answer filled in, to change and download again.

The upload buttons belong to the first page's form, so the Peildatum and the language a
person set there come along. Nothing is stored: the file is read from the request and its
answers go into the next page's hidden fields.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.datastructures import FormData, UploadFile

from pzspec import api
from pzspec.web import form_prefill, form_routes
from pzspec.web.form_state import State, from_form, one
from pzspec.web.spec import form_spec

if TYPE_CHECKING:
    from pzspec.models.portfolio import Portfolio

router = APIRouter(include_in_schema=False)


async def _portfolio(posted: FormData) -> tuple[str, bytes] | None:
    """The file's name and bytes: the upload, or (language switch on the result page) the
    text the result page carries; None when no file was chosen."""
    upload = posted.get("portfolio")
    if isinstance(upload, UploadFile) and upload.filename:
        return upload.filename, await upload.read()
    text = posted.get("yaml")
    name = posted.get("name")
    if isinstance(text, str) and text:
        return (name if isinstance(name, str) and name else "portfolio.yaml"), text.encode()
    return None


@router.post("/form/upload", response_class=HTMLResponse)
async def upload(request: Request) -> HTMLResponse:
    """``upload=check`` (the default): the result; ``upload=edit``: the form, filled in."""
    posted = await request.form()
    items = [(k, v) for k, v in posted.multi_items() if isinstance(v, str)]
    buttons = dict(items)
    state = from_form(items)
    state.pop("step", None)
    lang = form_routes._lang(buttons.get("switch_lang") or one(state, "lang"))
    state.pop("lang", None)
    state.setdefault("as_of", [""])
    wrong_day = form_routes.as_of_errors(state, lang)
    if wrong_day:
        return form_routes.step_page(request, state, "start", lang, wrong_day)
    day = form_routes._as_of(state)
    chosen = await _portfolio(posted)
    if chosen is None:
        none = [form_routes.api_tr(lang, "web.upload.none")]
        return form_routes.step_page(request, state, "start", lang, {"portfolio": none})
    name, raw = chosen
    book = form_routes._rules(request).on(day)
    outcome = api.check_text(raw, name=name, rules=book, as_of=day)
    portfolio, _ = api.read_text(raw, name=name, rules=book)
    if outcome.result is None or portfolio is None:
        return _unusable(request, state, outcome, lang)
    answers = form_prefill.state_of(portfolio, one(state, "as_of") or day.isoformat())
    notes = _not_kept(request, portfolio, answers, lang, day)
    if buttons.get("upload") == "edit":
        notes.insert(0, form_routes.api_tr(lang, "web.upload.opened", file=name))
        return form_routes.step_page(request, answers, "person", lang, notes=notes)
    text = raw.decode("utf-8", "replace")
    return form_routes.result_page(
        request, outcome, text, day, lang, answers, uploaded=True, notes=notes
    )


def _unusable(request: Request, state: State, outcome: api.Outcome, lang: api.Lang) -> HTMLResponse:
    from pzspec.render.problems import problem_line

    loose = [problem_line(p, lang) for p in outcome.problems]
    if outcome.internal:
        loose.append(form_routes.api_tr(lang, "web.internal", error=outcome.internal))
    return form_routes.step_page(request, state, "start", lang, {"portfolio": loose})


def _not_kept(
    request: Request, portfolio: Portfolio, answers: State, lang: api.Lang, day: dt.date
) -> list[str]:
    """A note naming what of the file the form cannot hold (empty: everything is kept)."""
    book = form_routes._rules(request).on(day)
    spec = form_spec(book, portfolio.person.profession, lang)
    if spec is None:
        return []
    lost = form_prefill.shown(form_prefill.not_kept(portfolio, answers, spec, book))
    if not lost:
        return []
    return [form_routes.api_tr(lang, "web.upload.not_kept", fields=", ".join(lost))]
