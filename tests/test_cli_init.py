"""``pzspec init``: the template does what it says. Taking the # away from every example (a
single field, or every line of a block such as #education:) and writing one's own text
where the example text stands gives a file that ``pzspec check`` reads and the JSON Schema
accepts, for every profession (left as it is, the example text is refused:
tests/test_placeholders.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from pzspec.cli.app import app
from pzspec.load import yamlio
from pzspec.load.catalog import by_version
from pzspec.load.placeholders import TEMPLATE_TEXT

runner = CliRunner()
PROFESSIONS = [p.id for p in by_version(None).rules.professions]
BLOCK_START = re.compile(r"^#[a-z_]+:$")
SINGLE_FIELD = re.compile(r"^(\s*)#([a-z_]+:.*)$")


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"NO_COLOR": "1"})
    return result.exit_code, result.stdout, result.stderr


def uncomment(template: str, blocks: set[str] | None = None) -> str:
    """What a user does who follows the instruction: the # in front goes, from a single field
    or from every line of a block (only the blocks named, when ``blocks`` is given)."""
    out: list[str] = []
    in_block = False
    for line in template.split("\n"):
        if BLOCK_START.match(line):
            in_block = blocks is None or line[1:-1] in blocks
            out.append(line[1:] if in_block else line)
            continue
        if line.startswith("#  ") and in_block:
            out.append(line[1:])
            continue
        if not line.startswith("#  "):
            in_block = False
        single = SINGLE_FIELD.match(line)
        out.append(single.group(1) + single.group(2) if single and blocks is None else line)
    return "\n".join(out)


OWN_TEXT = {
    "course_name": "Leergang palliatieve zorg Hogeschool Utrecht",
    "employer": "Hospice De Linde",
    "big_number": "19012345601",
}
"""What a user writes where the template has example text (``TEMPLATE_TEXT``)."""


def with_own_text(filled: str) -> str:
    """The uncommented template with one's own text where each example text stood."""
    for name, text in TEMPLATE_TEXT.items():
        filled = filled.replace(f'"{text}"', f'"{OWN_TEXT[name]}"')
    return filled


def schema_errors(path: Path) -> list[str]:
    _, out, _ = run("schema", "portfolio")
    validator = jsonschema.Draft202012Validator(
        json.loads(out), format_checker=jsonschema.FormatChecker()
    )
    data = json.loads(json.dumps(yamlio.load(path).data, default=str))
    return [e.message for e in validator.iter_errors(data)]


def template_for(profession: str, tmp_path: Path) -> str:
    target = tmp_path / "portfolio.yaml"
    code, _, err = run("init", "--profession", profession, "-o", str(target))
    assert code == 0, err
    return target.read_text(encoding="utf-8")


@pytest.mark.parametrize("profession", PROFESSIONS)
def test_every_example_taken_into_use_gives_a_valid_portfolio(
    profession: str, tmp_path: Path
) -> None:
    template = template_for(profession, tmp_path)
    filled = with_own_text(uncomment(template))
    assert filled != template
    for key in ("education:", "experience:", "activities:", "target:", "  specialism:"):
        assert f"\n{key}" in filled, key
    path = tmp_path / "filled.yaml"
    path.write_text(filled, encoding="utf-8")
    code, out, err = run("check", str(path), "--as-of", "2026-01-01")
    assert code in (0, 1, 3), err
    assert err == ""
    assert "filled.yaml" in out
    assert schema_errors(path) == []


@pytest.mark.parametrize("block", ["education", "experience", "activities"])
def test_one_block_taken_into_use_gives_a_valid_portfolio(block: str, tmp_path: Path) -> None:
    filled = with_own_text(uncomment(template_for("hbo-verpleegkundige", tmp_path), {block}))
    path = tmp_path / "filled.yaml"
    path.write_text(filled, encoding="utf-8")
    code, _, err = run("check", str(path), "--as-of", "2026-01-01")
    assert code in (0, 1, 3), err
    assert schema_errors(path) == []


def test_the_untouched_template_is_valid_and_has_no_duplicate_keys(tmp_path: Path) -> None:
    template = template_for("mbo-verpleegkundige", tmp_path)
    assert "education: []" not in template  # the empty list that made a duplicate key
    for key in ("education", "experience", "activities"):
        assert len(re.findall(rf"^#?{key}:", template, re.M)) == 1
    path = tmp_path / "portfolio.yaml"
    code, _, err = run("check", str(path))
    assert code in (0, 1, 3), err


def test_the_instruction_in_the_template_says_how_to_use_an_example(tmp_path: Path) -> None:
    template = template_for("arts", tmp_path)
    assert "Haal het # vooraan weg bij het veld, of bij elke regel van het blok" in template


def test_the_schema_line_points_at_a_file_that_exists(tmp_path: Path) -> None:
    first = template_for("arts", tmp_path).split("\n")[0]
    assert first.startswith("# yaml-language-server: $schema=")
    location = Path(first.partition("$schema=")[2])
    assert location.is_absolute()
    assert location.is_file()
    schema = json.loads(location.read_text(encoding="utf-8"))
    assert schema["title"].startswith("pzspec portfolio")
