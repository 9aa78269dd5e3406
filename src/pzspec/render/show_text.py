"""Terminal rendering of ``pzspec show`` and ``pzspec list`` views (dicts from views.py)."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from pzspec.errors import no_commands
from pzspec.render.i18n import Lang, tr
from pzspec.render.source_notes import source_text
from pzspec.render.text import console
from pzspec.render.words import unit_text

BASIS_STYLE = {"stated": "green", "delphi": "cyan", "provisional": "yellow"}


def _finish(out: Console) -> str:
    file = out.file
    assert isinstance(file, io.StringIO)
    return no_commands("\n".join(line.rstrip() for line in file.getvalue().split("\n")))


def _param(p: dict[str, Any], lang: Lang) -> Text:
    value = p["value"]
    if isinstance(value, float) and 0 <= value <= 1:
        shown = f"{value:.0%}"
    elif isinstance(value, list):
        shown = ", ".join(map(str, value))
    else:
        shown = str(value) + unit_text(p.get("unit"), lang)
    line = Text(f"{p['description']}: ")
    line.append(shown, style="bold")
    line.append(f" [{tr(lang, 'basis.' + p['basis'])}]", style=BASIS_STYLE[p["basis"]])
    line.append(f"\n{tr(lang, 'text.source')}: {source_text(p['source'], lang)}", style="dim")
    return line


def _bullets(out: Console, items: list[Text | str], indent: int = 2) -> None:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=1)
    grid.add_column(ratio=1)
    for item in items:
        grid.add_row("•", item)
    out.print(Padding(grid, (0, 0, 0, indent)))


def _route(out: Console, route: dict[str, Any], lang: Lang) -> None:
    head = Text(route["label"], style="bold")
    if route["outcome"] == "review":
        head.append(f" ({tr(lang, 'show.review_route')})", style="yellow")
    out.print(Padding(head, (0, 0, 0, 2)))
    lines: list[Text | str] = []
    if route["professions"]:
        lines.append(
            tr(lang, "show.route_professions", professions=", ".join(route["professions"]))
        )
    if route["courses"] or route["kinds"]:
        names = route["courses"] + [f"kind: {k}" for k in route["kinds"]]
        lines.append(tr(lang, "show.route_entries", entries=", ".join(names)))
    level = route.get("level")
    if level:
        line = Text(tr(lang, "show.route_level", level=level["label"]) + ": ", style="cyan")
        line.append(level["text"], style="default")
        line.append(
            f"\n{tr(lang, 'text.source')}: {source_text(level['source'], lang)}", style="dim"
        )
        lines.append(line)
    lines += [Text(c) for c in route["conditions"]]
    lines += [_param(p, lang) for p in route["parameters"]]
    lines.append(
        Text(f"{tr(lang, 'text.source')}: {source_text(route['source'], lang)}", style="dim")
    )
    _bullets(out, lines, 4)


def _education(out: Console, view: dict[str, Any], lang: Lang) -> None:
    def t(key: str, **kw: object) -> str:
        return tr(lang, key, **kw)

    edu = view["education"]
    out.print(Text(t("show.education"), style="bold"))
    if view["levels"]:
        out.print(Padding(Text(t("show.levels"), style="bold"), (0, 0, 0, 2)))
        levels: list[Text | str] = []
        for lv in view["levels"]:
            line = Text(lv["label"], style="bold")
            line.append(f": {lv['text']}", style="default")
            line.append(f"\n{t('text.source')}: {source_text(lv['source'], lang)}", style="dim")
            levels.append(line)
        _bullets(out, levels, 4)
    if edu["undetermined"]:
        out.print(Padding(Text(edu["undetermined"], style="yellow"), (0, 0, 0, 2)))
    if edu["routes"]:
        out.print(Padding(t("show.any_route"), (0, 0, 0, 2)))
    for route in edu["routes"]:
        _route(out, route, lang)
    out.print(Padding(Text(t("show.never_counts"), style="bold"), (0, 0, 0, 2)))
    nevers: list[Text | str] = []
    for ex in edu["never_counts"]:
        line = Text(ex["reason"])
        for p in ex["parameters"]:
            line.append("\n")
            line.append_text(_param(p, lang))
        nevers.append(line)
    _bullets(out, nevers, 4)
    out.print()


def render_profile(view: dict[str, Any], lang: Lang, *, color: bool, width: int) -> str:
    out = console(color, width)

    def t(key: str, **kw: object) -> str:
        return tr(lang, key, **kw)

    out.print(Text(view["title"], style="bold underline"))
    out.print(
        Text(
            t(
                "show.profile_meta",
                id=view["id"],
                version=view["version"],
                professions=", ".join(view["professions"]),
            ),
            style="dim",
        )
    )
    out.print()
    out.print(Text(view["leadership"]["text"], style="italic"))
    for note in view["notes"]:
        out.print(Text("· " + note["text"]))
    out.print()
    out.print(Text(t("show.competencies"), style="bold"))
    for n, domain in enumerate(view["domains"], 1):
        out.print(
            Text(f"{n}. {domain['title']}", style="bold cyan")
            if len(view["domains"]) > 1
            else Text(domain["title"], style="bold cyan")
        )
        items: list[Text | str] = []
        for c in domain["competencies"]:
            line = Text(c["text"])
            line.append(f"\n{c['id']} · {source_text(c['source'], lang)}", style="dim")
            items.append(line)
        _bullets(out, items)
    out.print()
    out.print(Text(t("show.activities"), style="bold"))
    acts: list[Text | str] = []
    for a in view["activities"]:
        line = Text(a["text"])
        line.append(f"\n{a['id']} · {t('show.kinds')}: {', '.join(a['kinds'])}", style="dim")
        acts.append(line)
    _bullets(out, acts)
    out.print()
    _education(out, view, lang)
    exp = view["experience"]
    out.print(Text(t("show.experience"), style="bold"))
    out.print(
        Padding(
            t(
                "show.experience_rule",
                min=exp["min_months"]["value"],
                window=exp["window_months"]["value"],
            ),
            (0, 0, 0, 2),
        )
    )
    _bullets(
        out,
        [
            _param(exp[k], lang)
            for k in ("min_months", "window_months", "patient_share", "fte_share")
        ],
    )
    out.print()
    tra = view["transition"]
    out.print(Text(t("show.transition"), style="bold"))
    _bullets(out, [_param(tra["open_until"], lang)])
    for route in tra["routes"]:
        _route(out, route, lang)
    out.print()
    out.print(Text(t("show.register"), style="bold"))
    out.print(Padding(Text(view["register"]["text"]), (0, 0, 0, 2)))
    out.print(
        Padding(
            Text(f"{t('text.source')}: {view['register']['source']}", style="dim"), (0, 0, 0, 2)
        )
    )
    out.print()
    out.print(Text(t("show.sources_note", id=view["id"]), style="dim"))
    return _finish(out)


def render_course(view: dict[str, Any], lang: Lang, *, color: bool, width: int) -> str:
    out = console(color, width)
    out.print(Text(view["name"], style="bold underline"))
    out.print(
        Text(
            f"{view['id']} · {tr(lang, 'show.kind')}: {view['kind']} · "
            f"{tr(lang, 'show.version')} {view['version']}",
            style="dim",
        )
    )
    out.print(Text(view["description"]))
    facts: list[Text | str] = []
    for key in ("days", "nlqf", "epas", "institutions", "providers"):
        if view.get(key):
            value = view[key]
            shown = ", ".join(value) if isinstance(value, list) else str(value)
            facts.append(f"{tr(lang, 'show.course.' + key)}: {shown}")
    if facts:
        _bullets(out, facts)
    if view["routes"]:
        out.print(Text(tr(lang, "show.course_routes"), style="bold"))
        _bullets(
            out,
            [
                f"{r['profile']}: {r['route']}"
                + (f" ({tr(lang, 'show.review_route')})" if r["outcome"] == "review" else "")
                for r in view["routes"]
            ],
        )
    if view["never_counts"]:
        out.print(Text(tr(lang, "show.course_never"), style="bold red"))
    out.print(Text(f"{tr(lang, 'text.source')}: {view['source']}", style="dim"))
    return _finish(out)


def render_announced(view: dict[str, Any], lang: Lang, *, color: bool, width: int) -> str:
    out = console(color, width)
    out.print(Text(view["title"], style="bold underline"))
    out.print(
        Text(
            f"{view['id']} · {tr(lang, 'profile.status.announced')} · "
            f"{tr(lang, 'show.version')} {view['version']}",
            style="dim",
        )
    )
    out.print()
    out.print(Text(tr(lang, "announced.explain"), style="yellow"))
    out.print(Text(view["description"]))
    out.print(Text(f"{tr(lang, 'text.source')}: {view['source']}", style="dim"))
    return _finish(out)


def render_list(rows: list[dict[str, Any]], *, color: bool, width: int, lang: Lang = "nl") -> str:
    out = console(color, width)
    if not rows:
        return ""
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    keys = list(rows[0])
    for key in keys:
        table.add_column(key, no_wrap=key == "id", overflow="fold")
    for row in rows:
        table.add_row(
            *[
                tr(lang, f"profile.status.{v}")
                if k == "status"
                else ", ".join(v)
                if isinstance(v, list)
                else ("" if v is None else str(v))
                for k, v in ((k, row[k]) for k in keys)
            ]
        )
    out.print(table)
    return _finish(out)
