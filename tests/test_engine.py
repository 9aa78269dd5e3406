"""Requirements and verdicts of docs/domain.md section 4, one rule at a time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pzspec.errors import InputError
from pzspec.load.catalog import RuleBook, library
from pzspec.messages import Message, msg
from pzspec.models.result import Said
from pzspec.render.problems import problem_line
from pzspec.render.words import word
from tests.conftest import AS_OF, ROOT, check_text


def nl(items: list[Said]) -> list[str]:
    """In Dutch: for texts from the rule data and facts of conditions (the engine's own
    sentences are tested by their codes)."""
    return [word(i, "nl") for i in items]


def codes(items: list[Said]) -> list[str | None]:
    return [i.code if isinstance(i, Message) else None for i in items]


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
    assert req(book, ok, "registration") == ("not-eligible", "met")  # no education at all
    missing = portfolio(
        "verzorgende-ig", experience=HOSPICE, registration="  big: {registered: true}\n"
    )
    assert req(book, missing, "registration") == ("not-eligible", "unmet")


def test_vig_without_education_is_unmet(book: RuleBook) -> None:
    """The profile asks for an education AND experience (seed 000 r. 129-134); that no
    course is named yet does not make "no course at all" reviewable."""
    r = check_text(
        portfolio("verzorgende-ig", experience=HOSPICE, registration="  vakbekwaamheid: true\n"),
        book,
    )
    education = r.requirement("education")
    assert education.status == "unmet"
    said = word(education.explanation, "nl")  # the profile's own text (rule data)
    assert "zowel een aanvullende opleiding als relevante werkervaring" in said
    assert "V&VN stelt" not in said
    assert r.verdict == "not-eligible"


def test_vig_course_that_could_count_is_undetermined(book: RuleBook) -> None:
    course = "  - name: Verdiepingsleergang PZ\n    kind: leergang-pz\n    days: 14\n    completed: 2023-06-30\n"
    short = "  - name: Middag PZ\n    kind: cursus\n    days: 1\n    completed: 2023-06-30\n"
    reg = "  vakbekwaamheid: true\n"
    r = check_text(portfolio("verzorgende-ig", course, HOSPICE, registration=reg), book)
    assert (r.requirement("education").status, r.verdict) == ("undetermined", "needs-review")
    r = check_text(portfolio("verzorgende-ig", short, HOSPICE, registration=reg), book)
    assert (r.requirement("education").status, r.verdict) == ("unmet", "not-eligible")
    facts = r.requirement("education").facts
    assert [f.args["name"] for f in facts if f.code == "fact.excluded"] == ["Middag PZ"]  # type: ignore[union-attr]


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
    closed = msg("req.transition.closed", date=dt.date(2030, 2, 28))
    assert r.requirement("transition").explanation == closed


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
    assert msg("req.experience.missing", lacking=7, window=60) in exp.missing


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
    assert any("afgeleid uit het dienstverband" in f for f in nl(r.requirement("education").facts))


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
    said = codes(r.requirement("education").facts)
    assert {"fact.excluded", "fact.entry_short", "fact.no_route_for"} & set(said)


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
            ("kaderopleiding", "review"),  # access for VS/PA is a wish (r. 1346-1351)
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
    r = check_text(portfolio(education=LEERGANG, experience=HOSPICE), book)
    explanation = r.requirement("experience").explanation
    assert explanation == msg("req.experience.met", months=48, window=60, required=24)
    assert word(explanation, "en").startswith("48 months of relevant experience")


# --- fidelity: the Basisprofiel read again (issue 12) -----------------------------------
POST_MBO = """\
  - course: leergang-pz-verpleegkundige
    level: post-mbo
    days: 21
    completed: 2022-06-30
    placement_palliative_share: 0.6
