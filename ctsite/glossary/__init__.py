"""The glossary: terms and abbreviations in every language, their pages, the `<abbr>` markup and
the terminology checks."""
