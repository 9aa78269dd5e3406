"""Staged catalogue pairs of the "words" branch (issue 15, points 2 and 11).

New codes and reviewed texts; ``python -m pzspec.render.catalogue export`` writes them into
the .po files (a pair for an existing code replaces its text). Conventions:
docs/translating.md, "Schrijfwijzer".
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- activities are not experience (15.2) ---
    "period": ("{start} – {end}", "{start} – {end}"),
    "fact.work_outside_employment": (
        "{kind} ({when}) valt buiten uw dienstverbanden en telt daarom niet als werkervaring",
        "{kind} ({when}) lies outside your employments, so it does not count as experience",
    ),
    "req.experience.record_work": (
        "{kind}: leg dit werk vast als dienstverband onder 'experience' (met from, to, fte,"
        " palliative_patient_share en palliative_fte_share), dan kan het meetellen als"
        " werkervaring",
        "{kind}: record this work as an employment under 'experience' (with from, to, fte,"
        " palliative_patient_share and palliative_fte_share) so that it can count as experience",
    ),
    "req.practice.info": (
        "uw activiteiten van de laatste {window} maanden laten {shown} van de {total}"
        " praktijkactiviteiten van het profiel zien (ter informatie; activiteiten tellen niet"
        " als werkervaring)",
        "your activities of the last {window} months show {shown} of the profile's {total}"
        " practice activities (for information; activities do not count as experience)",
    ),
    "req.practice.shown": (
        "uw activiteiten van de laatste {window} maanden laten {shown} van de {total}"
        " praktijkactiviteiten van het profiel zien",
        "your activities of the last {window} months show {shown} of the profile's {total}"
        " practice activities",
    ),
    "show.activities": (
        "Praktijkactiviteiten (ter informatie; ze tellen niet als werkervaring)",
        "Practice activities (for information; they do not count as experience)",
    ),
    "fact.shown_activity": ("in uw activiteiten: {text}", "in your activities: {text}"),
    "doc.evidenced": ("in uw activiteiten", "in your activities"),
    "doc.not_evidenced": ("niet in uw activiteiten", "not in your activities"),
    "show.experience_rule": (
        "Minstens {min} maanden relevante werkervaring in de laatste {window} maanden. Een maand"
        " telt als, over al uw dienstverbanden samen en gewogen naar fte, minstens de helft van"
        " de patiënten een palliatieve zorgbehoefte heeft of minstens de helft van de aanstelling"
        " aan palliatieve zorg wordt besteed; overlappende dienstverbanden tellen één keer."
        " Activiteiten (zoals een PaTz-groep) tellen niet als werkervaring: werk dat moet"
        " meetellen, legt u vast als dienstverband.",
        "At least {min} months of relevant experience in the last {window} months. A month counts"
        " when, over all your employments together and weighted by FTE, at least half of the"
        " patients have a palliative care need or at least half of the appointment is spent on"
        " palliative care; overlapping employments count once. Activities (such as a PaTz group)"
        " do not count as experience: record work that should count as an employment.",
    ),
    # --- diff: words for the basis and the field of a changed text (15.11) ---
    "diff.param.basis": ("grondslag: {old} → {new}", "basis: {old} → {new}"),
    "diff.basis": ("grondslag gewijzigd", "basis changed"),
    "diff.field.unit": ("eenheid", "unit"),
    "diff.field.source": ("bron", "source"),
    "diff.field.description": ("omschrijving", "description"),
    "diff.field.label": ("naam", "label"),
    "diff.field.name": ("naam", "name"),
    "diff.field.title": ("titel", "title"),
    "diff.field.title_en": ("Engelse titel", "English title"),
    "diff.field.publisher": ("uitgever", "publisher"),
    "diff.field.missing": ("tekst bij wat ontbreekt", "text for what is missing"),
    "diff.field.undetermined": ("tekst bij 'onbepaald'", "text for 'undetermined'"),
    "diff.field.reason": ("reden", "reason"),
    "diff.field.text": ("tekst", "text"),
    "diff.field.note": ("toelichting", "note"),
    "diff.field.version": ("versie", "version"),
    "diff.field.forms": ("vormen van de overgangsregeling", "forms of the transition"),
    # --- Dutch review (15.11): statuses and the batch summary ---
    "status.met": ("voldoet", "met"),
    "status.unmet": ("voldoet niet", "unmet"),
    "status.review": ("beoordeling nodig", "needs review"),
    "text.attention": ("Bestanden die aandacht vragen:", "Files that need attention:"),
    # --- Dutch review (15.11): reading files ---
    "hint.too_large": (
        "een portfolio is meestal klein; zet PZSPEC_MAX_BYTES hoger als dit bestand toch klopt",
        "a portfolio is usually small; raise PZSPEC_MAX_BYTES if this file is right after all",
    ),
    "err.symlink_loop": (
        "symbolische koppeling verwijst (via andere koppelingen) naar zichzelf",
        "symbolic link points (via other links) to itself",
    ),
    "err.undefined_alias": (
        "alias '*{name}' verwijst naar een anker dat niet eerder in het bestand staat",
        "alias '*{name}' refers to an anchor that is not defined before it",
    ),
    "out.encoding": (
        "sommige tekens kunnen niet in de codering {encoding} worden geschreven",
        "some characters cannot be written in the encoding {encoding}",
    ),
    "diff.hint.git_path": (
        "een naam als '..', '.', een lege naam of een backslash kan buiten de tijdelijke map"
        " schrijven; pzspec pakt deze revisie niet uit, controleer de branch",
        "a name such as '..', '.', an empty name or a backslash could write outside the"
        " temporary folder; pzspec does not unpack this revision, check the branch",
    ),
    "err.not_mapping": (
        "het bestand moet een blok met sleutels en waarden zijn (sleutel: waarde)",
        "the file must be a mapping (key: value)",
    ),
    "type.mapping": (
        "een blok met sleutels en waarden (sleutel: waarde)",
        "a mapping (key: value)",
    ),
    "err.activity_period": (
        "de activiteit heeft zowel 'date' als 'from', of geen van beide",
        "the activity has both 'date' and 'from', or neither",
    ),
    "err.course_or_kind": (
        "geef bij een opleiding 'course' (uit de catalogus), of 'name' met 'kind'",
        "an education entry needs 'course' (from the catalogue), or 'name' with 'kind'",
    ),
    "val.gap": (
        "tussen versie {other} en deze versie gelden geen regels van {start} tot en met {end}",
        "no rules apply between version {other} and this one from {start} to {end}",
    ),
    "val.in_progress_place": (
        "een voorwaarde 'education-in-progress' hoort alleen in een route van de overgangsregeling",
        "an 'education-in-progress' condition belongs only in a route of the transition rule",
    ),
    "hint.in_progress_place": (
        "ze vraagt of een lopende opleiding aan de opleidingseis zal voldoen; in die eis zelf,"
        " in een uitsluiting of in een registratie zou ze naar zichzelf verwijzen",
        "it asks whether an education in progress will meet the education requirement; inside"
        " that requirement, an exclusion or a registration it would refer to itself",
    ),
    "val.field_type": (
        "veld '{field}' bevat {kind}; een voorwaarde '{type}' kan dat niet vergelijken",
        "field '{field}' holds {kind}; a '{type}' condition cannot compare that",
    ),
    "hint.field_type": (
        "een voorwaarde '{type}' vraagt een veld met {want}",
        "a '{type}' condition needs a field holding {want}",
    ),
    "cli.init_done": (
        "{file} gemaakt; vul het in en controleer het met: pzspec check {file}",
        "{file} written; fill it in and check it with: pzspec check {file}",
    ),
    "doc.kind.overlay": ("overlay", "overlay"),
    # --- Dutch review (15.11): the report ---
    "cond.lacking": ("{field}: mist {values}", "{field}: lacks {values}"),
    "cond.min_derived": (
        "{field}: {actual}, afgeleid uit het dienstverband tijdens de opleiding"
        " (minimaal {required})",
        "{field}: {actual}, derived from the employment during the course (at least {required})",
    ),
    "cond.in_progress": (
        "een opleiding die meetelt, al begonnen en uiterlijk {date} af te ronden",
        "an education that counts, already started and to be completed by {date}",
    ),
    "describe.includes": ("{field} bevat {value}", "{field} includes {value}"),
    "fact.not_completed": (
        "{name}: op de peildatum nog niet afgerond (afronding gepland op {date})",
        "{name}: not completed on the as-of date (planned completion {date})",
    ),
    "form.graduation-cutoff": (
        "afkappunt op basis van jaar van afstuderen",
        "cut-off by year of graduation",
    ),
    "form.experience-cutoff": (
        "afkappunt op basis van jaren werkervaring",
        "cut-off by years of experience",
    ),
    "fact.no_shares": ("aandelen palliatieve zorg niet opgegeven", "palliative shares not given"),
    "fact.counted_months": (
        "valt in {months} maanden die meetellen",
        "falls in {months} months that count",
    ),
    "fact.not_relevant": ("valt in geen enkele maand die meetelt", "falls in no month that counts"),
    "fact.unknown_relevance": (
        "nog onbekend of de maanden waarin het valt meetellen",
        "not yet known whether the months it falls in count",
    ),
    "fact.weighted": (
        "de aandelen gelden voor uw hele aanstelling: per maand telt elk dienstverband mee naar"
        " zijn fte en het aantal dagen",
        "the shares are those of your whole appointment: each month, every employment counts by"
        " its FTE and its days",
    ),
    "req.profession.missing": (
        "een van deze beroepen: {allowed}",
        "one of these professions: {allowed}",
    ),
    "req.experience.undetermined": (
        "in de laatste {window} maanden {months} maanden zeker relevante werkervaring, mogelijk"
        " tot {possible} (minimaal {required}); voor de andere maanden ontbreken gegevens om dat"
        " te beslissen",
        "in the last {window} months, {months} months of certainly relevant experience, possibly"
        " up to {possible} (at least {required}); the other months lack the data to decide",
    ),
    "req.transition.closed": (
        "de overgangsregeling stond open tot en met {date} en is nu gesloten",
        "the transition arrangement was open until {date} and is now closed",
    ),
    "req.transition.review": (
        "{route} aangevraagd; de regeling staat open tot en met {date}",
        "{route} requested; the arrangement is open until {date}",
    ),
    "req.transition.open": (
        "mogelijk via {route}, maar in het portfolio ontbreken gegevens om dat te beslissen; de"
        " regeling staat open tot en met {date}",
        "possibly through {route}, but the portfolio lacks the data to decide it; the arrangement"
        " is open until {date}",
    ),
    "req.transition.unmet": (
        "geen route van de overgangsregeling voldoet; de regeling staat open tot en met {date}",
        "no route of the transition arrangement is met; the arrangement is open until {date}",
    ),
    # --- English review (15.11): meaning and consistent terms ---
    "verdict.eligible-transition": (
        "voldoet via de overgangsregeling",
        "eligible via the transition arrangement",
    ),
    "summary.eligible": (
        "U voldoet aan het profiel: opleiding en relevante werkervaring zijn aangetoond.",
        "You meet the profile: education and relevant experience are demonstrated.",
    ),
    "doc.title": (
        "Toetsing aan het Basisprofiel palliatieve zorg",
        "Check against the Basisprofiel for palliative care",
    ),
    # --- Dutch review (15.11): test and diff ---
    "test.expected_got": (
        "{what}: verwacht {expected}, uitkomst {got}",
        "{what}: expected {expected}, got {got}",
    ),
    "diff.route.provisional": (
        "route {label}: de markering 'voorlopig' is gewijzigd",
        "route {label}: the provisional marker changed",
    ),
    "diff.route.entry_changed": (
        "{label}: de opleidingen die de route bekijkt zijn gewijzigd",
        "{label}: the education the route looks at has changed",
    ),
    "diff.cond.added": ("nieuwe voorwaarde: {cond}", "condition added: {cond}"),
    "diff.cond.alt_added": ("nieuw alternatief: {cond}", "alternative added: {cond}"),
    "diff.unusable": (
        "{count} portfolio's konden met geen van beide kanten worden getoetst",
        "{count} portfolios could be checked under neither side",
    ),
}