"""


def test_post_mbo_leergang_meets_education_for_an_mbo_nurse(book: RuleBook) -> None:
    """The source: "NLQF 6 onderwijs of EPA-onderwijs" and "een post mbo- en post hbo-leergang"
    (seed 000 r. 784-810): the post-mbo leergang needs no NLQF 6 and no assessment."""
    r = check_text(portfolio("mbo-verpleegkundige", POST_MBO, HOSPICE), book)
    education = r.requirement("education")
    assert (education.status, education.route) == ("met", "leergang-post-mbo")
    assert r.verdict == "eligible"


def test_post_mbo_leergang_does_not_count_for_an_hbo_nurse(book: RuleBook) -> None:
    r = check_text(portfolio("hbo-verpleegkundige", POST_MBO, HOSPICE), book)
    assert r.requirement("education").status == "unmet"


def test_mbo_nurse_in_post_hbo_leergang_needs_the_assessment(book: RuleBook) -> None:
    post_hbo = LEERGANG.replace("    completed:", "    level: post-hbo\n    completed:")
    r = check_text(portfolio("mbo-verpleegkundige", post_hbo, HOSPICE), book)
    assert (r.requirement("education").status, r.verdict) == ("review", "needs-review")
    with_assessment = post_hbo + "    assessment: true\n"
    r = check_text(portfolio("mbo-verpleegkundige", with_assessment, HOSPICE), book)
    assert (r.requirement("education").status, r.verdict) == ("met", "eligible")


def test_mbo_nurse_without_level_or_assessment_is_told_both_ways(book: RuleBook) -> None:
    r = check_text(portfolio("mbo-verpleegkundige", LEERGANG, HOSPICE), book)
    education = r.requirement("education")
    assert education.status == "review"
    assert any("assessment" in m for m in nl(education.missing))
    assert any("level: post-mbo" in m for m in nl(education.missing))


SURGERY_AND_HOSPICE = """\
  - employer: Chirurgie
    from: 2020-01-01
    fte: 0.8
    palliative_patient_share: 0.0
    palliative_fte_share: 0.0
  - employer: Hospice (oproep)
    from: 2020-01-01
    fte: 0.1
    palliative_patient_share: 1.0
    palliative_fte_share: 1.0
"""


def test_shares_are_the_persons_weighted_by_fte(book: RuleBook) -> None:
    """The source: "het deel van je aanstelling" (r. 196): a 0.1 FTE hospice job next to a 0.8 FTE
    surgery job is 11% palliative, not 100%."""
    r = check_text(portfolio(education=LEERGANG, experience=SURGERY_AND_HOSPICE), book)
    experience = r.requirement("experience")
    assert (experience.status, experience.months) == ("unmet", 0)
    assert r.verdict == "not-eligible"
    assert (
        "op de peildatum samen: 11% palliatieve patiënten, 11% van de aanstelling palliatief"
        in nl(experience.facts)
    )
    balanced = SURGERY_AND_HOSPICE.replace("fte: 0.8", "fte: 0.3").replace("fte: 0.1", "fte: 0.5")
    r = check_text(portfolio(education=LEERGANG, experience=balanced), book)
    assert r.requirement("experience").status == "met"


def test_placement_during_the_course_is_weighted_too(book: RuleBook) -> None:
    course = "  - course: leergang-pz-verpleegkundige\n    started: 2021-01-01\n    completed: 2021-06-30\n"
    r = check_text(portfolio(education=course, experience=SURGERY_AND_HOSPICE), book)
    education = r.requirement("education")
    assert education.status == "unmet"
    assert any("11%" in f for f in nl(education.facts))


def test_missing_fte_names_only_the_field_that_decides(book: RuleBook) -> None:
    jobs = SURGERY_AND_HOSPICE.replace("    fte: 0.1\n", "")
    r = check_text(portfolio(education=LEERGANG, experience=jobs), book)
    experience = r.requirement("experience")
    assert experience.status == "undetermined"
    assert r.verdict == "needs-review"
    assert (
        msg("req.experience.fill_field", field="fte", who="Hospice (oproep)") in experience.missing
    )
    assert not any("Chirurgie" in m for m in nl(experience.missing))


def test_missing_share_names_the_missing_one_only(book: RuleBook) -> None:
    job = "  - employer: Thuiszorg\n    from: 2020-01-01\n    palliative_patient_share: 0.3\n"
    r = check_text(portfolio(education=LEERGANG, experience=job), book)
    missing = r.requirement("experience").missing
    assert (
        msg("req.experience.fill_field", field="palliative_fte_share", who="Thuiszorg") in missing
    )
    assert not any("palliative_patient_share" in m for m in nl(missing))


def test_kaderopleiding_for_vs_is_review_and_provisional(book: RuleBook) -> None:
    text = portfolio(VS, "  - course: kaderopleiding-pz\n    completed: 2020-06-30\n", HOSPICE)
    r = check_text(text, book)
    education = r.requirement("education")
    assert (education.status, r.verdict) == ("review", "needs-review")
    assert education.provisional and education.provisional_reason
    assert "nog wordt onderzocht" in word(education.provisional_reason, "nl")


def test_vs_pa_routes_are_provisional(book: RuleBook) -> None:
    manp = "  - course: manp\n    completed: 2015-06-30\n    field: palliatieve-zorg\n"
    r = check_text(portfolio(VS, manp, HOSPICE), book)
    assert r.verdict == "eligible"
    assert r.requirement("education").provisional
    assert r.provisional


def test_every_education_entry_is_listed_with_why(book: RuleBook) -> None:
    entries = (
        LEERGANG
        + "  - course: basisscholing-pz\n    completed: 2015-06-30\n"
        + "  - name: Master Oncologie\n    kind: master\n    completed: 2012-06-30\n"
        + "  - course: leergang-pz-verpleegkundige\n    days: 12\n    completed: 2019-06-30\n"
        + "  - course: leergang-pz-verpleegkundige\n    completed: 2030-06-30\n"
    )
    r = check_text(portfolio(education=entries, experience=HOSPICE), book)
    education = r.requirement("education")
    assert education.status == "met"
    rows = education.details["entries"]
    assert [row["status"] for row in rows] == [
        "excluded", "not-completed", "met", "no-route", "unmet"
    ]  # fmt: skip
    facts = " | ".join(nl(education.facts))
    assert "Basisscholing" in facts and "telt niet" in facts
    assert "Master Oncologie telt niet: geen opleidingsroute" in facts
    assert "lesdagen: 12 (minimaal 21)" in facts


# --- the forms of the overgangsregeling (seed 000 r. 130-146, 1327-1343) -------------------
OVERGANG = ROOT / "docs" / "examples" / "overlay-overgangsregeling.yaml"
IN_PROGRESS = """\
  - course: leergang-pz-verpleegkundige
    started: 2025-09-01
    completed: 2026-06-30
    placement_palliative_share: 0.6
