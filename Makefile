# The two commands of the README, the fast loop and the build. Each sets up .venv from the lock
# file first. `make help` lists the targets.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# Material prints an end-of-life notice on every run; it says nothing about our site.
export NO_MKDOCS_2_WARNING := 1
# Python keeps the bytecode of what it compiles (in __pycache__/, which git ignores), even where
# the shell says not to: the tests start about a hundred builds, each of which would compile
# ctsite/ again (0.16 s of processor time each), and every test worker would rewrite the tests'
# assertions again.
unexport PYTHONDONTWRITEBYTECODE
# The tests' temporary folders (the fixture sites, the copies of the project, a new virtual
# environment) go in memory where the machine has a RAM disk: on these machines the disk takes
# about half a millisecond to create a file, and a build writes 1,100 of them (1.2 s of a build's
# 5 s of processor time). Measured: the tests of the translation status and of a missing
# translation (twelve builds) took 42 s of processor time with their folders on disk, 23 s in
# /dev/shm. A green run leaves only the builds' compiled templates there (a few MB, one entry per
# template's source: ctsite/build.py), its folders removed (pytest.ini's
# tmp_path_retention_policy). Only where
# the RAM disk has 2 GB free: a run holds about 1 GB at once (a container's is often 64 MB).
SHM_FREE_KB := $(shell df -Pk /dev/shm 2>/dev/null | awk 'NR == 2 { print $$4 }')
TEST_TMPDIR := $(or $(if $(shell [ "$(SHM_FREE_KB)" -gt 2000000 ] 2>/dev/null && echo y),/dev/shm),$(TMPDIR),/tmp)

.DEFAULT_GOAL := help
.PHONY: help serve build messages check test audit csp new-practice new-statement translations \
	material-diff \
	share-image second-engine compare-builds summary preview lock clean

# The venv is rebuilt whenever a lock file or the package's declaration changes. It gets the
# lock file of the tests and tools, requirements-dev.txt: the site's (requirements.txt, all the
# hosts' recipe installs) and theirs, at the same versions. The site's lock file installs its
# logic (ctsite/) too, in editable mode (its line `-e .`), so edits to it need no reinstall.
$(VENV)/.installed: requirements-dev.txt requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# Node tools for the checks (html-validate, the Nu HTML Checker, Lighthouse, HTML_CodeSniffer),
# pinned by package-lock.json. Lighthouse drives Debian's Chromium: no Puppeteer may download a
# browser of its own.
node_modules/.installed: package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --silent
	touch $@

help: ## This list
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /  \1\t/' | expand -t 18

serve: $(VENV)/.installed ## Preview on http://127.0.0.1:8000 (restart after editing ctsite/)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed ## The strict build CI runs, into site/
	$(BIN)/mkdocs build --strict

messages: $(VENV)/.installed ## Editors' loop: the strict build's problems alone (site/ untouched)
	$(BIN)/python -m ctsite.tools.messages

check: $(VENV)/.installed node_modules/.installed ## Fast loop: lint, strict build, tests without a browser
	TMPDIR=$(TEST_TMPDIR) $(BIN)/python -m pytest -m "not browser and not slow"

# Three workers on two cores: the browser checks spend some of their time waiting (page loads,
# Lighthouse), so one more worker than cores keeps both busy; a fourth made every process slower
# than it saved (MAINTAINERS.md, "Tests"). Tests sharing a setup stay together (xdist_group),
# handed out longest first (tests/conftest.py, `duration_class`).
test: $(VENV)/.installed node_modules/.installed ## Every test, in three workers
	TMPDIR=$(TEST_TMPDIR) $(BIN)/python -m pytest -n 3 --dist loadgroup --no-loadscope-reorder \
		--durations=15

audit: build node_modules/.installed ## Lighthouse on key pages: reports/lighthouse/summary.md
	$(BIN)/python -m ctsite.tools.audit site

csp: build ## Recompute the inline-script hashes of deploy/security-headers.conf
	$(BIN)/python -m ctsite.tools.csp site

new-practice: $(VENV)/.installed ## Scaffold a catalogue entry in every language: ID=<id>
	$(BIN)/python -m ctsite.tools.new_practice "$(ID)"

new-statement: $(VENV)/.installed ## Add a statement to data/statements.yml to fill in: ID=<id>
	$(BIN)/python -m ctsite.tools.new_statement "$(ID)"

translations: $(VENV)/.installed ## Translation status; PAGE=<page> records one as up to date
	$(BIN)/python -m ctsite.tools.translations "$$PAGE"

material-diff: $(VENV)/.installed ## Record how our templates differ from Material's
	$(BIN)/python -m ctsite.tools.material_diff

share-image: $(VENV)/.installed ## Redraw the share images of every language (docs/assets/images/)
	$(BIN)/python -m ctsite.tools.share_image

second-engine: $(VENV)/.installed ## Build with ProperDocs too and compare byte for byte
	$(BIN)/python -m ctsite.tools.second_engine

compare-builds: $(VENV)/.installed ## Site of a commit against the working tree's, byte for byte: REF=<commit>
	$(BIN)/python -m ctsite.tools.compare_builds "$(REF)" $(if $(ALLOW_REMOVED),--allow-removed)

summary: $(VENV)/.installed ## Markdown tables of translations, catalogue, weights, Lighthouse
	$(BIN)/python -m ctsite.tools.summary

preview: $(VENV)/.installed ## Serve a pull request's preview: SITE=<artifact .zip or folder>
	$(BIN)/python -m ctsite.tools.preview "$(SITE)"

# The site's lock file first; the second keeps the versions it finds pinned in its output file
# (pip-compile prefers them), and tests/test_plain_recipe.py checks that the two agree.
LOCK := $(BIN)/pip-compile --quiet --strip-extras --no-header --allow-unsafe --no-emit-index-url \
	--no-emit-find-links
lock: $(VENV)/.installed ## Re-pin requirements.txt and requirements-dev.txt from their .in files
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	$(LOCK) -o requirements.txt requirements.in
	$(LOCK) -o requirements-dev.txt requirements-dev.in

clean: ## Remove the built site, the environments and the reports
	rm -rf site $(VENV) .venv-properdocs node_modules reports
