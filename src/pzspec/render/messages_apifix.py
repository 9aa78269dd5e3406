# ruff: noqa: E501
"""Staged catalogue entries of the apifix branch (the HTTP API's errors in its own shape)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- web: the HTTP API, errors ---
    "web.too_large": (
        "het verzoek is groter dan {size}; stuur een kleiner portfolio",
        "the request is larger than {size}; send a smaller portfolio",
    ),
    "web.json_syntax": (
        "JSON-syntaxfout: dit is geen geldig JSON-document",
        "JSON syntax error: this is no valid JSON document",
    ),
    "web.json_syntax.hint": (
        "kijk op deze plek of vlak ervoor naar komma's, aanhalingstekens en haakjes",
        "look at commas, quotes and brackets at or just before this place",
    ),
    "web.checks_json": (
        "stuur de portfolio's als JSON (Content-Type: application/json)",
        "send the portfolios as JSON (Content-Type: application/json)",
    ),
    "web.checks_shape": (
        "stuur een JSON-object met alleen de sleutel 'portfolios': een lijst van ten hoogste {limit} portfolio's",
        "send a JSON object with only the key 'portfolios': a list of at most {limit} portfolios",
    ),
    "web.too_many_checks": (
        "{count} portfolio's in één verzoek; ten hoogste {limit}",
        "{count} portfolios in one request; at most {limit}",
    ),
    "web.too_many_checks.hint": (
        "verdeel de portfolio's over meer verzoeken",
        "split the portfolios over more requests",
    ),
    "web.checks_item": (
        "portfolio {number} is geen JSON-object en geen YAML-tekst",
        "portfolio {number} is neither a JSON object nor a YAML text",
    ),
    "web.bad_query": (
        "queryparameter '{name}' heeft een ongeldige waarde",
        "query parameter '{name}' has an invalid value",
    ),
    "web.bad_query.missing": (
        "queryparameter '{name}' ontbreekt",
        "query parameter '{name}' is missing",
    ),
    "web.bad_path": (
        "'{name}' in het adres is ongeldig",
        "'{name}' in the address is invalid",
    ),
    "web.bad_path.missing": (
        "'{name}' ontbreekt in het adres",
        "'{name}' is missing from the address",
    ),
    "web.bad_field": (
        "het veld '{name}' is ongeldig; ga terug en vul het opnieuw in",
        "the field '{name}' is invalid; go back and fill it in again",
    ),
    "web.bad_field.missing": (
        "het veld '{name}' ontbreekt; ga terug en vul het in (bij een upload: kies eerst een bestand)",
        "the field '{name}' is missing; go back and fill it in (for an upload: choose a file first)",
    ),
    "web.bad_request": (
        "dit verzoek kan pzspec niet lezen",
        "pzspec cannot read this request",
    ),
    "web.hint.expected": ("toegestaan: {expected}", "allowed: {expected}"),
    "web.not_found": (
        "dit adres bestaat niet (HTTP {status}); de API staat beschreven op /docs",
        "this address does not exist (HTTP {status}); the API is described at /docs",
    ),
    "web.page_not_found": (
        "deze pagina bestaat niet (HTTP {status})",
        "this page does not exist (HTTP {status})",
    ),
    "web.method_not_allowed": (
        "deze methode is hier niet toegestaan (HTTP {status}); zie /docs",
        "this method is not allowed here (HTTP {status}); see /docs",
    ),
    "web.http_error": (
        "het verzoek kon niet worden afgehandeld (HTTP {status})",
        "the request could not be handled (HTTP {status})",
    ),
    "web.error.title": ("Er ging iets mis", "Something went wrong"),
    "web.error.back": ("Terug naar het formulier", "Back to the form"),
}