"""
RECENT_HOSPICE = """\
  - employer: Hospice
    from: 2023-06-01
    palliative_patient_share: 0.9
"""


def overlay_book(path: Path) -> RuleBook:
    return library([path]).at(AS_OF)


def test_shipped_transition_names_its_forms(book: RuleBook) -> None:
    r = check_text(portfolio(experience=RECENT_HOSPICE), book)
    transition = r.requirement("transition")
    assert transition.details["forms"] == ["graduation-cutoff", "experience-cutoff", "portfolio"]
    assert any(
        "afkappunt op basis van jaar van afstuderen + afkappunt op basis van jaren werkervaring"
        in f
        for f in nl(transition.facts)
    )


def test_an_overlay_switches_transition_forms() -> None:
    ob = overlay_book(OVERGANG)
    text = portfolio(education=IN_PROGRESS, experience=RECENT_HOSPICE, graduated="2015-06-30")
    r = check_text(text, ob)
    transition = r.requirement("transition")
    assert (transition.status, transition.route) == ("met", "lopende-opleiding")
    assert r.verdict == "eligible-transition"
    assert transition.rule_set == "voorbeeld-overgangsregeling"
    assert "additional-education" in transition.details["forms"]
    assert "portfolio" not in transition.details["forms"]
    # the same portfolio under the shipped rules: no form lifts the missing education
    assert check_text(text, library().at(AS_OF)).verdict == "not-eligible"
    # a course planned after the overlay's deadline does not count
    late = text.replace("completed: 2026-06-30", "completed: 2029-06-30")
    assert check_text(late, ob).requirement("transition").status == "unmet"
    # the portfolio form is switched off
    asked = portfolio(experience=RECENT_HOSPICE, extra="transition:\n  portfolio_review: true\n")
    assert check_text(asked, ob).requirement("transition").status == "unmet"


def test_overlay_that_withdraws_an_unknown_transition_route_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        OVERGANG.read_text(encoding="utf-8").replace(
            "withdraw: [portfolio]", "withdraw: [portfolo]"
        ),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as err:
        library([bad])
    message = problem_line(err.value.problems[0], "nl")
    assert "portfolo" in message and "portfolio" in message and ":30:16:" in message


def test_a_withdrawn_course_no_longer_counts_and_says_so(tmp_path: Path) -> None:
    """A course an overlay withdrew is read, listed as withdrawn, and does not count; the
    portfolio is not unusable (issue 11, point 4)."""
    overlay = tmp_path / "intrekking.yaml"
    overlay.write_text(
        'pzspec: overlay/1\nid: intrekking-manp\nextends: "2025-03"\ntitle: "Intrekking"\n'
        'publisher: "Test"\nvalid_from: 2025-03-01\nsource: "Besluit, artikel 1"\n'
        "courses:\n  withdraw: [manp]\n",
        encoding="utf-8",
    )
    manp = "  - course: manp\n    completed: 2015-06-30\n    field: palliatieve-zorg\n"
    r = check_text(portfolio(VS, manp, HOSPICE), library([overlay]).at(AS_OF))
    education = r.requirement("education")
    assert education.status == "unmet"
    assert education.details["entries"][0]["status"] == "withdrawn"
    withdrawn = msg("fact.withdrawn", by="intrekking-manp")
    assert any(f.code == "fact.excluded" and f.args["reason"] == withdrawn for f in education.facts)  # type: ignore[union-attr]


def test_a_course_of_unknown_length_is_asked_for_its_days(book: RuleBook) -> None:
    """A short course of a few lesdagen never counts (r. 1359-1360); the catalogue's course
    for medical specialists has no length, so its lesdagen decide and are asked for."""
    course = "  - course: cursus-pz-medisch-specialisten\n    completed: 2019-07-01\n"
    r = check_text(portfolio("arts", course, HOSPICE), book)
    education = r.requirement("education")
    assert education.status == "review"
    assert any("lesdagen" in m and "niet opgegeven" in m for m in nl(education.missing))
    short = course + "    days: 3\n"
    assert (
        check_text(portfolio("arts", short, HOSPICE), book).requirement("education").status
        == "unmet"
    )


def test_an_undecided_transition_asks_for_the_data_not_a_portfolio_review(book: RuleBook) -> None:
    """Two jobs without an FTE share and one without patient share: the transition by
    experience cannot be decided; the report asks for the missing field, and does not say a
    portfolio assessment was requested."""
    jobs = (
        "  - employer: Hospice\n    from: 2017-01-01\n    fte: 0.8\n    palliative_patient_share: 0.9\n"
        "  - employer: Chirurgie\n    from: 2017-01-01\n    fte: 0.8\n"
    )
    r = check_text(portfolio(experience=jobs, graduated="2015-06-30"), book)
    transition = r.requirement("transition")
    assert transition.status == "review"
    assert codes([transition.explanation]) == ["req.transition.open"]  # not "review": asked for
    assert not any("portfolio" in m for m in nl(transition.missing))
    asked = [m for m in transition.missing if isinstance(m, Message)]
    assert any(
        m.code == "req.experience.fill_field" and m.args["who"] == "Chirurgie" for m in asked
    )
    assert r.verdict == "needs-review"


def test_withdrawing_the_only_course_of_an_exclusion_does_not_exclude_everything(
    tmp_path: Path,
) -> None:
    rules = tmp_path / "rules.yaml"
    text = (ROOT / "data" / "rules" / "2025-03.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "    courses: [epa-lz-fo]\n    kinds: [epa]\n", "    courses: [epa-lz-fo]\n"
    )
    rules.write_text(text, encoding="utf-8")
    overlay = tmp_path / "intrekking.yaml"
    overlay.write_text(
        'pzspec: overlay/1\nid: weg-epa\nextends: "2025-03"\ntitle: "Weg"\n'
        'publisher: "Test"\nvalid_from: 2025-03-01\nsource: "Besluit"\n'
        "courses:\n  withdraw: [epa-lz-fo]\n",
        encoding="utf-8",
    )
    profiles = ROOT / "data" / "profiles"
    ob = library([rules, overlay, profiles], defaults=False).at(AS_OF)
    r = check_text(portfolio(education=LEERGANG, experience=HOSPICE), ob)
    assert r.requirement("education").status == "met"
