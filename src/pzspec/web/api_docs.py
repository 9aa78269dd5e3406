"""``/docs``: the HTTP API described on a page the app serves itself, from the OpenAPI the
app generates (every path, its parameters, bodies and answers), with a link to
``/openapi.json``. FastAPI's own explorer (Swagger UI, ReDoc) loads its scripts from a CDN;
no well-kept PyPI package ships them, so the app does not offer it: every asset stays
the app's own and the one policy holds for every page. ``/redoc`` leads here.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from pzspec import __version__, api
from pzspec.web import pages

router = APIRouter(include_in_schema=False)
METHODS = ("get", "post", "put", "patch", "delete")


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per path and method: summary, description, parameters, bodies, answers."""
    found = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": [
                        {
                            "name": p.get("name", ""),
                            "where": p.get("in", ""),
                            "required": bool(p.get("required")),
                            "description": p.get("description", ""),
                        }
                        for p in op.get("parameters", [])
                    ],
                    "bodies": sorted(op.get("requestBody", {}).get("content", {})),
                    "answers": [
                        (code, answer.get("description", ""))
                        for code, answer in sorted(op.get("responses", {}).items())
                    ],
                }
            )
    return found


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request, lang: str | None = None) -> HTMLResponse:
    """The API, described from its OpenAPI, with nothing loaded from elsewhere."""
    language: api.Lang = "en" if lang == "en" else "nl"
    spec = request.app.openapi()
    html = pages.page(
        "api_docs.html.j2",
        language,
        operations=operations(spec),
        version=__version__,
        api_title=spec.get("info", {}).get("title", "pzspec"),
    )
    return HTMLResponse(html)


@router.get("/redoc")
def redoc() -> RedirectResponse:
    """The former address of FastAPI's ReDoc page."""
    return RedirectResponse("/docs", status_code=308)
