"""The theme: every workaround for Material for MkDocs, in `material.py`."""
