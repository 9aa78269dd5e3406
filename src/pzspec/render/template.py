"""``pzspec init``: a commented portfolio template for one profession."""

from __future__ import annotations

from pathlib import Path

from pzspec.load.catalog import RuleBook, templates_dir
from pzspec.load.placeholders import TEMPLATE_TEXT
from pzspec.render.schema import SCHEMA_BASE, schemas_dir


def template(book: RuleBook, profession: str, file_name: str) -> str:
    import jinja2

    prof = book.profession(profession)
    assert prof is not None, profession  # the command checks the id first
    profile = book.profiles[prof.profile]
    routes = book.profile_rules(prof.profile).education.routes
    example = next(
        (c for r in routes if r.entry for c in r.entry.courses), book.rules.courses[0].id
    )
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=False,  # YAML, not HTML; every value comes from our own rule data
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    return env.get_template("portfolio-init.yaml.j2").render(
        schema_url=schema_location(),
        profession=profession,
        profession_label=prof.label.get("nl"),
        professions=", ".join(p.id for p in book.rules.professions),
        profile_id=profile.id,
        profile_title=profile.title,
        version=book.version,
        registration=prof.registration,
        example_course=example,
        example=TEMPLATE_TEXT,  # the example texts the loader refuses when left unchanged
        file_name=Path(file_name).name,
    )


def schema_location() -> str:
    """Where an editor finds the portfolio schema: the copy installed with pzspec, by its
    absolute path (yaml-language-server reads a path as well as a URL), so it resolves
    without a network and matches the installed version; the published URL only when the
    installed copy is missing."""
    installed = schemas_dir() / "portfolio.schema.json"
    if installed.is_file():
        return installed.resolve().as_posix()
    return SCHEMA_BASE + "portfolio.schema.json"
