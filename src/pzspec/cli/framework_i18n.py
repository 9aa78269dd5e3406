"""The framework's own words in Dutch or English: help pages, usage lines and usage errors.

typer (with the click it vendors) writes its help and its usage errors in English, with
f-strings rather than gettext, so translating its strings is not possible. Instead every
command of ``pzspec`` is a ``PzCommand`` or ``PzGroup`` (``cli.framework_app``), and those
lay out the help page themselves from the parameters: the usage line, the help text, the
option rows and the section titles, all from the catalogue (``cli.fw.*``, ``help.*``,
``cli.metavar.*``). Usage errors are caught in ``PzGroup.main`` and worded by
``cli.usage_errors``. The language is known before anything is parsed: ``--lang`` in the
arguments, else ``PZSPEC_LANG``, else ``LANG``, else Dutch (``early_lang``).

The help of an option is ``help.<command>.<parameter>`` (``help.check.as_of``), else the
shared ``help.opt.<parameter>``; a command's is ``help.cmd.<command>``. A parameter or a
command without a code keeps the text in its declaration.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

import typer
from typer import _click

from pzspec.render.i18n import Lang, known, tr

_LANG: ContextVar[Lang | None] = ContextVar("pzspec_lang", default=None)
HELP_NAMES = ["-h", "--help"]


def early_lang(args: Sequence[str], env: Mapping[str, str]) -> Lang:
    """The language of a run, before the arguments are parsed."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg.startswith("--lang="):
            return _lang_of(arg.partition("=")[2])
        if arg == "--lang" and i + 1 < len(args):
            return _lang_of(args[i + 1])
    return env_lang(env)


