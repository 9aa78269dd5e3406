"""Rule data + portfolio -> results with coded explanations.

Conditions, requirements, month counting, the verdict, and the batch runner.
"""
