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
}
