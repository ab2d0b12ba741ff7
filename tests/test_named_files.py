"""Comments and guides name files that exist: a path written in mkdocs.yml's comments, the data
files' headers, README, MAINTAINERS or CONTRIBUTING is a file or folder of the repository."""

from __future__ import annotations

import re

import pytest
from sitecheck import ROOT

# A repository path as the texts write it: under one of the repository's top-level folders,
# ending in a file name with an extension (or a folder's slash).
_PATH = re.compile(
    r"(?<![\w/.-])((?:ctsite|hooks|overrides|data|docs/assets|deploy|tests|source)/"
    r"[\w./-]*\w(?:\.\w+|/))"
)
TEXTS = [
    "mkdocs.yml",
    "README.md",
    "MAINTAINERS.md",
    "CONTRIBUTING.md",
    *(p.relative_to(ROOT).as_posix() for p in sorted((ROOT / "data").glob("*.yml"))),
]


@pytest.mark.parametrize("name", TEXTS)
def test_every_repository_path_a_text_names_exists(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    missing = sorted(
        {
            path
            for path in _PATH.findall(text)
            if "<" not in path and "*" not in path and not (ROOT / path).exists()
        }
    )
    assert missing == [], f"{name} names files that do not exist: {missing}"
