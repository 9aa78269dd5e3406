"""What a rule change does: the two sides, the comparison, the replay over portfolios."""
