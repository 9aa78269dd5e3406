"""Pydantic models of the three kinds of input (portfolio, rules, profile) and of results."""
