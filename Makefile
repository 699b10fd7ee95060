# Kita-Netzwerk: `make run` starts the app, `make test` runs every test. Both install what they need.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501

.PHONY: install run test chromium axe bench clean

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

run: install
	$(VENV)/bin/kita-netz seed --if-empty
	$(VENV)/bin/streamlit run streamlit_app.py --server.address 127.0.0.1 --server.port $(PORT)

test: $(VENV)/.installed-test chromium axe
	$(PY) -m pytest

bench: $(VENV)/.installed-test
	$(PY) benchmarks/import_bench.py
	$(PY) benchmarks/analytics_bench.py

clean:
	rm -rf $(VENV) data test-artifacts
