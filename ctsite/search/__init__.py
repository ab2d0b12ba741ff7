"""Search: one table of analysis rules, and one sharded index per language."""
