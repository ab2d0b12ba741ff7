"""Languages: every page in every language, the switcher, interface text, direction, 404 pages."""
