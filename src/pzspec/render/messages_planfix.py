"""Staged catalogue pairs for the ``pzspec plan`` fixes (issue 17 follow-up); see
docs/translating.md."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- plan: why the transition does not help ---
    "plan.blocked.transition_late": (
        "de overgangsregeling staat open tot en met {date}, maar de {months} maanden "
        "werkervaring die zij vraagt, heeft u op zijn vroegst op {reached} (als elke maand "
        "vanaf nu telt)",
        "the transition arrangement is open until {date}, but you can have the {months} "
        "months of experience it asks for on {reached} at the earliest (if every month from now "
        "on counts)",
    ),
    # --- plan: steps, as actions ---
    "plan.step.do": ("regel het volgende: {what}", "see to the following: {what}"),
    "plan.step.register": ("regel uw registratie: {what}", "arrange your registration: {what}"),
    "plan.step.follow_course": (
        "volg een opleiding die telt: {what}",
        "take a course that counts: {what}",
    ),
    "plan.step.follow_course_permanent": (
        "volg een opleiding die telt, dan voldoet u ook zonder de overgangsregeling: {what}",
        "take a course that counts, so that you qualify without the transition arrangement "
        "too: {what}",
    ),
    "plan.step.find_course": (
        "volg een opleiding die als specialiserende opleiding kan tellen: {what}",
        "take a course that can count as specialising education: {what}",
    ),
    "plan.step.find_course_permanent": (
        "volg een opleiding die als specialiserende opleiding kan tellen, dan voldoet u ook "
        "zonder de overgangsregeling: {what}",
        "take a course that can count as specialising education, so that you qualify without "
        "the transition arrangement too: {what}",
    ),
    "plan.step.supplement_course": (
        "vul uw opleiding aan, of volg een opleiding die wel telt: {what}",
        "add to your course, or take one that does count: {what}",
    ),
    "plan.step.ask_assessment": ("vraag om {what}", "ask for {what}"),
    "plan.step.fill_in": (
        "vul in uw portfolio in wat ontbreekt: {what}",
        "fill in what is missing in your portfolio: {what}",
    ),
    "plan.step.have_assessed": (
        "laat beoordelen of uw opleiding telt: {what}",
        "have it assessed whether your course counts: {what}",
    ),
    "plan.step.transition_route": (
        "zorg dat u vóór {date} voldoet aan de overgangsregeling ({route}): {what}",
        "before {date}, meet the transition arrangement ({route}): {what}",
    ),
    "plan.step.transition_route_months": (
        "zorg dat u vóór {date} voldoet aan de overgangsregeling ({route}): {what}; als elke "
        "maand vanaf nu telt, heeft u de maanden op {reached}",
        "before {date}, meet the transition arrangement ({route}): {what}; if every month from "
        "now on counts, you have the months on {reached}",
    ),
    "plan.step.transition_review": (
        "vraag vóór {date} aan via de overgangsregeling: {route}; een beoordelaar beslist of u "
        "voldoet",
        "apply before {date} under the transition arrangement: {route}; an assessor decides "
        "whether you qualify",
    ),
}
