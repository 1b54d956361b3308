# The two commands a newcomer runs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PO := $(wildcard resources/locale/*/LC_MESSAGES/krakow_desk.po)
MO := $(PO:.po=.mo)

.PHONY: run test install translations clean

install: $(STAMP) $(MO)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

%.mo: %.po $(STAMP)
	$(VENV)/bin/pybabel compile --use-fuzzy -i $< -o $@

run: install
	$(VENV)/bin/krakow-desk

test: install
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# Re-extract the catalogs after changing user-visible strings.
translations: $(STAMP)
	$(VENV)/bin/pybabel extract --project=krakow-desk --no-location -k N_ -k ngettext:1,2 -o resources/locale/krakow_desk.pot krakow_desk
	for lang in pl en; do $(VENV)/bin/pybabel update --no-fuzzy-matching -i resources/locale/krakow_desk.pot -d resources/locale -D krakow_desk -l $$lang; done

clean:
	rm -rf $(VENV) build dist *.egg-info
	find . -name __pycache__ -prune -exec rm -rf {} +
