"""Four people who fill in the guided form (issue 16), as they would type it: the field
names of the form and what goes in them. Shared by the in-process and the browser tests."""

from __future__ import annotations

from typing import Any

PERSONAS: dict[str, dict[str, Any]] = {
    "hbo-verpleegkundige met leergang": {
        "profession": "hbo-verpleegkundige",
        "person": {
            "person.name": "A. de Vries",
            "person.big.registered": "yes",
            "person.big.number": "19012345601",
            "person.graduated": "30-06-2009",
        },
        "education": [
            {
                "course": "leergang-pz-verpleegkundige",
                "completed": "2021-06-30",
                "days": "23",
                "nlqf": "6",
                "epas": ["LZ-FO-1", "LZ-FO-2"],
                "placement_palliative_share": "60",
            }
        ],
        "experience": [
            {
                "employer": "Hospice De Linde",
                "from": "2018-01-01",
                "fte": "0,8",
                "patients": "100",
                "ftepal": "90",
            }
        ],
        "activities": [
            {"kind": "intervisie", "date": "2024-03-12", "hours": "2", "accredited": "yes"}
        ],
        "transition": {"transition.portfolio_review": "no"},
        "verdict": "eligible",
    },
    "VS met MANP oncologie en 9-daagse leergang": {
        "profession": "verpleegkundig-specialist",
        "person": {"person.big.registered": "yes", "person.graduated": "2005-06-30"},
        "education": [
            {"course": "manp", "completed": "2012-06-30", "field": "anders"},
            {"course": "leergang-pz-vs-pa", "completed": "2022-11-30"},
        ],
        "experience": [
            {
                "employer": "Amphia, team palliatieve zorg",
                "from": "2019-03-01",
                "fte": "0.9",
                "patients": "95",
                "ftepal": "80",
            }
        ],
        "activities": [],
        "transition": {"transition.portfolio_review": "no"},
        "verdict": "eligible",
    },
    "huisarts met kaderopleiding": {
        "profession": "arts",
        "person": {
            "person.name": "H. Bakker",
            "person.big.registered": "yes",
            "person.graduated": "1998-09-01",
        },
        "education": [{"course": "kaderopleiding-pz", "completed": "2019-12-15"}],
        "experience": [
            {
                "employer": "Huisartsenpraktijk De Brink",
                "from": "2015-01-01",
                "fte": "1",
                "patients": "60",
                "ftepal": "60",
            }
        ],
        "activities": [{"kind": "patz", "date": "2025-05-20", "hours": "2", "accredited": "yes"}],
        "transition": {"transition.portfolio_review": "no"},
        "verdict": "eligible",
    },
    "verzorgende IG": {
        "profession": "verzorgende-ig",
        "person": {"person.vakbekwaamheid": "yes", "person.graduated": "2001-07-01"},
        "education": [
            {
                "course": "__other__",
                "name": "Verdiepingsleergang palliatieve zorg voor verzorgenden",
                "kind": "leergang-pz",
                "completed": "2020-04-01",
            }
        ],
        "experience": [
            {
                "employer": "Verpleeghuis Avondrood",
                "from": "2016-02-01",
                "fte": "0.7",
                "patients": "80",
                "ftepal": "70",
            }
        ],
        "activities": [],
        "transition": {"transition.portfolio_review": "no"},
        "verdict": "eligible-transition",
    },
}


def form_fields(persona: dict[str, Any], as_of: str) -> list[tuple[str, str]]:
    """Everything the person answers, as the form posts it (for the in-process test)."""
    out = [("profession", persona["profession"]), ("as_of", as_of)]
    out += list(persona["person"].items()) + list(persona["transition"].items())
    for prefix, section in (("edu", "education"), ("exp", "experience"), ("act", "activities")):
        for n, row in enumerate(persona[section]):
            out.append((f"{prefix}-{n}-row", "1"))
            if prefix == "edu":
                out.append((f"edu-{n}-epas_seen", "1"))
            for key, value in row.items():
                values = value if isinstance(value, list) else [value]
                out += [(f"{prefix}-{n}-{key}", v) for v in values]
    return out
