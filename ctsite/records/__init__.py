"""The record: the UN documents register, `[[SYMBOL]]` references and the timeline."""
