"""Renderers: results -> text. Each returns a string; the CLI owns streams and exit codes."""
