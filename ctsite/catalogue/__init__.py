"""The catalogue of practices and offers: front matter, schema, vocabularies, model, exports."""
