# Quick start: `make demo` and `make test` on a fresh machine with only Python.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
AFP    := fixtures/afp-soleimani-uncredited-copy.txt
GR     := fixtures/globalresearch-reprint-of-commondreams.txt

.PHONY: demo test bench bench-small bench-large eval eval-wire clean cases

# The venv is rebuilt when pyproject.toml changes; pip reaches PyPI for the pinned ranges.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/syndtrace compare $(AFP) $(GR)

test: $(STAMP)
	$(BIN)/python -m pytest

# Regenerate tests/cases/*/expected.json; review the result with `git diff tests/cases`.
cases: $(STAMP)
	$(BIN)/python -m pytest tests/test_cases.py --regen-cases

# Speed, memory and recall against a plain datasketch pipeline (see README "Performance"),
# then the floor: the least any pure-Python scan of the 100k corpus must spend (bench/floor.py),
# then the dense case: 87 wire stories each carried by 200-2,000 outlets, about 108k pages (bench/dense.py),
# then recall against OCR noise and an OCR'd archive (README "Languages and archives").
# The tuned baseline runs at 10k only: at 100k its footer-matched candidates grow to
# millions and its alignment alone would take the better part of an hour.
bench: $(STAMP)
	$(BIN)/python bench/run.py --sizes 10000 --output bench/out/results-10k.json
	$(BIN)/python bench/run.py --sizes 100000 --variants usual --output bench/out/results-100k.json
	$(BIN)/python bench/floor.py bench/out/corpus-100000-s1/corpus.jsonl > bench/out/floor-100k.json
	$(BIN)/python bench/dense.py --sparse bench/out/results-100k.json --output bench/out/results-dense.json
	$(BIN)/python bench/ocr_curve.py --output bench/out/ocr-curve.json
	$(BIN)/python bench/archive.py --output bench/out/archive.json

bench-small: $(STAMP)
	$(BIN)/python bench/run.py --sizes 2000

# The curve's last point: a million articles (about 5 GB of corpus, 10 minutes to generate; the
# scan took 25 minutes and 7.6 GB on two cores at commit 1fd8f66), then the plot of 10k, 100k and 1M
# (docs/curve.png, from the results `make bench` wrote). Not part of `make bench`.
# The CLI runs once and streams its edges as JSONL: the full JSON (several GB) cannot be read back.
bench-large: $(STAMP)
	$(BIN)/python bench/run.py --sizes 1000000 --skip-baseline --skip-inprocess --cli-format jsonl --output bench/out/results-1m.json
	$(BIN)/python bench/plot.py bench/out/results-10k.json bench/out/results-100k.json bench/out/results-1m.json --output docs/curve.png

# Accuracy: newsreuse-dev, churnalism-dev and the wire generator (fails when a score drops below its target).
eval: $(STAMP)
	$(BIN)/python bench/eval.py

# The four wire scores of issue 12 on a generated wire corpus (bench/wire.py, bench/README.md):
# generated once per generator version into bench/out/wire-N-sS/, scanned, scored; fails below a target.
# Reuters-21578 is read from ../shared/data/reuters21578 unless REUTERS=DIR says otherwise.
WIRE_STORIES ?= 300
WIRE_SEED    ?= 1
WIRE_DIR     := bench/out/wire-$(WIRE_STORIES)-s$(WIRE_SEED)
WIRE_CODE    := $(addprefix bench/,wire.py wire_build.py wire_versions.py wire_copies.py wire_pages.py wire_text.py \
                  wire_sources.py wire_writer.py synth.py outlets.py reuters_pool.py)

$(WIRE_DIR)/truth.json: $(WIRE_CODE) | $(STAMP)
	$(BIN)/python bench/wire.py --stories $(WIRE_STORIES) --seed $(WIRE_SEED) --out $(WIRE_DIR) $(if $(REUTERS),--reuters $(REUTERS))

eval-wire: $(STAMP) $(WIRE_DIR)/truth.json
	$(BIN)/syndtrace scan $(WIRE_DIR)/corpus.jsonl --format json -q -o $(WIRE_DIR)/syndtrace.json
	$(BIN)/python bench/wire_score.py $(WIRE_DIR)/truth.json $(WIRE_DIR)/syndtrace.json --check

clean:
	rm -rf $(VENV) bench/out eval/out .pytest_cache
