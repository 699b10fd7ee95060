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

# Debian's Chromium for the browser tests, installed when it is missing and apt is available.
chromium:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	else echo "Hinweis: Chromium fehlt und apt-get ist nicht verfügbar; die Browsertests werden übersprungen."; fi

# axe-core for the accessibility tests, from the npm registry into the project (no CDN); skipped when present.
AXE_VERSION := 4.14.1
AXE_DIR     := $(VENV)/npm/node_modules/axe-core
axe:
	@if grep -qs '"version": "$(AXE_VERSION)"' $(AXE_DIR)/package.json && [ -f $(AXE_DIR)/axe.min.js ]; then :; \
	else \
		if ! command -v npm >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then \
			SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
			$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq npm >/dev/null; \
		fi; \
		if command -v npm >/dev/null 2>&1; then \
			npm install --no-save --no-audit --no-fund --silent --prefix $(VENV)/npm axe-core@$(AXE_VERSION); \
		else echo "Hinweis: npm fehlt; die Barrierefreiheitstests (axe-core) werden übersprungen."; fi; \
	fi

# oidc-provider (npm, a certified OpenID provider) for tests/e2e/test_oidc_browser.py. Own prefix: an
# `npm install --no-save` into .venv/npm (axe) would remove it, and the other way round.
OIDC_VERSION := 9.13.3
OIDC_DIR     := $(VENV)/oidc/node_modules/oidc-provider
oidc:
	@if grep -qs '"version": "$(OIDC_VERSION)"' $(OIDC_DIR)/package.json; then :; \
	else \
		if ! command -v npm >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then \
			SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
			$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq npm >/dev/null; \
		fi; \
		if command -v npm >/dev/null 2>&1; then \
			npm install --no-save --no-audit --no-fund --silent --prefix $(VENV)/oidc oidc-provider@$(OIDC_VERSION); \
		else echo "Hinweis: npm fehlt; der OIDC-Test (oidc-provider) wird übersprungen."; fi; \
	fi

# Java 17 and Maven for the local Neo4j (Debian's packages), installed when missing and apt is available.
java:
	@if command -v java >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq openjdk-17-jdk-headless maven >/dev/null; \
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
