# ruff: noqa: E501
"""Staged catalogue entries of the web2 branch (upload with Peildatum, editing an upload)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- web: an uploaded portfolio ---
    "web.upload.help": (
        "Kies het bestand (portfolio/1, YAML) dat u eerder downloadde of maakte. We toetsen het op de peildatum hierboven, zoals pzspec check dat doet, of u opent het in het formulier om het aan te passen.",
        "Choose the file (portfolio/1, YAML) you downloaded or made before. We check it on the reference date above, as pzspec check does, or you open it in the form to change it.",
    ),
    "web.upload.edit": ("Open dit bestand in het formulier", "Open this file in the form"),
    "web.upload.opened": (
        "Uw bestand {file} staat in het formulier. Loop de stappen door, pas aan wat nodig is en laat het opnieuw toetsen.",
        "Your file {file} is in the form. Go through the steps, change what is needed and have it checked again.",
    ),
    "web.upload.not_kept": (
        "Het formulier vraagt niet naar alles uit uw bestand. Past u de antwoorden aan, dan staat dit niet in het nieuwe bestand: {fields}.",
        "The form does not ask for everything in your file. If you change the answers, the new file will not contain: {fields}.",
    ),
    # --- web: /docs, the HTTP API described by the app itself ---
    "web.apidocs.title": ("HTTP-API van pzspec", "pzspec HTTP API"),
    "web.apidocs.intro": (
        "Deze pagina beschrijft de HTTP-API van pzspec {version}, gemaakt uit de OpenAPI-beschrijving van de app. Een toetsing geeft precies de JSON van pzspec check -f json.",
        "This page describes the HTTP API of pzspec {version}, made from the app's OpenAPI description. A check returns exactly the JSON of pzspec check -f json.",
    ),
    "web.apidocs.openapi": (
        "de volledige OpenAPI-beschrijving (JSON); open die in een OpenAPI-viewer of codegenerator naar keuze",
        "the complete OpenAPI description (JSON); open it in an OpenAPI viewer or code generator of your choice",
    ),
    "web.apidocs.paths": ("Adressen van de API", "Paths of the API"),
    "web.apidocs.parameters": ("Parameters", "Parameters"),
    "web.apidocs.required": ("verplicht", "required"),
    "web.apidocs.body": ("Inhoud van het verzoek", "Request body"),
    "web.apidocs.answers": ("Antwoorden", "Responses"),
}
