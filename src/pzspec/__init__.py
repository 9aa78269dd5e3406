"""pzspec: the O2PZ Basisprofiel (2025) as rule data, and explained verdicts on portfolios."""

__version__ = "0.1.0"
