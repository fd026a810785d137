#!/usr/bin/env bash
# What a newcomer does first, on a fresh clone (issue 15's acceptance). One line per check,
# "ok" or "FAIL: why"; the exit status is the number of failed checks (0 when all pass).
#
#   benchmarks/newcomer_check.sh [REPO]     # REPO: what to clone (default: this checkout's
#                                           # repository, its committed HEAD)
#
# Needs network access to the package registry (the fresh virtual environments install from
# it) and takes a while: `make test` runs the whole suite. KEEP=1 keeps the work folder (its
# logs/ has each check's output); SKIP_MAKE=1 leaves out `make demo` and `make test`.
set -u

REPO=${1:-$(git -C "$(dirname "$0")" rev-parse --show-toplevel)}
PYTHON=${PYTHON:-python3}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/lawgov-newcomer.XXXXXX")
LOGS="$WORK/logs"
mkdir -p "$LOGS"
FAILED=0
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT

ok() { printf 'ok    %s\n' "$1"; }
fail() { printf 'FAIL  %s: %s\n' "$1" "$2"; FAILED=$((FAILED + 1)); }
# check NAME COMMAND...: run the command (output in $LOGS/NAME.log), report by its exit status
check() {
    local name=$1; shift
    if "$@" >"$LOGS/$name.log" 2>&1; then ok "$name"; return 0; fi
    fail "$name" "$(tail -n 3 "$LOGS/$name.log" | tr '\n' ' ' | cut -c1-300)"
    return 1
}

CLONE="$WORK/clone"
if ! git clone -q "$REPO" "$CLONE" >"$LOGS/clone.log" 2>&1; then
    fail clone "$(tail -n 2 "$LOGS/clone.log" | tr '\n' ' ')"
    exit "$FAILED"
fi
ok "clone of $REPO ($(git -C "$CLONE" rev-parse --short HEAD))"
cd "$CLONE" || exit 1
SEED="$CLONE/corpus/raw/002_463a946c1bd692f9.txt"

# 1-2. the two commands of the README (SKIP_MAKE=1 skips them, for a quick look at the rest)
if [ "${SKIP_MAKE:-0}" = 1 ]; then
    echo "skip  make demo, make test (SKIP_MAKE=1)"
elif check "make demo" make demo PYTHON="$PYTHON"; then
    grep -q "lawgov-ie: 5 documents" "$LOGS/make demo.log" \
        && ok "make demo: the five seed files are five documents" \
        || fail "make demo: five documents" "$(grep 'lawgov-ie:' "$LOGS/make demo.log" | tail -n 1)"
fi
[ "${SKIP_MAKE:-0}" = 1 ] || check "make test" make test PYTHON="$PYTHON"

# 3. the wheel in a fresh environment, without dev extras; the model fetched there
VENV="$WORK/venv"
export LAWGOV_IE_CACHE="$WORK/cache"  # an empty cache: the fetch really runs
check "build the wheel" "$PYTHON" -m pip wheel . --no-deps -q -w "$WORK/dist"
cd "$WORK" || exit 1  # from here on, only the installed wheel is importable (not the clone)
check "fresh venv, pip install the wheel (no extras)" \
    bash -c "'$PYTHON' -m venv '$VENV' && '$VENV/bin/pip' install -q '$WORK'/dist/lawgov_ie-*.whl"
check "python -m lawgov_ie.text.pkuseg_model (fetch in the fresh venv)" \
    "$VENV/bin/python" -m lawgov_ie.text.pkuseg_model
