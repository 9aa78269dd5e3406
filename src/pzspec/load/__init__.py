"""Reading inputs: the hardened YAML reader, portfolios, rule sources, overlays, the library
of versions, and the checks on rule data that ``validate`` reports."""
