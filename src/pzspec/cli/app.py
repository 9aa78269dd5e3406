"""The command line: parse options, call the core, pick a renderer, set the exit status."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, assert_never

import typer

from pzspec import __version__
from pzspec.cli.output import (
    EXIT_OUTPUT,
    OutputFault,
    echo,
    guarded_stdout,
    is_stdout,
    progress,
    quiet_stdout,
    use_color,
    width,
)
from pzspec.errors import InputError, Problem, one_line, shown
from pzspec.render.i18n import Lang, counted, tr

if TYPE_CHECKING:
    from pzspec.load.catalog import RuleBook
    from pzspec.render.batch import Sink

app = typer.Typer(
    name="pzspec",
    help="Toetst portfolio's aan het Basisprofiel palliatieve zorg (O2PZ, maart 2025) en de "
    "regels van de verenigingen, en legt de uitkomst uit. Over erkenning beslissen de "
    "verenigingen, niet pzspec.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

EXIT_INTERNAL = 70
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a closed pipe


class Format(StrEnum):
    text = "text"
    json = "json"


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    html = "html"
    markdown = "markdown"
    github = "github"
    junit = "junit"


class ValidateFormat(StrEnum):
    text = "text"
    github = "github"


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


LangOpt = Annotated[
    str, typer.Option("--lang", help="Taal van de uitvoer: nl of en.", case_sensitive=False)
]
ColorOpt = Annotated[Color, typer.Option("--color", help="Kleur: auto, always of never.")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Uitvoer: text of json.")]
RulesOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--rules",
        help="Extra regeldata (overlay- of regelbestand, of een map); mag vaker.",
        show_default=False,
    ),
]
NoDefaultOpt = Annotated[
    bool, typer.Option("--no-default-rules", help="Gebruik alleen de regeldata van --rules.")
]
DebugOpt = Annotated[
    bool, typer.Option("--debug", help="Toon de volledige foutmelding bij een interne fout.")
]


def _lang(value: str) -> Lang:
    value = value.lower()
    if value not in ("nl", "en"):
        _fail(tr("nl", "cli.bad_lang", value=shown(value, 20)))
    return "en" if value == "en" else "nl"


def _fail(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"pzspec: {message}", err=True)
    raise typer.Exit(code)


_ISO_DAY = re.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _as_of(value: str | None, lang: Lang) -> dt.date:
    if value is None:
        return dt.date.today()
    # only the documented form: fromisoformat alone also takes 20260101 and 2026-W01-1
    if not _ISO_DAY.fullmatch(value):
        _fail(tr(lang, "cli.bad_date", value=one_line(value)))
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        _fail(tr(lang, "cli.bad_date", value=one_line(value)))
    if not 1900 <= day.year <= 2199:  # the range yamlio accepts for dates in files
        _fail(tr(lang, "cli.date_range", value=value))
    return day


def _internal(exc: BaseException, lang: Lang, debug: bool) -> NoReturn:
    if debug:
        import traceback

        traceback.print_exception(exc)
    typer.echo("pzspec: " + tr(lang, "cli.internal", error=type(exc).__name__), err=True)
    raise typer.Exit(EXIT_INTERNAL)


def _report_problems(err: InputError) -> None:
    for problem in err.problems:
        typer.echo(problem.format(), err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pzspec {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Toon de versie.")
    ] = False,
) -> None:
    """pzspec: het Basisprofiel palliatieve zorg als regels, en een uitgelegd oordeel."""


def _run(lang: Lang, debug: bool, body: Callable[[], int]) -> NoReturn:
    """Run a command body: input errors exit 2 with their lines, a fault in writing stdout
    exits 74 with one line, a closed pipe 141 in silence, anything else 70."""
    try:
        with guarded_stdout():
            code = body()
    except InputError as err:
        _report_problems(err)
        raise typer.Exit(2) from None
    except (typer.Exit, KeyboardInterrupt):
        raise
    except BrokenPipeError:
        # the reader went away (e.g. `| head`): stop quietly, like other command-line tools
        quiet_stdout()
        raise typer.Exit(EXIT_BROKEN_PIPE) from None
    except OutputFault as fault:
        quiet_stdout()
        typer.echo("pzspec: " + fault.message(lang), err=True)
        raise typer.Exit(EXIT_OUTPUT) from None
    except Exception as exc:
        _internal(exc, lang, debug)
    raise typer.Exit(code)


@app.command()
def check(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Portfoliobestanden (YAML) of mappen (recursief).",
            show_default=False,
            metavar="PAD...",
        ),
    ],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Peildatum JJJJ-MM-DD (standaard: vandaag).")
    ] = None,
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format", "-f", help="Uitvoer: text, json, jsonl, html, markdown, github of junit."
        ),
    ] = CheckFormat.text,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Schrijf het rapport naar dit bestand (- is stdout)."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Vervang een bestaand --output-bestand.")
    ] = False,
    redact: Annotated[
        bool, typer.Option("--redact", help="Laat naam en BIG-nummer weg uit elke uitvoer.")
    ] = False,
    glob: Annotated[
        list[str] | None,
        typer.Option(
            "--glob", help="Bestandspatroon in mappen (standaard *.yaml en *.yml); mag vaker."
        ),
    ] = None,
    summary_only: Annotated[
        bool, typer.Option("--summary-only", help="Alleen de samenvattende tabel (text).")
    ] = False,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Aantal processen (standaard: aantal CPU's)."),
    ] = None,
    rules: RulesOpt = None,
    no_default_rules: NoDefaultOpt = False,
    lang: LangOpt = "nl",
    color: ColorOpt = Color.auto,
    debug: DebugOpt = False,
) -> None:
    """Toets portfolio's aan het Basisprofiel en leg het oordeel uit.

    Mappen worden recursief doorzocht. Exitstatus: 0 alle voldoen, 1 minstens één voldoet
    niet, 3 beoordeling nodig, 2 een bestand of optie is onbruikbaar.
    """
    language = _lang(lang)
    day = _as_of(as_of, language)
    output = None if is_stdout(output) else output

    def body() -> int:
        from pzspec.evaluate.batch import (
            DEFAULT_GLOBS,
            Outcome,
            Tally,
            check_many,
            default_jobs,
            expand,
        )
        from pzspec.load.catalog import library

        lib = library(rules or [], defaults=not no_default_rules, lang=language)
        book = lib.at(day, language)
        found = expand(files, glob or DEFAULT_GLOBS, language)
        paths = found.files
        if not paths and not found.problems:
            raise InputError.single(
                " ".join(map(str, files)),
                tr(language, "cli.no_files"),
                tr(language, "hint.no_files"),
            )
        array = len(paths) > 1 or any(p.is_dir() for p in files)
        color_on = output is None and use_color(color)
        sink = _sink(fmt, language, array, color_on, summary_only, len(paths), book)
        from pzspec.render.batch import Finish

        finish = Finish(sink, redact=redact)
        # folder entries that cannot be used come first, then every file that can be read
        unusable = (finish(Outcome(p.file, problems=(p,))) for p in found.problems)
        checked = check_many(
            paths,
            book,
            day,
            language,
            jobs=jobs or default_jobs(),
            rules=tuple(rules or ()),
            defaults=not no_default_rules,
            finish=finish,
        )
        outcomes = itertools.chain(unusable, checked)
        tally = Tally()
        chunks: list[str] = []
        with progress(len(paths) + len(found.problems), language) as advance:
            for outcome in outcomes:
                advance()
                for problem in outcome.problems:
                    typer.echo(problem.format(), err=True)
                if outcome.internal:
                    message = tr(language, "cli.internal", error=outcome.internal)
                    typer.echo(Problem(outcome.file, None, None, message).format(), err=True)
                tally.add(outcome)
                piece = sink.add(outcome)
                if output is None:
                    sys.stdout.write(piece)
                else:
                    chunks.append(piece)
        tail = sink.close(tally)
        if output is None:
            sys.stdout.write(tail)
        elif tally.verdicts.total() > tally.verdicts["error"]:
            from pzspec.cli.fsio import write_atomic

            write_atomic(output, "".join(chunks) + tail, force=force, lang=language)
        return tally.exit_status

    _run(language, debug, body)


def _sink(
    fmt: CheckFormat,
    lang: Lang,
    array: bool,
    color: bool,
    summary_only: bool,
    count: int,
    book: RuleBook,
) -> Sink:
    from pzspec.render import batch

    match fmt:
        case CheckFormat.text:
            return batch.TextSink(
                lang, color=color, width=width(), summary=count > 1, only=summary_only
            )
        case CheckFormat.json:
            return batch.JsonSink(array=array)
        case CheckFormat.jsonl:
            return batch.JsonLinesSink()
        case CheckFormat.github:
            return batch.GithubSink(lang)
        case CheckFormat.junit:
            return batch.JunitSink(lang)
        case CheckFormat.html | CheckFormat.markdown:
            return batch.DocumentSink(fmt.value, lang, book)
    assert_never(fmt)


show_app = typer.Typer(help="Toon een profiel of opleiding uit de regeldata.", no_args_is_help=True)
app.add_typer(show_app, name="show")
VersionOpt = Annotated[
    str | None,
    typer.Option(
        "--version", help="Regelversie, bijvoorbeeld 2025-03 (standaard: die van vandaag)."
    ),
]


def _json(data: object) -> None:
    import json

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def _unknown(what: str, value: str, choices: list[str], lang: Lang) -> InputError:
    from pzspec.errors import echo, unquote
    from pzspec.load.loader import closest

    suggestion = closest(value, choices)
    hint = (
        tr(lang, "hint.did_you_mean", suggestion=suggestion)
        if suggestion
        else tr(lang, "hint.choices", choices=", ".join(choices))
    )
    message = tr(lang, "err.unknown_id", what=tr(lang, what), value=echo(value, lang, (), 100))
    return InputError.single("pzspec", unquote(message, lang), hint)


@show_app.command("profile")
def show_profile(
    profile_id: Annotated[
        str, typer.Argument(metavar="PROFIEL", help="vig, pz-verpleegkundige, vs-pa of arts.")
    ],
    domain: Annotated[
        str | None, typer.Option("--domain", help="Toon alleen dit competentiedomein.")
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
    language = _lang(lang)

    def body() -> int:
        from pzspec.load.catalog import library
        from pzspec.render.views import announced, announced_view, profile_view

        book = library(rules or [], defaults=not no_default_rules, lang=language).named(
            version, language
        )
        if profile_id in announced(book):  # known, but not described: say so, exit 0
            shown = announced_view(book, profile_id, language)
            if fmt is Format.json:
                _json(shown)
            else:
                from pzspec.render.show_text import render_announced

                echo(render_announced(shown, language, color=use_color(color), width=width()))
            return 0
        if profile_id not in book.profiles:
            raise _unknown("what.profile", profile_id, sorted(book.profiles), language)
        domains = [d.id for d in book.rules.domains]
        if domain is not None and domain not in domains:
            raise _unknown("what.domain", domain, domains, language)
        view = profile_view(book, profile_id, language, domain)
        if fmt is Format.json:
            _json(view)
        else:
            from pzspec.render.show_text import render_profile

            echo(render_profile(view, language, color=use_color(color), width=width()))
        return 0

    _run(language, debug, body)


@show_app.command("course")
def show_course(
    course_id: Annotated[
        str, typer.Argument(metavar="OPLEIDING", help="Id uit 'pzspec list courses'.")
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
    language = _lang(lang)

    def body() -> int:
        from pzspec.load.catalog import library
        from pzspec.render.views import course_view

        book = library(rules or [], defaults=not no_default_rules, lang=language).named(
            version, language
        )
        if course_id not in book.courses:
            raise _unknown("what.course", course_id, list(book.courses), language)
        view = course_view(book, course_id, language)
        if fmt is Format.json:
            _json(view)
        else:
            from pzspec.render.show_text import render_course

            echo(render_course(view, language, color=use_color(color), width=width()))
        return 0

    _run(language, debug, body)


class Listable(StrEnum):
    profiles = "profiles"
    courses = "courses"
    kinds = "kinds"
    activities = "activities"
    professions = "professions"
    versions = "versions"


@app.command("list")
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
    language = _lang(lang)

    def body() -> int:
        from pzspec.load.catalog import library
        from pzspec.render.views import listing

        lib = library(rules or [], defaults=not no_default_rules, lang=language)
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
            rows = listing(lib.named(version, language), what.value, language)
        if fmt is Format.json:
            _json(rows)
        else:
            from pzspec.render.show_text import render_list

            echo(render_list(rows, color=use_color(Color.auto), width=width(), lang=language))
        return 0

    _run(language, debug, body)


class SchemaKind(StrEnum):
    portfolio = "portfolio"
    rules = "rules"
    profile = "profile"


@app.command()
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="portfolio, rules of profile.")],
    version: VersionOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Print een JSON Schema (draft 2020-12), bijvoorbeeld voor de YAML-extensie van VS Code."""

    def body() -> int:
        from pzspec.load.catalog import by_version
        from pzspec.render import schema as schemas

        if kind is SchemaKind.portfolio:
            _json(schemas.portfolio_schema(by_version(version, "nl")))
        elif kind is SchemaKind.rules:
            _json(schemas.rules_schema())
        else:
            _json(schemas.profile_schema())
        return 0

    _run("nl", debug, body)