check "lawgov-ie --version" "$VENV/bin/lawgov-ie" --version
if check "lawgov-ie extract a seed file (fresh venv, pkuseg)" \
        bash -c "'$VENV/bin/lawgov-ie' extract '$SEED' -o '$WORK/seed.jsonl'"; then
    records=$("$VENV/bin/python" -c "
import sys, lawgov_ie
(line,) = open(sys.argv[1], encoding='utf-8').read().splitlines()
print(len(lawgov_ie.Report.model_validate_json(line).records))" "$WORK/seed.jsonl")
    [ "${records:-0}" -gt 0 ] && ok "the seed file has $records records" \
        || fail "seed records" "none in $WORK/seed.jsonl"
fi

# 4. a saved pipeline with user patterns, moved, loaded in a fresh process by spaCy alone
mkdir -p "$WORK/my-patterns"
printf '%s\n' '{"kind": "unit", "id": "樽", "unit": "樽", "note": "statues; not a bundled unit"}' \
    >"$WORK/my-patterns/units.jsonl"
TEXT="全年安置石像120樽，调处矛盾纠纷444起，其中书面调解139起，调解成功率100%。"
check "nlp.to_disk with user patterns" "$VENV/bin/python" - "$WORK" "$TEXT" <<'EOF'
import sys
import lawgov_ie
work, text = sys.argv[1], sys.argv[2]
nlp = lawgov_ie.load(patterns=[f"{work}/my-patterns"])
report = nlp(text)._.report
assert "120樽" in [r.text for r in report.records], report.records
open(f"{work}/expected.json", "w", encoding="utf-8").write(report.model_dump_json())
nlp.to_disk(f"{work}/saved")
EOF
mv "$WORK/saved" "$WORK/moved" 2>/dev/null && mv "$WORK/my-patterns" "$WORK/my-patterns-gone"
check "spacy.load of the moved pipeline, fresh process, lawgov_ie not imported first: same records" \
    "$VENV/bin/python" - "$WORK" "$TEXT" <<'EOF'
import sys
import spacy
work, text = sys.argv[1], sys.argv[2]
assert "lawgov_ie" not in sys.modules
nlp = spacy.load(f"{work}/moved")  # spaCy finds our components through their entry points
assert nlp.meta["name"] == "lawgov_ie", nlp.meta
got = nlp(text)._.report.model_dump_json()
expected = open(f"{work}/expected.json", encoding="utf-8").read()
assert got == expected, (got, expected)
assert [s.text for s in nlp(text).sents], "no sentences"
EOF

# 5. a folder of five single-report files (each a report's body: no title, no signature) is
#    five documents, not one joined report
check "five single-report files are five documents" "$VENV/bin/python" - "$WORK" "$CLONE" <<'EOF'
import pathlib, subprocess, sys
work = pathlib.Path(sys.argv[1])
folder = work / "five"
folder.mkdir()
for number, seed in enumerate(sorted(pathlib.Path(sys.argv[2], "corpus/raw").glob("*.txt"))):
    text = seed.read_text(encoding="utf-8")
    body = text[text.index("一、"):]
    (folder / f"{number}.txt").write_text(body[: len(body) * 2 // 3], encoding="utf-8")
out = subprocess.run([f"{work}/venv/bin/lawgov-ie", "extract", str(folder), "--segmenter",
                      "char"], capture_output=True, text=True, check=True).stdout
lines = out.splitlines()
assert len(lines) == 5, f"{len(lines)} documents"
EOF

# 6. a user's type checker sees our types
check "pip install mypy and pandas (the user's tools)" "$VENV/bin/pip" install -q mypy pandas
printf '%s\n' 'import lawgov_ie' 'reveal_type(lawgov_ie.extract(""))' >"$WORK/user_script.py"
if "$VENV/bin/python" -m mypy "$WORK/user_script.py" >"$LOGS/mypy.log" 2>&1 \
        && grep -q 'Revealed type is "lawgov_ie.models.Report"' "$LOGS/mypy.log"; then
    ok "mypy on a two-line user script sees Report"
else
    fail "mypy sees Report" "$(tr '\n' ' ' <"$LOGS/mypy.log" | cut -c1-300)"
fi

# 7. pandas resolves every part_of id of the CSV
check "CSV of the seed corpus" "$VENV/bin/lawgov-ie" extract "$CLONE/corpus/raw" --format csv \
    -o "$WORK/records.csv" --segmenter char
check "pandas resolves every part_of id of the CSV" "$VENV/bin/python" - "$WORK" <<'EOF'
import sys
import pandas as pd
frame = pd.read_csv(f"{sys.argv[1]}/records.csv", encoding="utf-8-sig", dtype=str)
assert "id" in frame.columns, f"the CSV has no id column: {list(frame.columns)}"
ids = set(zip(frame["doc_id"], frame["id"]))
parts = frame.dropna(subset=["part_of"])
assert len(parts) > 0, "no part_of link in the CSV"
missing = [(d, p) for d, p in zip(parts["doc_id"], parts["part_of"]) if (d, p) not in ids]
assert not missing, f"part_of ids with no row: {missing[:5]}"
print(f"{len(parts)} part_of links, all resolved")
EOF

echo "$FAILED failed"
exit "$FAILED"
