"""Editors' content: what a page's front matter and text may not carry."""
