"""How the commands of ``pzspec`` are made and run: ``PzTyper`` gives every command the
words of ``cli.framework_i18n`` (``PzCommand``, ``PzGroup``), ``-h`` next to ``--help``, and
the language of the run before anything is parsed; usage errors are worded by
``cli.usage_errors``. Cheap to start (issue 14): each annotation is evaluated once, a
command's options are built only when that command runs, and their values are coerced by
``cli.params`` rather than by a pydantic adapter per option.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

import typer
from typer import _click
from typer.core import TyperCommand, TyperGroup

from pzspec.cli.framework_i18n import (
    HELP_NAMES,
    PzContext,
    Worded,
    command_help,
    current_lang,
    language_of_run,
)
from pzspec.render.i18n import tr


class PlainValues:
    """What PzCommand and PzGroup share: their parameters, and the help option click adds
    when first asked, coerce values without a pydantic adapter (``cli.params``)."""

    params: list[_click.Parameter]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plain_values(self.params)

    def get_help_option(self, ctx: _click.Context) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]  # a mixin
        plain_values([option])
        return option


def plain_values(params: list[Any]) -> None:
    """``cli.params.install``, unless the installed typer lacks the private API it builds on
    (then typer coerces as it always did)."""
    try:
        from pzspec.cli import params as plain
    except (ImportError, TypeError):  # a name gone, or a base class it cannot extend
        return
    plain.install(params)


class PzCommand(PlainValues, Worded, TyperCommand):
    def format_options(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        self.format_params(ctx, formatter)


class PzGroup(PlainValues, Worded, TyperGroup):
    """A group whose commands typer builds only when one is used (issue 14): a run pays for
    the options of its own command, not for those of all twelve."""

    lazy: ClassVar[dict[str, Any]] = {}

    def get_command(self, ctx: _click.Context, cmd_name: str) -> _click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            from typer.main import get_command_from_info

            info = self.lazy[cmd_name]
            if callable(info):  # registered as "module:function": the module is imported now
                info = info()
            resolved(info.callback)
            self.commands[cmd_name] = get_command_from_info(
                info, pretty_exceptions_short=True, rich_markup_mode=None
            )
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: _click.Context) -> list[str]:
        return [*self.lazy, *(name for name in self.commands if name not in self.lazy)]

    def resolve_command(
        self, ctx: _click.Context, args: list[str]
    ) -> tuple[str | None, _click.Command | None, list[str]]:
        """typer's, with "did you mean" from every command, built or not."""
        from difflib import get_close_matches

        try:
            return self._click_resolve_command(ctx, args)
        except _click.exceptions.UsageError as err:
            matches = get_close_matches(args[0], self.list_commands(ctx)) if args else []
            if matches:
                guesses = ", ".join(repr(m) for m in matches)
                err.message = f"{err.message.rstrip('.')}. Did you mean {guesses}?"
            raise

    def collect_usage_pieces(self, ctx: _click.Context) -> list[str]:
        return [*super().collect_usage_pieces(ctx), tr(current_lang(), "cli.fw.command_metavar")]

    def format_options(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        self.format_params(ctx, formatter)
        rows = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is None or cmd.hidden:
                continue
            sub = PzContext(cmd, parent=ctx, info_name=name)
            rows.append((name, _first_sentence(command_help(sub, cmd.help))))
        if rows:
            with formatter.section(tr(current_lang(), "cli.fw.commands")):
                formatter.write_dl(rows)

    def _main_shell_completion(
        self, ctx_args: Any, prog_name: str, complete_var: str | None = None
    ) -> None:
        if os.environ.get(complete_var or f"_{prog_name}_COMPLETE".replace("-", "_").upper()):
            from typer._completion_classes import completion_init

            completion_init()
        super()._main_shell_completion(ctx_args, prog_name, complete_var)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """click's main, with its usage errors worded by us (in the language of the run)."""
        argv = list(sys.argv[1:] if args is None else args)
        with language_of_run(argv):
            code = self._run(argv, prog_name, complete_var, standalone_mode, extra)
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)

    def _run(
        self,
        argv: list[str],
        prog_name: str | None,
        complete_var: str | None,
        standalone_mode: bool,
        extra: dict[str, Any],
    ) -> Any:
        try:
            return super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
        except _click.exceptions.ClickException as err:
            if not standalone_mode:
                raise
            from pzspec.cli.usage_errors import show_usage_error  # only when there is one

            show_usage_error(err, current_lang())
            return err.exit_code
        except typer.Abort:
            if not standalone_mode:
                raise
            from pzspec.cli.usage_errors import show_abort

            show_abort(current_lang())
            return 1


def _first_sentence(text: str) -> str:
    first = text.strip().split("\n\n")[0].replace("\n", " ")
    head, dot, _ = first.partition(". ")
    return head + "." if dot else first


class PzTyper(typer.Typer):
    """A typer app whose commands are ``PzCommand``s, with ``-h`` as well as ``--help``."""

    def __init__(self, **kwargs: Any) -> None:
        self.lazy: dict[str, Any] = {}
        # a group class of its own, bound to this app's commands, built when first asked for
        kwargs.setdefault("cls", type("PzGroup", (PzGroup,), {"lazy": self.lazy}))
        settings = kwargs.setdefault("context_settings", {})
        settings.setdefault("help_option_names", HELP_NAMES)
        kwargs.setdefault("rich_markup_mode", None)
        super().__init__(**kwargs)

    def command(self, *args: Any, **kwargs: Any) -> Callable[[Any], Any]:
        kwargs.setdefault("cls", PzCommand)
        kwargs.setdefault("context_settings", {"help_option_names": HELP_NAMES})
        register = super().command(*args, **kwargs)

        def later(func: Callable[..., Any]) -> Callable[..., Any]:
            from typer.main import get_command_name

            register(func)  # its annotations are evaluated when PzGroup.get_command builds it
            info = self.registered_commands.pop()  # built by PzGroup.get_command, when used
            self.lazy[info.name or get_command_name(func.__name__)] = info
            return func

        return later

    def command_in(self, name: str, target: str) -> None:
        """Command ``name`` is ``target`` (``"module:function"``), whose module is imported
        only when the command is built: a run imports its own command's module (issue 14)."""

        def info() -> Any:
            import importlib

            module, _, attr = target.partition(":")
            self.command(name)(getattr(importlib.import_module(module), attr))
            return self.lazy[name]

        self.lazy[name] = info

    def callback(self, *args: Any, **kwargs: Any) -> Callable[[Any], Any]:
        register = super().callback(*args, **kwargs)
        return lambda func: register(resolved(func))


def resolved(func: Any) -> Any:
    """``func`` with its annotations evaluated once, here (issue 14). typer reads them four
    times per command on every run (a signature and the type hints, twice), and with ``from
    __future__ import annotations`` each read compiles every annotation string again: about
    two thirds of the time typer took to build the commands. Only for a command that is
    built: evaluating those of all fourteen on every run cost about 5 ms."""
    import typing

    if func is not None:
        func.__annotations__ = typing.get_type_hints(func, include_extras=True)
    return func
