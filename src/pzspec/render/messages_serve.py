# ruff: noqa: E501
"""Staged catalogue entries of the serve branch (the web form and the HTTP API)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- web: the HTTP API ---
    # web.too_large: reworded in messages_apifix.py
    "web.bad_as_of": (
        "peildatum '{value}' is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2026-01-01",
        "as_of '{value}' is not a date; write YYYY-MM-DD, for example 2026-01-01",
    ),
    "web.internal": (
        "interne fout in pzspec ({error}); meld dit aan de beheerder",
        "internal error in pzspec ({error}); please report this to the maintainers",
    ),
    "web.unknown_profile": ("onbekend profiel '{value}'", "unknown profile '{value}'"),
    "web.unknown_course": ("onbekende opleiding '{value}'", "unknown course '{value}'"),
    # --- serve: the command ---
    "serve.no_extra": (
        "pzspec serve heeft de web-extra nodig (ontbreekt: {packages}); installeer die met: pip install 'pzspec[web]'",
        "pzspec serve needs the web extra (missing: {packages}); install it with: pip install 'pzspec[web]'",
    ),
    "serve.listening": (
        "pzspec draait op {url} (open dit adres in uw browser; Ctrl-C stopt)",
        "pzspec is running at {url} (open this address in your browser; Ctrl-C stops it)",
    ),
    # --- web: the guided form ---
    "web.title": (
        "Toets uw portfolio aan het Basisprofiel palliatieve zorg",
        "Check your portfolio against the Basisprofiel palliatieve zorg",
    ),
    "web.skip": ("Naar de inhoud", "Skip to content"),
    "web.privacy": (
        "Wat u invult, blijft in dit formulier: de server bewaart niets en zet geen cookies. Uw gegevens gaan alleen mee in het bestand dat u zelf downloadt.",
        "What you fill in stays in this form: the server stores nothing and sets no cookies. Your details only go into the file you download yourself.",
    ),
    "web.other_lang": ("English", "Nederlands"),
    "web.steps": ("Stappen", "Steps"),
    "web.step_of": ("stap {n} van {total}", "step {n} of {total}"),
    "web.step.start": ("Beroep", "Profession"),
    "web.step.person": ("Uw gegevens", "About you"),
    "web.step.education": ("Opleidingen", "Education"),
    "web.step.experience": ("Werkervaring", "Work experience"),
    "web.step.activities": ("Activiteiten", "Activities"),
    "web.step.transition": ("Overgangsregeling", "Transition arrangement"),
    "web.next": ("Volgende", "Next"),
    "web.previous": ("Vorige", "Previous"),
    "web.check": ("Toets mijn portfolio", "Check my portfolio"),
    "web.yes": ("ja", "yes"),
    "web.no": ("nee", "no"),
    "web.unknown_answer": ("weet ik niet", "I don't know"),
    "web.why": ("Waarom vragen we dit?", "Why do we ask this?"),
    "web.problem": ("Probleem", "Problem"),
    "web.has_problems": (
        "Niet alles kon worden gebruikt. Bij de velden hieronder staat wat er mis is.",
        "Not everything could be used. The fields below say what is wrong.",
    ),
    "web.date_placeholder": ("JJJJ-MM-DD", "YYYY-MM-DD"),
    "web.start.intro": (
        "Beantwoord een paar vragen over uw opleiding en werk. U krijgt meteen een uitgelegd oordeel en een portfoliobestand om te bewaren. Over erkenning beslist uw beroepsvereniging.",
        "Answer a few questions about your education and work. You get an explained verdict right away and a portfolio file to keep. Your professional association decides on recognition.",
    ),
    "web.start.profession": ("Wat is uw beroep?", "What is your profession?"),
    "web.start.profession_help": (
        "Het beroep bepaalt welk profiel van het Basisprofiel voor u geldt en welke vragen we stellen.",
        "Your profession decides which profile of the Basisprofiel applies and which questions we ask.",
    ),
    "web.start.as_of": ("Peildatum", "Date of the check"),
    "web.start.as_of_help": (
        "De dag waarop we toetsen; meestal vandaag.",
        "The day we check for; usually today.",
    ),
    "web.upload.title": (
        "Hebt u al een portfoliobestand?",
        "Do you already have a portfolio file?",
    ),
    "web.upload.help": (
        "Kies het bestand (portfolio/1, YAML) dat u eerder downloadde of maakte; we toetsen het zoals pzspec check dat doet.",
        "Choose the file (portfolio/1, YAML) you downloaded or made before; we check it as pzspec check does.",
    ),
    "web.upload.file": ("Portfoliobestand", "Portfolio file"),
    "web.upload.file_help": (
        "Een .yaml-bestand van hoogstens 2 MB.",
        "A .yaml file of at most 2 MB.",
    ),
    "web.upload.submit": ("Toets dit bestand", "Check this file"),
    "web.person.intro": (
        "Uw naam en BIG-nummer komen alleen in uw eigen bestand en rapport; ze zijn niet nodig voor het oordeel.",
        "Your name and BIG number only go into your own file and report; the verdict does not need them.",
    ),
    "web.person.name": ("Naam (niet verplicht)", "Name (optional)"),
    "web.person.name_help": (
        "Zoals u die op het rapport wilt zien.",
        "As you want it on the report.",
    ),
    "web.person.big": (
        "Bent u geregistreerd in het BIG-register?",
        "Are you registered in the BIG register?",
    ),
    "web.person.big_help": (
        "Een geldige BIG-registratie is een voorwaarde.",
        "A valid BIG registration is required.",
    ),
    "web.person.big_number": ("BIG-nummer (niet verplicht)", "BIG number (optional)"),
    "web.person.big_number_help": (
        "11 cijfers; alleen voor op uw rapport.",
        "11 digits; only for your report.",
    ),
    "web.person.vakbekwaamheid": (
        "Hebt u een erkenning van uw beroepskwalificaties en een verklaring vakbekwaamheid?",
        "Do you have a recognition of your qualifications and a declaration of competence?",
    ),
    "web.person.vakbekwaamheid_help": (
        "Een verzorgende IG staat niet in het BIG-register; deze erkenning en verklaring komen in de plaats daarvan.",
        "A verzorgende IG is not in the BIG register; this recognition and declaration take its place.",
    ),
    "web.person.graduated": (
        "Wanneer hebt u uw beroepsopleiding afgerond?",
        "When did you complete your professional education?",
    ),
    "web.person.graduated_help": (
        "De datum van uw diploma, bijvoorbeeld 2009-06-30. Telt mee voor de overgangsregeling.",
        "The date of your diploma, for example 2009-06-30. It counts for the transition arrangement.",
    ),
    "web.edu.intro": (
        "Noem de opleidingen palliatieve zorg die u hebt gevolgd of volgt. Kies ze uit de lijst; per opleiding vragen we alleen wat voor uw beroep het oordeel kan veranderen.",
        "List the palliative care programmes you completed or are following. Choose them from the list; for each we only ask what can change the verdict for your profession.",
    ),
    "web.edu.entry": ("Opleiding", "Programme"),
    "web.edu.course": ("Welke opleiding?", "Which programme?"),
    "web.edu.course_help": (
        "Staat uw opleiding er niet bij, kies dan 'Een andere opleiding'.",
        "If yours is not listed, choose 'Another programme'.",
    ),
    "web.edu.choose": ("kies een opleiding", "choose a programme"),
    "web.edu.counts": ("Kan tellen voor uw beroep", "May count for your profession"),
    "web.edu.others": ("Overige opleidingen", "Other programmes"),
    "web.edu.other": (
        "Een andere opleiding (niet in de lijst)",
        "Another programme (not in the list)",
    ),
    "web.edu.name": ("Naam van de opleiding", "Name of the programme"),
    "web.edu.name_help": ("Zoals op uw certificaat.", "As on your certificate."),
    "web.edu.kind": ("Soort opleiding", "Kind of programme"),
    "web.edu.kind_help": (
        "Wat voor opleiding het is; dat bepaalt hoe zij telt.",
        "What kind of programme it is; that decides how it counts.",
    ),
    "web.edu.completed": ("Afgerond op", "Completed on"),
    "web.edu.completed_help": (
        "Datum van het certificaat. Nog bezig? Vul de verwachte einddatum in.",
        "Date of the certificate. Still following it? Fill in the expected end date.",
    ),
    "web.edu.level": ("Soort leergang", "Kind of programme"),
    "web.edu.level_help": (
        "post-hbo (NLQF 6) of post-mbo (EPA-onderwijs); het staat op uw certificaat.",
        "post-hbo (NLQF 6) or post-mbo (EPA-based); it is on your certificate.",
    ),
    "web.edu.days": ("Aantal lesdagen", "Number of teaching days"),
    "web.edu.days_help": (
        "Leeg laten als het aantal van de opleiding in de catalogus klopt.",
        "Leave empty if the number in the catalogue is right.",
    ),
    "web.edu.nlqf": ("NLQF-niveau", "NLQF level"),
    "web.edu.nlqf_help": (
        "Het niveau op het certificaat; leeg laten als het niveau uit de catalogus klopt.",
        "The level on the certificate; leave empty if the catalogue's level is right.",
    ),
    "web.edu.epas": ("Welke EPA's zaten in de opleiding?", "Which EPAs did the programme include?"),
    "web.edu.epas_help": (
        "Vink aan wat in het curriculum zat.",
        "Tick what the curriculum included.",
    ),
    "web.edu.placement": (
        "Deel van uw uren in palliatieve zorg tijdens de opleiding (%)",
        "Share of your hours in palliative care during the programme (%)",
    ),
    "web.edu.placement_help": (
        "Een percentage, bijvoorbeeld 60. Leeg laten: we rekenen het uit met uw werkervaring.",
        "A percentage, for example 60. Leave empty: we work it out from your work experience.",
    ),
    "web.edu.assessment": (
        "Bent u na een assessment toegelaten?",
        "Were you admitted after an assessment?",
    ),
    "web.edu.assessment_help": (
        "Een mbo-verpleegkundige in de post-hbo-leergang wordt toegelaten na een assessment.",
        "An mbo nurse in the post-hbo programme is admitted after an assessment.",
    ),
    "web.edu.field": (
        "In welk werkveld hebt u de master gedaan?",
        "In which field did you do the master's?",
    ),
    "web.edu.field_help": (
        "Het werkveld van uw opleidingsplaats.",
        "The field of your training placement.",
    ),
    "web.edu.field_other": ("een ander werkveld", "another field"),
    "web.edu.institution": ("Instelling", "Institution"),
    "web.edu.institution_help": (
        "Waar u de opleiding volgde.",
        "Where you followed the programme.",
    ),
    "web.edu.refresh": ("Vragen bij deze opleiding tonen", "Show the questions for this programme"),
    "web.edu.remove": ("Deze opleiding weghalen", "Remove this programme"),
    "web.edu.add": ("Nog een opleiding toevoegen", "Add another programme"),
    "web.exp.intro": (
        "Noem uw dienstverbanden van de laatste jaren, ook als die nog lopen.",
        "List your jobs of the last years, including current ones.",
    ),
    "web.exp.shares": (
        "Per dienstverband vragen we twee aandelen. Het eerste: hoeveel van uw patiënten hebben een palliatieve zorgbehoefte? Het tweede: hoeveel van uw aanstelling besteedt u aan palliatieve zorg? Een maand telt als relevante werkervaring als beide hoog genoeg zijn.",
        "For each job we ask two shares. First: how many of your patients have a palliative care need? Second: how much of your appointment do you spend on palliative care? A month counts as relevant experience when both are high enough.",
    ),
    "web.exp.entry": ("Dienstverband", "Job"),
    "web.exp.employer": ("Werkgever", "Employer"),
    "web.exp.employer_help": ("Bijvoorbeeld Hospice De Linde.", "For example Hospice De Linde."),
    "web.exp.from": ("Vanaf", "From"),
    "web.exp.from_help": ("Eerste werkdag.", "First day."),
    "web.exp.to": ("Tot en met", "Until"),
    "web.exp.to_help": ("Leeg als u er nog werkt.", "Empty if you still work there."),
    "web.exp.fte": ("Omvang (FTE)", "Size (FTE)"),
    "web.exp.fte_help": (
        "Bijvoorbeeld 0,8 voor 32 uur per week.",
        "For example 0.8 for 32 hours a week.",
    ),
    "web.exp.patients": (
        "Patiënten met een palliatieve zorgbehoefte (%)",
        "Patients with a palliative care need (%)",
    ),
    "web.exp.patients_help": (
        "Ongeveer welk deel van uw patiënten, als percentage; bijvoorbeeld 90.",
        "Roughly what share of your patients, as a percentage; for example 90.",
    ),
    "web.exp.ftepal": (
        "Deel van uw aanstelling in palliatieve zorg (%)",
        "Share of your appointment in palliative care (%)",
    ),
    "web.exp.ftepal_help": (
        "Ongeveer welk deel van uw uren, als percentage; bijvoorbeeld 70.",
        "Roughly what share of your hours, as a percentage; for example 70.",
    ),
    "web.exp.remove": ("Dit dienstverband weghalen", "Remove this job"),
    "web.exp.add": ("Nog een dienstverband toevoegen", "Add another job"),
    "web.act.intro": (
        "Praktijkactiviteiten en nascholing, zoals intervisie of een congres. Ze veranderen het oordeel niet, maar komen in uw rapport.",
        "Practice activities and CPD, such as peer supervision or a conference. They do not change the verdict, but they go into your report.",
    ),
    "web.act.entry": ("Activiteit", "Activity"),
    "web.act.kind": ("Soort activiteit", "Kind of activity"),
    "web.act.kind_help": ("Kies wat het best past.", "Choose what fits best."),
    "web.act.choose": ("kies een soort", "choose a kind"),
    "web.act.date": ("Datum", "Date"),
    "web.act.date_help": ("Wanneer het was.", "When it was."),
    "web.act.hours": ("Uren (niet verplicht)", "Hours (optional)"),
    "web.act.hours_help": ("Bijvoorbeeld 2.", "For example 2."),
    "web.act.accredited": ("Geaccrediteerd?", "Accredited?"),
    "web.act.accredited_help": (
        "Had de activiteit accreditatiepunten?",
        "Did the activity carry accreditation points?",
    ),
    "web.act.description": ("Omschrijving (niet verplicht)", "Description (optional)"),
    "web.act.description_help": ("Een paar woorden.", "A few words."),
    "web.act.remove": ("Deze activiteit weghalen", "Remove this activity"),
    "web.act.add": ("Een activiteit toevoegen", "Add an activity"),
    "web.trans.intro": (
        "Wie al lang in de palliatieve zorg werkt, kan tot en met {until} onder de overgangsregeling vallen. Daarvoor kunt u ook een portfoliobeoordeling aanvragen.",
        "If you have long worked in palliative care, the transition arrangement may apply until {until}. You can also ask for a portfolio assessment.",
    ),
    "web.trans.review": (
        "Wilt u een portfoliobeoordeling aanvragen?",
        "Do you want to ask for a portfolio assessment?",
    ),
    "web.trans.review_help": (
        "Dan beoordeelt de vereniging uw portfolio; het oordeel wordt 'beoordeling nodig'.",
        "The association then assesses your portfolio; the verdict becomes 'needs review'.",
    ),
    "web.result.title": ("Uw uitslag", "Your result"),
    "web.result.intro": (
        "Bewaar uw portfolio als bestand: dat kunt u later opnieuw laten toetsen (op de eerste pagina) of naar uw vereniging sturen.",
        "Keep your portfolio as a file: you can have it checked again later (on the first page) or send it to your association.",
    ),
    "web.result.download_yaml": ("Download portfolio (YAML)", "Download portfolio (YAML)"),
    "web.result.download_report": ("Download rapport (HTML)", "Download report (HTML)"),
    "web.result.print": ("Afdrukken", "Print"),
    "web.result.change": ("Antwoorden aanpassen", "Change my answers"),
    "web.form.required": ("dit veld is verplicht", "this field is required"),
    "web.form.date": (
        "'{value}' is geen datum; schrijf JJJJ-MM-DD (bijvoorbeeld 2021-06-30) of DD-MM-JJJJ",
        "'{value}' is not a date; write YYYY-MM-DD (for example 2021-06-30) or DD-MM-YYYY",
    ),
    "web.form.number": (
        "'{value}' is geen getal van {low} tot en met {high}",
        "'{value}' is not a number from {low} to {high}",
    ),
    "web.form.whole": (
        "'{value}' is geen geheel getal van {low} tot en met {high}",
        "'{value}' is not a whole number from {low} to {high}",
    ),
    "web.form.choose_profession": ("kies eerst uw beroep", "choose your profession first"),
    # --- help: pzspec serve ---
    "help.cmd.serve": (
        "Start het webformulier en de HTTP-API (vereist: pip install 'pzspec[web]').",
        "Start the web form and the HTTP API (needs: pip install 'pzspec[web]').",
    ),
    "help.serve.host": (
        "Adres om op te luisteren (standaard alleen lokaal: 127.0.0.1).",
        "Address to listen on (default local only: 127.0.0.1).",
    ),
    "help.serve.port": ("Poort (standaard 8000).", "Port (default 8000)."),
}
