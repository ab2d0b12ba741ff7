"""Dates: when each page was last updated, written in its language."""
