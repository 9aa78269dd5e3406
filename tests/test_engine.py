"""Requirements and verdicts of docs/domain.md section 4, one rule at a time."""

from __future__ import annotations

import datetime as dt

import pytest

from pzspec.catalog import RuleBook
from tests.conftest import check_text


def portfolio(
    profession: str = "hbo-verpleegkundige",
    education: str = "",
    experience: str = "",
    extra: str = "",
    graduated: str = "2010-06-30",
    registration: str = "  big: {registered: true}\n",
) -> str:
    text = (
        "pzspec: portfolio/1\n"
        "person:\n"
        f"  profession: {profession}\n"
        f"  graduated: {graduated}\n"
        f"{registration}"
    )
    if education:
        text += "education:\n" + education
    if experience:
        text += "experience:\n" + experience
    return text + extra


LEERGANG = """\
  - course: leergang-pz-verpleegkundige
    completed: 2021-06-30
    placement_palliative_share: 0.6
"""
HOSPICE = """\
  - employer: Hospice
    from: 2022-01-01
    palliative_patient_share: 0.9
"""
LONG_HOSPICE = """\
  - employer: Hospice
    from: 2012-01-01
    palliative_patient_share: 0.9
"""


def req(book: RuleBook, text: str, rid: str, **kw: object) -> tuple[str, str]:
    r = check_text(text, book, **kw)  # type: ignore[arg-type]
    return r.verdict, r.requirement(rid).status


# --- verdict rules ----------------------------------------------------------------------
def test_eligible_with_leergang_and_experience(book: RuleBook) -> None:
    r = check_text(portfolio(education=LEERGANG, experience=HOSPICE), book)
    assert r.verdict == "eligible"
    assert r.requirement("education").route == "leergang"
    assert r.requirement("experience").months == 48
    assert r.requirement("transition").status == "not-applicable"
    assert r.provisional  # the experience threshold is provisional


def test_registration_missing_is_never_lifted(book: RuleBook) -> None:
    r = check_text(
        portfolio(
            education=LEERGANG, experience=HOSPICE, registration="  big: {registered: false}\n"
        ),
        book,
    )
    assert r.verdict == "not-eligible"
    assert r.requirement("registration").status == "unmet"
    assert not r.provisional  # a stated rule decided it


def test_no_big_section_means_not_registered(book: RuleBook) -> None:
    assert req(
        book, portfolio(education=LEERGANG, experience=HOSPICE, registration=""), "registration"
    ) == ("not-eligible", "unmet")


def test_verzorgende_ig_needs_vakbekwaamheid_not_big(book: RuleBook) -> None:
    ok = portfolio("verzorgende-ig", experience=HOSPICE, registration="  vakbekwaamheid: true\n")
    assert req(book, ok, "registration") == ("needs-review", "met")
    missing = portfolio(
        "verzorgende-ig", experience=HOSPICE, registration="  big: {registered: true}\n"
    )
    assert req(book, missing, "registration") == ("not-eligible", "unmet")


def test_vig_education_is_undetermined(book: RuleBook) -> None:
    r = check_text(
        portfolio("verzorgende-ig", experience=HOSPICE, registration="  vakbekwaamheid: true\n"),
        book,
    )
    assert r.requirement("education").status == "undetermined"
    assert r.verdict == "needs-review"


def test_profession_must_fit_target(book: RuleBook) -> None:
    text = portfolio(education=LEERGANG, experience=HOSPICE, extra="target: arts\n")
    assert req(book, text, "profession") == ("not-eligible", "unmet")


def test_transition_by_experience(book: RuleBook) -> None:
    r = check_text(portfolio(experience=LONG_HOSPICE), book)
    assert r.requirement("education").status == "unmet"
    assert r.requirement("transition").status == "met"
    assert r.requirement("transition").open_until == "2030-02-28"
    assert r.verdict == "eligible-transition"
    assert r.provisional


def test_transition_needs_graduation_before_cutoff(book: RuleBook) -> None:
    text = portfolio(experience=LONG_HOSPICE, graduated="2025-06-30")
    assert req(book, text, "transition") == ("not-eligible", "unmet")


def test_transition_closes_after_end_date(book: RuleBook) -> None:
    r = check_text(portfolio(experience=LONG_HOSPICE), book, as_of=dt.date(2030, 3, 1))
    assert r.requirement("transition").status == "unmet"
    assert r.verdict == "not-eligible"
    assert "gesloten sinds 2030-02-28" in r.requirement("transition").explanation


