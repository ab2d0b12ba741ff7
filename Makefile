# The two commands of the README, and the build. Each sets up .venv from the lock file first.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# Material prints an end-of-life notice on every run; it says nothing about our site.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test audit csp new-practice translations lock clean

# The venv is rebuilt whenever the lock file changes.
$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Node tools for the checks (html-validate, Lighthouse), pinned by package-lock.json.
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

serve: $(VENV)/.installed ## Preview the site on http://127.0.0.1:8000 (restart after editing hooks/)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed ## The strict build CI runs, into site/
	$(BIN)/mkdocs build --strict

test: $(VENV)/.installed node_modules/.installed ## Every test
	$(BIN)/python -m pytest

audit: build node_modules/.installed ## Lighthouse on key pages: reports/lighthouse/summary.md
	$(BIN)/python scripts/audit.py site

csp: build ## Recompute the inline-script hashes of deploy/security-headers.conf
	$(BIN)/python scripts/csp.py site

new-practice: $(VENV)/.installed ## Scaffold a catalogue entry in both languages: make new-practice ID=<id>
	$(BIN)/python scripts/new_practice.py "$(ID)"

translations: $(VENV)/.installed ## Translation status; PAGE=<page> records one as up to date
	$(BIN)/python scripts/translations.py $(PAGE)

lock: $(VENV)/.installed ## Re-pin requirements.txt from requirements.in
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --strip-extras --no-header --allow-unsafe --no-emit-index-url \
		--no-emit-find-links -o requirements.txt requirements.in

clean:
	rm -rf site $(VENV) node_modules reports
