"""``pzspec serve``: the guided web form and the HTTP API on a local address (docs/web.md)."""

from __future__ import annotations

import importlib.util
from typing import Annotated

import typer

from pzspec.cli.common import DebugOpt, LangOpt, NoDefaultOpt, RulesOpt, fail, parse_lang, run
from pzspec.cli.startup import settle
from pzspec.render.i18n import tr

WEB_PACKAGES = ("fastapi", "uvicorn", "multipart")


def serve(
    host: Annotated[
        str, typer.Option("--host", help="Adres om op te luisteren (standaard alleen lokaal).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Poort.", min=1, max=65535)] = 8000,
    rules: RulesOpt = None,
    no_default_rules: NoDefaultOpt = False,
    lang: LangOpt = "nl",
    debug: DebugOpt = False,
) -> None:
    """Start het webformulier en de HTTP-API (vereist: pip install 'pzspec[web]')."""
    language = parse_lang(lang)
    missing = [name for name in WEB_PACKAGES if importlib.util.find_spec(name) is None]
    if missing:
        fail(tr(language, "serve.no_extra", packages=", ".join(missing)))

    def body() -> int:
        import uvicorn

        from pzspec.web import create_app

        app = create_app(rules or [], defaults=not no_default_rules)
        settle()  # a server runs for long: the collector on (cli/startup.py)
        shown_host = f"[{host}]" if ":" in host else host
        typer.echo(tr(language, "serve.listening", url=f"http://{shown_host}:{port}/"))
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
        return 0

    run(language, debug, body)