@app.command()
def init(
    profession: Annotated[
        str, typer.Option("--profession", help="Uw beroep, bijvoorbeeld hbo-verpleegkundige.")
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Het nieuwe portfoliobestand (- is stdout).")
    ],
    force: Annotated[bool, typer.Option("--force", help="Vervang een bestaand bestand.")] = False,
    version: VersionOpt = None,
    lang: LangOpt = "nl",
    debug: DebugOpt = False,
) -> None:
    """Maak een portfoliosjabloon met uitleg bij elk veld."""
    language = _lang(lang)

    def body() -> int:
        from pzspec.cli.fsio import write_atomic
        from pzspec.load.catalog import by_version
        from pzspec.render.template import template

        book = by_version(version, language)
        professions = [p.id for p in book.rules.professions]
        if profession not in professions:
            raise _unknown("what.profession", profession, professions, language)
        if is_stdout(output):  # -o -: the template on stdout
            echo(template(book, profession, "portfolio.yaml"))
            return 0
        write_atomic(output, template(book, profession, str(output)), force=force, lang=language)
        typer.echo(tr(language, "cli.init_done", file=str(output)), err=True)
        return 0

    _run(language, debug, body)


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Regel-, overlay- en profielbestanden of mappen (standaard: meegeleverde data).",
            show_default=False,
            metavar="PAD...",
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Waarschuwingen tellen als fout.")
    ] = False,
    no_default_rules: NoDefaultOpt = False,
    fmt: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="Uitvoer: text of github.")
    ] = ValidateFormat.text,
    lang: LangOpt = "nl",
    debug: DebugOpt = False,
) -> None:
    """Controleer regeldata: schema, unieke ids, verwijzingen, geldigheid, bronnen.

    Zonder PAD de meegeleverde data; met PAD die bestanden bovenop de meegeleverde data
    (tenzij --no-default-rules). Exitstatus 2 bij een fout, anders 0.
    """
    language = _lang(lang)

    def body() -> int:
        from pzspec.load.catalog import Library, SourceFile, read_source, shipped_sources
        from pzspec.load.validate import findings
        from pzspec.load.walk import walk

        own: list[SourceFile] = []
        listed = walk(paths or [], language, keep=False)
        unusable: list[Problem] = listed.problems  # folder entries that cannot be read
        found: list[Problem] = []
        for path in listed.files:
            try:
                own.append(read_source(path, language))
            except InputError as err:  # keep going: report every broken file
                found += err.problems
        base = [] if no_default_rules else list(shipped_sources(language))
        lib = Library(tuple(base + own))
        found += findings(lib, language)
        if own and base:  # report on the files given, not on the shipped data around them
            mine = {s.display for s in own} | {str(p) for p in listed.files}
            found = [p for p in found if p.file in mine or p.file == "pzspec"]
        found = unusable + found
        for problem in found:
            if fmt is ValidateFormat.github:
                level = "error" if problem.level == "error" or strict else "warning"
                from pzspec.render.batch import _gh, _gh_prop

                line = f",line={problem.line},col={problem.column}" if problem.line else ""
                text = problem.message + (f" ({problem.hint})" if problem.hint else "")
                typer.echo(f"::{level} file={_gh_prop(problem.file)}{line}::{_gh(text)}")
            else:
                suffix = f" [{tr(language, 'cli.warning')}]" if problem.level == "warning" else ""
                typer.echo(problem.format() + suffix, err=True)
        errors = [p for p in found if p.level == "error" or strict]
        checked = len(lib.sources)
        typer.echo(
            tr(
                language,
                "cli.validated",
                files=counted(language, checked, "file"),
                errors=counted(language, len(errors), "error"),
                warnings=counted(
                    language, len(found) - len([p for p in found if p.level == "error"]), "warning"
                ),
            ),
            err=True,
        )
        return 2 if errors else 0

    _run(language, debug, body)


