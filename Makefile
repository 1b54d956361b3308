# The two commands a newcomer runs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
PO := $(wildcard resources/locale/*/LC_MESSAGES/krakow_desk.po)
MO := $(PO:.po=.mo)

.PHONY: run test install translations clean bench bundle tarball

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

# Issue 10's benchmarks on ~100,000 demo records (not part of `make test`; about 10 minutes):
# results in tests/benchmarks/results.json and results.md.
BENCH_STAMP := $(VENV)/.bench-installed
$(BENCH_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[bench]'
	touch $(BENCH_STAMP)

bench: install $(BENCH_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tests/benchmarks/bench_all.py

# Re-extract the catalogs after changing user-visible strings.
translations: $(STAMP)
	$(VENV)/bin/pybabel extract --project=krakow-desk --no-location -k N_ -k ngettext:1,2 -o resources/locale/krakow_desk.pot krakow_desk
	for lang in pl en; do $(VENV)/bin/pybabel update --no-fuzzy-matching -i resources/locale/krakow_desk.pot -d resources/locale -D krakow_desk -l $$lang; done

clean:
	rm -rf $(VENV) build dist *.egg-info
	find . -name __pycache__ -prune -exec rm -rf {} +

# The desktop bundle (packaging/README.md): dist/krakow-desk/ runs without Python installed;
# the tarball adds the desktop entry, the icons and install.sh.
VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' krakow_desk/__init__.py)
TARNAME = krakow-desk-$(VERSION)-linux-$(shell uname -m)
BUNDLE_STAMP := $(VENV)/.bundle-installed

$(BUNDLE_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[bundle]'
	touch $(BUNDLE_STAMP)

bundle: $(BUNDLE_STAMP)
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller packaging/krakow-desk.spec
	@du -sh dist/krakow-desk

tarball: bundle
	rm -rf build/tarball && mkdir -p build/tarball/$(TARNAME)/icons
	cp -a dist/krakow-desk build/tarball/$(TARNAME)/krakow-desk
	cp packaging/linux/pl.krakow.KrakowDesk.desktop packaging/linux/pl.krakow.KrakowDesk.metainfo.xml \
	  packaging/linux/install.sh packaging/linux/README.txt build/tarball/$(TARNAME)/
	cp packaging/icons/krakow-desk.svg packaging/icons/krakow-desk-*.png build/tarball/$(TARNAME)/icons/
	tar -C build/tarball -czf dist/$(TARNAME).tar.gz $(TARNAME)
	@ls -sh dist/$(TARNAME).tar.gz
