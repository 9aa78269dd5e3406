"""Usage errors (an unknown option, a missing argument, a value typer refuses) in our words.

click's exceptions carry what went wrong (the option, the parameter, the possibilities);
the sentence is ours, from the catalogue (``cli.fw.*``). A message we do not recognise is
shown as click wrote it, after our ``Fout:``, rather than not at all.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

import typer
from typer._click import exceptions as ex

from pzspec.cli.framework_i18n import param_label
from pzspec.errors import shown
from pzspec.render.i18n import Lang, tr

_CLOSE = 0.75  # how alike an unknown option and a suggestion must be (difflib ratio)
_NO_COMMAND = re.compile(r"No such command '(.*?)'\.(?: Did you mean (.*)\?)?", re.S)
_EXTRA = re.compile(r"Got unexpected extra arguments? \((.*)\)", re.S)


def show_usage_error(err: ex.ClickException, lang: Lang) -> None:
    if isinstance(err, ex.NoArgsIsHelpError):
        err.show()
        return
    ctx = getattr(err, "ctx", None)
    if ctx is not None:
        hint = tr(lang, "cli.fw.try_help", command=ctx.command_path)
        typer.echo(f"{ctx.get_usage()}\n{hint}\n", err=True, color=ctx.color)
    typer.echo(tr(lang, "cli.fw.error", message=_sentence(err, lang)), err=True)


def show_abort(lang: Lang) -> None:
    typer.echo(tr(lang, "cli.fw.aborted"), err=True)


def _sentence(err: ex.ClickException, lang: Lang) -> str:
    if isinstance(err, ex.NoSuchOption):
        return _with_guess(
            tr(lang, "cli.fw.no_such_option", option=shown(err.option_name, 40)),
            _close_options(err.option_name, err.possibilities or ()),
            lang,
        )
    if isinstance(err, ex.MissingParameter) and err.param is not None:
        option = err.param.param_type_name == "option"
        code = "cli.fw.missing_option" if option else "cli.fw.missing_argument"
        return tr(lang, code, name=param_label(err.param))
    if isinstance(err, ex.BadParameter) and err.param is not None:
        return _bad_value(err, lang)
    if isinstance(err, ex.BadOptionUsage):
        return _option_usage(err, lang)
    return _plain(err.message, lang)


def _close_options(option: str, possibilities: Any) -> list[str]:
    """The options really close to ``option``: click also offers ``--jobs`` for ``--bogus``
    (the dashes they share make short names look alike); compared without the dashes."""
    bare = option.lstrip("-")
    return sorted(
        p
        for p in possibilities
        if difflib.SequenceMatcher(None, bare, str(p).lstrip("-")).ratio() >= _CLOSE
    )


def _with_guess(sentence: str, guesses: list[str], lang: Lang) -> str:
    if not guesses:
        return sentence
    return sentence + "; " + tr(lang, "cli.fw.did_you_mean", choices=", ".join(guesses))


def _bad_value(err: ex.BadParameter, lang: Lang) -> str:
    param = err.param
    assert param is not None
    name = param_label(param)
    value = _refused_input(err)
    descriptor: Any = getattr(param, "type_descriptor", None)
    choices = getattr(descriptor, "choices", None)
    shown_value = shown(str(value), 40) if value is not None else "?"
    if choices:
        names = ", ".join(str(getattr(c, "value", c)) for c in choices)
        return tr(lang, "cli.fw.bad_choice", name=name, value=shown_value, choices=names)
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if getattr(descriptor, "annotation", None) is int or low is not None:
        if low is not None and high is not None:
            code = "cli.fw.bad_number_range" if _whole(value) else "cli.fw.bad_number_range.text"
            return tr(lang, code, name=name, value=shown_value, low=low, high=high)
        if low is not None:
            code = "cli.fw.bad_number_min" if _whole(value) else "cli.fw.bad_number_min.text"
            return tr(lang, code, name=name, value=shown_value, low=low)
        return tr(lang, "cli.fw.bad_number", name=name, value=shown_value)
    return tr(lang, "cli.fw.bad_value", name=name, detail=err.message)


def _whole(value: object) -> bool:
    """Whether ``value`` is a whole number (one below the minimum), not some other text."""
    return isinstance(value, int) or (
        isinstance(value, str) and value.strip().lstrip("-").isdigit()
    )


def _refused_input(err: BaseException) -> object:
    """The value typer's pydantic adapter refused, when it says so."""
    cause = err.__cause__
    errors = getattr(cause, "errors", None)
    if callable(errors):
        found = errors()
        if found:
            return found[0].get("input")
    return None


def _option_usage(err: ex.BadOptionUsage, lang: Lang) -> str:
    option = shown(err.option_name, 40)
    if "does not take a value" in err.message:
        return tr(lang, "cli.fw.takes_no_value", option=option)
    if "requires" in err.message:
        return tr(lang, "cli.fw.needs_value", option=option)
    return _plain(err.message, lang)


def _plain(message: str, lang: Lang) -> str:
    if match := _NO_COMMAND.fullmatch(message):
        guesses = [g.strip().strip("'") for g in (match.group(2) or "").split(",") if g.strip()]
        sentence = tr(lang, "cli.fw.no_such_command", name=shown(match.group(1), 40))
        return _with_guess(sentence, guesses, lang)
    if message == "Missing command.":
        return tr(lang, "cli.fw.missing_command")
    if match := _EXTRA.fullmatch(message):
        return tr(lang, "cli.fw.extra_args", args=shown(match.group(1), 80))
    return message
