"""The site's MkDocs hook: registers the events of `ctsite.build.SiteBuild`, nothing else.

The logic lives in the `ctsite` package, installed into the project's environment by
`pip install -r requirements.txt` (its line `-e .`); MAINTAINERS.md says why each event exists
and which of the stack's silent failures it works around. MkDocs takes every top-level name
starting with `on_` for an event, and reads each one's priority from the method
(`event_priority` in `ctsite/build.py`).
"""

from mkdocs.exceptions import PluginError

try:
    from ctsite.build import SiteBuild
except ModuleNotFoundError as missing:
    if missing.name != "ctsite":
        raise
    # Said in one line instead of a traceback: the environment was made some other way.
    raise PluginError(
        "hooks/site.py: the site's build logic (the ctsite package) is not installed in this "
        "Python environment; expected it from `pip install -r requirements.txt` (its line "
        "`-e .`, run in this folder with Python 3.11) or `make serve`, found no module named "
        "'ctsite'"
    ) from None

# The one object holding the site's state; the benchmarks read its `run.timing`.
site = SiteBuild()

on_config = site.on_config
on_pre_build = site.on_pre_build
on_files = site.on_files
on_env = site.on_env
on_page_read_source = site.on_page_read_source
on_page_markdown = site.on_page_markdown
on_page_content = site.on_page_content
on_page_context = site.on_page_context
on_template_context = site.on_template_context
on_post_page = site.on_post_page
on_post_template = site.on_post_template
on_post_build = site.on_post_build