def test_transition_portfolio_review(book: RuleBook) -> None:
    text = portfolio(experience=HOSPICE, extra="transition: {portfolio_review: true}\n")
    assert req(book, text, "transition") == ("needs-review", "review")


def test_transition_never_replaces_experience(book: RuleBook) -> None:
    text = portfolio(extra="transition: {portfolio_review: true}\n")
    assert req(book, text, "experience") == ("not-eligible", "unmet")


def test_experience_unmet_says_how_many_months_are_missing(book: RuleBook) -> None:
    short = "  - employer: Hospice\n    from: 2024-07-01\n    to: 2025-11-30\n    palliative_fte_share: 0.8\n"
    r = check_text(portfolio(education=LEERGANG, experience=short), book)
    exp = r.requirement("experience")
    assert (r.verdict, exp.status, exp.months) == ("not-eligible", "unmet", 17)
    assert "nog 7 maanden relevante werkervaring binnen 60 maanden" in exp.missing


def test_experience_without_shares_is_undetermined(book: RuleBook) -> None:
    unknown = "  - employer: Thuiszorg\n    from: 2019-01-01\n"
    r = check_text(portfolio(education=LEERGANG, experience=unknown), book)
    assert r.requirement("experience").status == "undetermined"
    assert r.verdict == "needs-review"


def test_experience_low_shares_do_not_count(book: RuleBook) -> None:
    low = "  - employer: Ziekenhuis\n    from: 2015-01-01\n    palliative_patient_share: 0.2\n    palliative_fte_share: 0.1\n"
    assert req(book, portfolio(education=LEERGANG, experience=low), "experience") == (
        "not-eligible",
        "unmet",
    )


def test_future_employment_does_not_count(book: RuleBook) -> None:
    future = "  - employer: Hospice\n    from: 2026-02-01\n    palliative_patient_share: 1.0\n"
    assert req(book, portfolio(education=LEERGANG, experience=future), "experience") == (
        "not-eligible",
        "unmet",
    )


# --- education routes --------------------------------------------------------------
@pytest.mark.parametrize(
    ("change", "status"),
    [
        ("    days: 18\n", "unmet"),
        ("    epas: [LZ-FO-1]\n", "unmet"),
        ("    nlqf: 5\n", "unmet"),
        ("", "met"),
    ],
)
def test_leergang_conditions(book: RuleBook, change: str, status: str) -> None:
    assert (
        req(book, portfolio(education=LEERGANG + change, experience=HOSPICE), "education")[1]
        == status
    )


def test_old_nlqf_5_counts_before_2020(book: RuleBook) -> None:
    old = "  - course: leergang-pz-verpleegkundige\n    completed: 2018-06-30\n    nlqf: 5\n    placement_palliative_share: 0.6\n"
    assert req(book, portfolio(education=old, experience=HOSPICE), "education") == (
        "eligible",
        "met",
    )


def test_placement_share_derived_from_employment(book: RuleBook) -> None:
    entry = "  - course: leergang-pz-verpleegkundige\n    completed: 2021-06-30\n"
    job = "  - employer: Hospice\n    from: 2019-01-01\n    palliative_fte_share: 0.7\n"
    r = check_text(portfolio(education=entry, experience=job), book)
    assert r.requirement("education").status == "met"
    assert any("afgeleid uit het dienstverband" in f for f in r.requirement("education").facts)


def test_placement_share_unknown_needs_review(book: RuleBook) -> None:
    entry = "  - course: leergang-pz-verpleegkundige\n    completed: 2021-06-30\n"
    assert req(book, portfolio(education=entry, experience=HOSPICE), "education") == (
        "needs-review",
        "review",
    )


def test_mbo_needs_assessment(book: RuleBook) -> None:
    without = portfolio("mbo-verpleegkundige", education=LEERGANG, experience=HOSPICE)
    assert req(book, without, "education") == ("needs-review", "review")
    with_ = portfolio(
        "mbo-verpleegkundige", education=LEERGANG + "    assessment: true\n", experience=HOSPICE
    )
    assert req(book, with_, "education") == ("eligible", "met")


