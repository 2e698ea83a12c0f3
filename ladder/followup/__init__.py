"""Closing the loop: a participants' questionnaire from a saved result's promise, the responses
scored against it, and a region's saved plans at a glance (the portfolio)."""
