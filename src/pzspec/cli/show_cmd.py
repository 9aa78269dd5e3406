"""``pzspec show`` and ``pzspec list``: what the rule data holds, as a person reads it."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from pzspec.errors import InputError

if TYPE_CHECKING:
    from pzspec.load.book import RuleBook
    from pzspec.render.i18n import Lang

from pzspec.cli.common import (
    Color,
    ColorOpt,
    DebugOpt,
    Format,
    FormatOpt,
    LangOpt,
    NoDefaultOpt,
    RulesOpt,
    VersionOpt,
    parse_lang,
    print_json,
    run,
    unknown_id,
)
from pzspec.cli.completion import course_ids, domain_ids, profile_ids
from pzspec.cli.framework_app import PzTyper
from pzspec.cli.output import (
    echo,
    use_color,
    width,
)

show_app = PzTyper(help="Toon een profiel of opleiding uit de regeldata.", no_args_is_help=True)


@show_app.callback()
def _show(lang: LangOpt = "nl") -> None:
    """The language is read before parsing (``cli.framework_i18n``); --lang is accepted here
    so that ``pzspec show --lang en -h`` works."""


def show_profile(
    profile_id: Annotated[
        str,
        typer.Argument(
            metavar="PROFIEL",
            help="vig, pz-verpleegkundige, vs-pa of arts.",
            autocompletion=profile_ids,
        ),
    ],
    domain: Annotated[
        str | None,
        typer.Option(
            "--domain", help="Toon alleen dit competentiedomein.", autocompletion=domain_ids
        ),
    ] = None,
    fmt: FormatOpt = Format.text,
    version: VersionOpt = None,
    rules: RulesOpt = None,
    no_default_rules: NoDefaultOpt = False,
    lang: LangOpt = "nl",
    color: ColorOpt = Color.auto,
    debug: DebugOpt = False,
) -> None:
    """Een profiel als leesbaar document.

    Competenties, praktijkactiviteiten, opleidingen, drempels en bronnen.
    """
    language = parse_lang(lang)

    def body() -> int:
        from pzspec.load.catalog import library
        from pzspec.render.views import announced, announced_view, profile_view

        book = library(rules or [], defaults=not no_default_rules).named(version)
        if profile_id in announced(book):  # known, but not described: say so, exit 0
            shown = announced_view(book, profile_id, language)
            return _emit(shown, fmt, "render_announced", language, color)
        if profile_id not in book.profiles:
            raise _unknown_profile(book, profile_id, language)
        domains = [d.id for d in book.rules.domains]
        if domain is not None and domain not in domains:
            raise unknown_id("what.domain", domain, domains, language)
        view = profile_view(book, profile_id, language, domain)
        return _emit(view, fmt, "render_profile", language, color)

    run(language, debug, body)


def _unknown_profile(book: RuleBook, value: str, lang: Lang) -> InputError:
    """An unknown profile id; when it names a profession (or nearly), the profile that
    profession belongs to, from the rule data: "bedoelde u het profiel vs-pa?"."""
    from pzspec.errors import echo
    from pzspec.load.id_hints import profile_hint
    from pzspec.messages import msg

    message = msg("err.unknown_id", what=msg("what.profile"), value=echo(value, (), 100))
    return InputError.single("pzspec", message, profile_hint(book, value))


def _emit(view: dict[str, Any], fmt: Format, renderer: str, lang: Lang, color: Color) -> int:
    """A view as JSON, or as text by ``renderer`` of ``render.show_text`` (loaded only then)."""
    if fmt is Format.json:
        print_json(view)
        return 0
    from pzspec.render import show_text

    render = getattr(show_text, renderer)
    echo(render(view, lang, color=use_color(color), width=width()))
    return 0


def show_course(
    course_id: Annotated[
        str,
        typer.Argument(
            metavar="OPLEIDING", help="Id uit 'pzspec list courses'.", autocompletion=course_ids
        ),
    ],
    fmt: FormatOpt = Format.text,
    version: VersionOpt = None,
    rules: RulesOpt = None,
    no_default_rules: NoDefaultOpt = False,
    lang: LangOpt = "nl",
    color: ColorOpt = Color.auto,
    debug: DebugOpt = False,
) -> None:
    """Een opleiding uit de catalogus: wat zij inhoudt en in welke routes zij telt."""
    language = parse_lang(lang)

    def body() -> int:
        from pzspec.load.catalog import library
        from pzspec.render.views import course_view

        book = library(rules or [], defaults=not no_default_rules).named(version)
        if course_id not in book.courses:
            raise unknown_id("what.course", course_id, list(book.courses), language)
        view = course_view(book, course_id, language)
        return _emit(view, fmt, "render_course", language, color)

    run(language, debug, body)


class Listable(StrEnum):
    profiles = "profiles"
    courses = "courses"
    kinds = "kinds"
    activities = "activities"
    professions = "professions"
    versions = "versions"


def list_(
    what: Annotated[
        Listable,
        typer.Argument(help="profiles, courses, kinds, activities, professions of versions."),
    ],
    fmt: FormatOpt = Format.text,
    version: VersionOpt = None,
    rules: RulesOpt = None,
    no_default_rules: NoDefaultOpt = False,
    lang: LangOpt = "nl",
    debug: DebugOpt = False,
) -> None:
    """Som op wat de regeldata kent."""
    language = parse_lang(lang)

    def body() -> int:
        from pzspec.load.catalog import library
        from pzspec.render.views import listing

        lib = library(rules or [], defaults=not no_default_rules)
        if what is Listable.versions:
            rows = [
                {
                    "version": src.set_id,
                    "kind": src.kind,
                    "extends": getattr(src.model, "extends", None),
                    "valid_from": src.model.valid_from.isoformat(),  # type: ignore[union-attr]
                    "valid_until": (
                        src.model.valid_until.isoformat() if src.model.valid_until else None  # type: ignore[union-attr]
                    ),
                    "publisher": src.model.publisher,  # type: ignore[union-attr]
                    "file": src.display,
                }
                for src in lib.versions() + lib.of_kind("overlay")
            ]
        else:
            rows = listing(lib.named(version), what.value, language)
        if fmt is Format.json:
            print_json(rows)
        else:
            from pzspec.render.show_text import render_list

            echo(render_list(rows, color=use_color(Color.auto), width=width(), lang=language))
        return 0

    run(language, debug, body)
