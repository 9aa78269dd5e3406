MESSAGES: dict[str, tuple[str, str]] = {
    # --- help: pzspec validate ---
    "help.cmd.validate": (
        "Controleer regeldata: schema, unieke ids, verwijzingen, geldigheid, bronnen; of "
        "lees een portfolio zoals check het leest, zonder oordeel.\n\n"
        "Zonder PAD de meegeleverde data; met PAD die bestanden bovenop de meegeleverde data "
        "(tenzij --no-default-rules). Een portfolio (pzspec: portfolio/1) wordt getoetst aan "
        "de regeldata die vandaag geldt. Exitstatus 2 bij een fout, anders 0.",
        "Check rule data: schema, unique ids, references, validity, sources; or read a "
        "portfolio as check reads it, without a verdict.\n\n"
        "Without PATH the shipped data; with PATH those files on top of the shipped data "
        "(unless --no-default-rules). A portfolio (pzspec: portfolio/1) is read against the "
        "rule data in force today. Exit status 2 on an error, else 0.",
    ),
    "help.validate.paths": (
        "Regel-, overlay-, profiel- of portfoliobestanden, of mappen met regeldata "
        "(standaard: meegeleverde data).",
        "Rule, overlay, profile or portfolio files, or folders of rule data (default: the "
        "shipped data).",
    ),
    # --- help: pzspec check ---
    "help.cmd.check": (
        "Toets portfolio's aan het Basisprofiel en leg het oordeel uit.\n\n"
        "Mappen worden recursief doorzocht. Exitstatus: 0 alle voldoen, 1 minstens één "
        "voldoet niet, 3 beoordeling nodig, 2 een bestand of optie is onbruikbaar, 74 de "
        "uitvoer kan niet geschreven worden, 70 een interne fout in pzspec.",
        "Test portfolios against the Basisprofiel and explain the verdict.\n\n"
        "Folders are searched recursively. Exit status: 0 all meet it, 1 at least one does "
        "not, 3 review needed, 2 a file or option cannot be used, 74 the output cannot be "
        "written, 70 an internal error in pzspec.",
    ),
    # --- web: upload ---
    "web.upload.none": (
        "kies eerst een portfoliobestand (een .yaml-bestand)",
        "choose a portfolio file first (a .yaml file)",
    ),
}