def env_lang(env: Mapping[str, str]) -> Lang:
    """``PZSPEC_LANG``, else the locale in POSIX order (``LC_ALL``, ``LC_MESSAGES``,
    ``LANG``; ``en_GB.UTF-8`` is English, ``C`` is not), else Dutch."""
    for name in ("PZSPEC_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return _lang_of(value)
    return "nl"


def _lang_of(value: str) -> Lang:
    return "en" if value.lower().startswith("en") else "nl"


@contextmanager
def language_of_run(args: Sequence[str]) -> Iterator[Lang]:
    """The language of one run of the command, for everything worded while it lasts."""
    token = _LANG.set(early_lang(args, os.environ))
    try:
        yield current_lang()
    finally:
        _LANG.reset(token)


def current_lang() -> Lang:
    found = _LANG.get()
    return found if found is not None else early_lang(sys.argv[1:], os.environ)


# --- the help page --------------------------------------------------------------------------
_HEADINGS = {"Options": "cli.fw.options", "Arguments": "cli.fw.arguments"}
_RANGE = re.compile(r"(?:(-?[0-9.]+)<=)?x(?:<=|>=)?(-?[0-9.]+)?")


class PzFormatter(_click.HelpFormatter):
    """click's formatter with the usage prefix and the section titles in our language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix or tr(current_lang(), "cli.fw.usage") + " ")

    def write_heading(self, heading: str) -> None:
        code = _HEADINGS.get(heading)
        super().write_heading(tr(current_lang(), code) if code else heading)


class PzContext(typer.Context):
    formatter_class = PzFormatter


def command_key(ctx: _click.Context) -> str:
    """``pzspec show profile`` -> ``show.profile``; the root is ``pzspec``."""
    names: list[str] = []
    while ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return ".".join(reversed(names)) or "pzspec"


def help_code(*parts: str) -> str:
    """``help.check.as_of``: the code of a help text (declared in catalogue_scan.dynamic())."""
    return "help." + ".".join(parts)


def param_help(ctx: _click.Context, param: _click.Parameter) -> str:
    lang = current_lang()
    if param.name == "help":
        return tr(lang, "cli.fw.help_option")
    for code in (help_code(command_key(ctx), str(param.name)), help_code("opt", str(param.name))):
        if known(code):
            return tr(lang, code)
    return getattr(param, "help", None) or ""


def metavar(param: _click.Parameter) -> str:
    """What a parameter's value is called: ``PAD``, ``DATUM``, ``text|json``."""
    lang = current_lang()
    code = f"cli.metavar.{param.name}"
    if known(code):
        return tr(lang, code)
    if param.metavar:
        return param.metavar
    descriptor = getattr(param, "type_descriptor", None)
    choices = getattr(descriptor, "choices", None)
    if choices:
        return "|".join(str(getattr(c, "value", c)) for c in choices)
    if getattr(descriptor, "is_path", False):
        return tr(lang, "cli.metavar.path")
    if getattr(descriptor, "is_ranged", False) or getattr(descriptor, "annotation", None) is int:
        return tr(lang, "cli.metavar.number")
    return tr(lang, "cli.metavar.text")


def param_label(param: _click.Parameter) -> str:
    """The name of a parameter in an error: ``--jobs`` or ``PAD``."""
    if param.param_type_name == "option":
        longest = sorted(param.opts, key=len)[-1] if param.opts else str(param.name)
        return longest
    return metavar(param).removesuffix("...")


def _extras(record_help: str, own_help: str) -> str:
    """typer's ``[default: x; required]`` after the help, in our language."""
    tail = record_help[len(own_help) :].strip() if record_help.startswith(own_help) else ""
    if not (tail.startswith("[") and tail.endswith("]")):
        return ""
    lang = current_lang()
    parts = []
    for part in tail[1:-1].split("; "):
        if part.startswith("default: "):
            parts.append(tr(lang, "cli.fw.default", value=part.removeprefix("default: ")))
        elif part == "required":
            parts.append(tr(lang, "cli.fw.required"))
        elif match := _RANGE.fullmatch(part):
            parts.append(_range_text(part, match, lang))
        else:
            parts.append(part)
    return "[" + "; ".join(parts) + "]"


def _range_text(part: str, match: re.Match[str], lang: Lang) -> str:
    low, high = match.group(1), match.group(2)
    if low is not None and high is not None:
        return tr(lang, "cli.fw.range", low=low, high=high)
    if ">=" in part:
        return tr(lang, "cli.fw.at_least", value=high)
    return tr(lang, "cli.fw.at_most", value=high)


def help_row(ctx: _click.Context, param: _click.Parameter) -> tuple[str, str] | None:
    record = param.get_help_record(ctx)
    if record is None:
        return None
    if param.param_type_name == "argument":
        term = metavar(param)
    else:
        term = _click.formatting.join_options(param.opts)[0]
        if not getattr(param, "is_flag", False):
            term += f" {metavar(param)}"
    text = param_help(ctx, param)
    extras = _extras(record[1], getattr(param, "help", None) or "")
    return term, f"{text}  {extras}" if text and extras else text or extras


def usage_piece(ctx: _click.Context, param: _click.Parameter) -> list[str]:
    if param.param_type_name != "argument":
        return []
    name = metavar(param)
    if param.nargs != 1 and not name.endswith("...") and " " not in name:  # OUD NIEUW
        name += "..."
    return [name if param.required else f"[{name}]"]


def command_help(ctx: _click.Context, fallback: str | None) -> str:
    code = help_code("cmd", command_key(ctx))
    return tr(current_lang(), code) if known(code) else (fallback or "")


class Worded:
    """What PzCommand and PzGroup share: the help page from the catalogue."""

    context_class: type[_click.Context] = PzContext
    help: str | None
    params: list[_click.Parameter]

    if TYPE_CHECKING:

        def get_params(self, ctx: _click.Context) -> list[_click.Parameter]: ...

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: _click.Context | None = None,
        **extra: Any,
    ) -> _click.Context:
        """``--lang`` defaults to the language of the run: a ``--lang`` anywhere on the
        command line (``pzspec --lang en check``), else ``PZSPEC_LANG`` or ``LANG``."""
        if any(p.name == "lang" for p in self.params):
            defaults = dict(extra.get("default_map") or {})
            defaults.setdefault("lang", current_lang())
            extra["default_map"] = defaults
        made: _click.Context = super().make_context(  # type: ignore[misc]  # a mixin
            info_name, args, parent, **extra
        )
        return made

    def collect_usage_pieces(self, ctx: _click.Context) -> list[str]:
        pieces = [tr(current_lang(), "cli.fw.options_metavar")]
        for param in self.get_params(ctx):
            pieces.extend(usage_piece(ctx, param))
        return pieces

    def format_help_text(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        import inspect

        text = inspect.cleandoc(command_help(ctx, self.help)).partition("\f")[0]
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(text)

    def format_params(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        lang = current_lang()
        for kind, code in (("argument", "cli.fw.arguments"), ("option", "cli.fw.options")):
            rows = [
                row
                for param in self.get_params(ctx)
                if param.param_type_name == kind and (row := help_row(ctx, param))
            ]
            if rows:
                with formatter.section(tr(lang, code)):
                    formatter.write_dl(rows)
