"""Renderers: results -> text. ``batch`` streams many results in any format; ``text``,
``json_out`` and ``documents`` render them. The CLI owns streams, files and exit codes."""