@pytest.mark.parametrize(
    "entry",
    [
        "  - course: basisscholing-pz\n    completed: 2022-01-01\n",
        "  - course: scholing-aandachtsvelder-pz\n    completed: 2022-01-01\n",
        "  - course: epa-lz-fo\n    completed: 2022-01-01\n",
        "  - name: Korte cursus\n    kind: leergang-pz\n    days: 3\n    completed: 2022-01-01\n",
    ],
)
def test_never_qualifies(book: RuleBook, entry: str) -> None:
    r = check_text(portfolio(education=entry, experience=HOSPICE), book)
    assert r.requirement("education").status == "unmet"
    assert any("telt niet" in f for f in r.requirement("education").facts)


def test_course_completed_after_as_of_is_not_completed(book: RuleBook) -> None:
    entry = LEERGANG.replace("2021-06-30", "2026-06-30")
    assert req(book, portfolio(education=entry, experience=HOSPICE), "education") == (
        "not-eligible",
        "unmet",
    )


VS = "verpleegkundig-specialist"


@pytest.mark.parametrize(
    ("profession", "entries", "expected"),
    [
        (
            VS,
            "  - course: manp\n    completed: 2015-06-30\n    field: palliatieve-zorg\n",
            ("manp-pz", "met"),
        ),
        (
            VS,
            "  - course: manp\n    completed: 2015-06-30\n    field: oncologie\n",
            (None, "unmet"),
        ),
        (
            VS,
            "  - course: manp\n    completed: 2015-06-30\n    field: oncologie\n"
            "  - course: leergang-pz-vs-pa\n    completed: 2020-06-30\n",
            ("leergang-vs-pa", "met"),
        ),
        (
            "physician-assistant",
            "  - course: leergang-pz-vs-pa\n    completed: 2020-06-30\n",
            ("leergang-vs-pa", "met"),
        ),
        (
            "physician-assistant",
            "  - course: manp\n    completed: 2015-06-30\n    field: palliatieve-zorg\n",
            (None, "unmet"),
        ),
        (
            "physician-assistant",
            "  - name: Leergang PZ elders\n    kind: aanvullende-scholing-pz\n    days: 12\n    completed: 2020-06-30\n",
            ("aanvullende-scholing", "review"),
        ),
        (
            VS,
            "  - course: kaderopleiding-pz\n    completed: 2020-06-30\n",
            ("kaderopleiding", "met"),
        ),
        (
            "arts",
            "  - course: kaderopleiding-pz\n    completed: 2020-06-30\n",
            ("kaderopleiding", "met"),
        ),
        (
            "arts",
            "  - course: palliative-medicine-postgrad\n    institution: Cardiff University\n    completed: 2019-07-01\n",
            ("postgraduate", "review"),
        ),
        (
            "arts",
            "  - name: Palliative Medicine\n    kind: postgraduate-palliative-medicine\n    completed: 2019-07-01\n",
            ("postgraduate", "review"),
        ),
        (
            "arts",
            "  - course: cursus-pz-medisch-specialisten\n    days: 10\n    completed: 2019-07-01\n",
            ("andere-opleiding", "review"),
        ),
        (
            "arts",
            "  - course: cursus-pz-medisch-specialisten\n    days: 2\n    completed: 2019-07-01\n",
            (None, "unmet"),
        ),
    ],
)
def test_routes_of_other_profiles(
    book: RuleBook, profession: str, entries: str, expected: tuple[str | None, str]
) -> None:
    r = check_text(portfolio(profession, education=entries, experience=HOSPICE), book)
    education = r.requirement("education")
    assert (education.route, education.status) == expected


def test_practice_is_information(book: RuleBook) -> None:
    acts = "activities:\n  - kind: intervisie\n    date: 2024-03-12\n  - kind: onderwijs\n    from: 2015-01-01\n    to: 2019-01-01\n"
    r = check_text(portfolio(education=LEERGANG, experience=HOSPICE, extra=acts), book)
    practice = r.requirement("practice")
    assert practice.status == "info"
    shown = [a["id"] for a in practice.details["activities"] if a["evidenced"]]
    assert shown == ["pz-verpleegkundige.praktijk.2"]  # onderwijs ended before the window


def test_english_explanations(book: RuleBook) -> None:
    r = check_text(portfolio(education=LEERGANG, experience=HOSPICE), book, lang="en")
    assert r.requirement("experience").explanation.startswith("48 months of relevant experience")
