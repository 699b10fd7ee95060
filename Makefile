# Kita-Netzwerk: `make run` starts the app, `make test` runs every test. Both install what they need.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501

.PHONY: install run run-neo4j test lint chromium axe oidc neo4j java bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

# Debian packages, installed with apt-get (through sudo unless root) when a tool is missing.
APT_INSTALL = SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq

# An npm package into its own prefix, skipped when that version is there: $(call npm_paket,prefix,name,version,
# what is skipped without npm). npm comes from Debian when missing. Each package has its own prefix: an
# `npm install --no-save` into one prefix removes what else was installed there.
define npm_paket
	@if grep -qs '"version": "$(3)"' $(1)/node_modules/$(2)/package.json; then :; \
	else \
		if ! command -v npm >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then \
			$(APT_INSTALL) npm >/dev/null; \
		fi; \
		if command -v npm >/dev/null 2>&1; then \
			npm install --no-save --no-audit --no-fund --silent --prefix $(1) $(2)@$(3); \
		else echo "Hinweis: npm fehlt; $(4) übersprungen."; fi; \
	fi
endef

# Debian's Chromium for the browser tests, installed when it is missing and apt is available.
chromium:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif command -v apt-get >/dev/null 2>&1; then $(APT_INSTALL) chromium >/dev/null; \
	else echo "Hinweis: Chromium fehlt und apt-get ist nicht verfügbar; die Browsertests werden übersprungen."; fi

# axe-core for the accessibility tests, from the npm registry into the project (no CDN).
AXE_VERSION := 4.14.1
axe:
	$(call npm_paket,$(VENV)/npm,axe-core,$(AXE_VERSION),die Barrierefreiheitstests (axe-core) werden)

# oidc-provider (npm, a certified OpenID provider) for tests/e2e/test_oidc_browser.py.
OIDC_VERSION := 9.13.3
oidc:
	$(call npm_paket,$(VENV)/oidc,oidc-provider,$(OIDC_VERSION),der OIDC-Test (oidc-provider) wird)

# Java 17 and Maven for the local Neo4j (Debian's packages), installed when missing and apt is available.
java:
	@if command -v java >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1; then $(APT_INSTALL) openjdk-17-jdk-headless maven >/dev/null; \
	else echo "Hinweis: Java/Maven fehlen und apt-get ist nicht verfügbar; die Neo4j-Tests werden übersprungen."; fi

# A real Neo4j (Community, Neo4j's own test harness from Maven Central) for the tests and `make run-neo4j`.
# The first build fills the local Maven cache; later builds run offline (-o).
NEO4J_DIR   := tools/neo4j
NEO4J_STAMP := $(NEO4J_DIR)/target/.gebaut
$(NEO4J_STAMP): $(NEO4J_DIR)/pom.xml $(wildcard $(NEO4J_DIR)/src/main/java/de/kitanetz/neo4j/*.java)
	@if command -v mvn >/dev/null 2>&1; then \
		cd $(NEO4J_DIR) && { mvn -o -q -B package -DskipTests 2>/dev/null || mvn -q -B package -DskipTests; } && touch target/.gebaut; \
	else echo "Hinweis: Maven fehlt; der lokale Neo4j wird nicht gebaut."; fi
neo4j: java $(NEO4J_STAMP)

run: install
	$(VENV)/bin/kita-netz seed --if-empty
	$(VENV)/bin/streamlit run streamlit_app.py --server.address 127.0.0.1 --server.port $(PORT)

# The app on a local Neo4j with a kept data folder (data-neo4j/), for trying the production backend.
run-neo4j: install neo4j
	$(PY) $(NEO4J_DIR)/lokal.py --data data-neo4j -- sh -c '$(VENV)/bin/kita-netz seed --if-empty && \
		$(VENV)/bin/streamlit run streamlit_app.py --server.address 127.0.0.1 --server.port $(PORT)'

# The build's own checks come first: ruff (rules in pyproject.toml) and the layers of the house (import-linter,
# contracts in pyproject.toml, explained in docs/architektur.md). A finding or a layer violation fails the run.
lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check network tests benchmarks seed tools streamlit_app.py
	$(VENV)/bin/lint-imports

test: $(VENV)/.installed-test chromium axe oidc neo4j lint
	$(PY) -m pytest

bench: $(VENV)/.installed-test chromium
	$(PY) benchmarks/import_bench.py
	$(PY) benchmarks/analytics_bench.py --json test-artifacts/bench/analytik.json
	$(PY) benchmarks/browser_bench.py --json test-artifacts/bench/browser.json
	$(PY) benchmarks/ziele.py --analytik test-artifacts/bench/analytik.json --browser test-artifacts/bench/browser.json

clean:
	rm -rf $(VENV) data data-neo4j test-artifacts $(NEO4J_DIR)/target
