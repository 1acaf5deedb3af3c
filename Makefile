# The commands of this repository (see README.md). Python, Odoo and
# PostgreSQL are found by tools/common.sh; nothing here needs flags
# (ODOO_SERIES=18.0 picks a series, PARTY_TEST_PATHS a subset of the tests).
.PHONY: test test-series demo i18n bench screenshots clean

test:
	@bash tools/test.sh

test-series:
	@bash tools/test.sh --each-series

demo:
	@bash tools/demo.sh

i18n:
	@bash tools/i18n.sh

bench:
	@bash tools/bench.sh

screenshots:
	@bash tools/screenshots.sh

clean:
	rm -rf .venv .pytest_cache .ruff_cache .hypothesis build *.egg-info bench-results.json