class TestFormat(StrEnum):
    text = "text"
    json = "json"
    junit = "junit"
    github = "github"


@app.command("test")
def test_(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Portfolio's met een expect:-blok, of mappen (recursief).",
            show_default=False,
            metavar="PAD...",
        ),
    ],
    rules: RulesOpt = None,
    no_default_rules: NoDefaultOpt = False,
    fmt: Annotated[
        TestFormat, typer.Option("--format", "-f", help="Uitvoer: text, json, junit of github.")
    ] = TestFormat.text,
    coverage: Annotated[
        bool,
        typer.Option("--coverage", help="Toon welke routes, voorwaarden en parameters beslisten."),
    ] = False,
    lang: LangOpt = "nl",
    debug: DebugOpt = False,
) -> None:
    """Toets de verwachte uitkomsten (expect:) van portfolio's, voor CI.

    Exitstatus: 0 alle verwachtingen kloppen, 1 minstens één niet, 2 onbruikbare invoer
    (ook een opgegeven bestand zonder expect:; in een map wordt het overgeslagen).
    """
    language = _lang(lang)

    def body() -> int:
        from pzspec.cli.expect_run import main as run_tests

        return run_tests(
            paths,
            language,
            fmt=fmt.value,
            rules=rules or [],
            defaults=not no_default_rules,
            coverage=coverage,
        )

    _run(language, debug, body)


class DiffFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    github = "github"


class DiffFailOn(StrEnum):
    breaking = "breaking"
    any = "any"
    none = "none"


@app.command("diff")
def diff_(
    sides: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Twee kanten: regel- of overlaybestand, of een map met regeldata. "
            "Met --git: hooguit één PAD (standaard data/).",
            show_default=False,
            metavar="OUD NIEUW",
        ),
    ] = None,
    git: Annotated[
        str | None,
        typer.Option(
            "--git",
            metavar="REV",
            help="Vergelijk PAD zoals het in git-revisie REV was (bijv. origin/main) met de "
            "werkkopie.",
        ),
    ] = None,
    portfolios: Annotated[
        list[Path] | None,
        typer.Option(
            "--portfolios",
            help="Toets deze portfolio's (bestanden of mappen) onder beide kanten en toon wie "
            "een ander oordeel krijgt; mag vaker.",
            show_default=False,
            metavar="PAD",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Peildatum JJJJ-MM-DD: vergelijk de regels die dan gelden (standaard: elke "
            "versie met al haar overlays; de toetsing gebruikt dan vandaag).",
        ),
    ] = None,
    fmt: Annotated[
        DiffFormat,
        typer.Option("--format", "-f", help="Uitvoer: text, json, markdown of github."),
    ] = DiffFormat.text,
    fail_on: Annotated[
        DiffFailOn,
        typer.Option("--fail-on", help="Exitstatus 1 bij: breaking (standaard), any of none."),
    ] = DiffFailOn.breaking,
    lang: LangOpt = "nl",
    color: ColorOpt = Color.auto,
    debug: DebugOpt = False,
) -> None:
    """Wat verandert er voor wie? Vergelijk twee versies van regeldata.

    Elke wijziging met haar regelpad, oude en nieuwe waarde en soort: aangescherpt,
    verruimd, toegevoegd, verwijderd of redactioneel. Exitstatus: 0 geen brekende wijziging,
    1 brekende wijzigingen (elke wijziging met --fail-on any, nooit met --fail-on none),
    2 onbruikbare invoer.
    """
    language = _lang(lang)
    day = _as_of(as_of, language) if as_of is not None else None

    def body() -> int:
        import tempfile

        from pzspec.diff import core
        from pzspec.render.diff_out import render as render_diff

        paths = sides or []
        with tempfile.TemporaryDirectory(prefix="pzspec-diff-") as tmp:
            if git is not None:
                if len(paths) > 1:
                    raise InputError.single("pzspec diff", tr(language, "diff.err.sides"))
                here = paths[0] if paths else Path("data")
                snapshot = core.git_snapshot(git, here, Path(tmp), language)
                old = core.load_side(snapshot, language, shown_as=(Path(tmp), git))
                new = core.load_side(here, language)
                labels = (f"{git}:{here.as_posix()}", here.as_posix())
            else:
                if len(paths) != 2:
                    raise InputError.single("pzspec diff", tr(language, "diff.err.sides"))
                old = core.load_side(paths[0], language)
                new = core.load_side(paths[1], language)
                labels = (paths[0].as_posix(), paths[1].as_posix())
            report = core.run(
                old,
                new,
                language,
                old_label=labels[0],
                new_label=labels[1],
                as_of=day,
                portfolios=portfolios,
            )
        for problem in report.problems:
            typer.echo(problem.format(), err=True)
        colored = fmt is DiffFormat.text and use_color(color)
        sys.stdout.write(render_diff(report, fmt.value, language, color=colored, width=width()))
        return core.exit_status(report, fail_on.value)

    _run(language, debug, body)


def main() -> None:
    import signal

    def _terminate(signum: int, frame: object) -> None:
        # SIGTERM unwinds like Ctrl-C, so a write in progress removes its temporary file
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _terminate)
    app()
