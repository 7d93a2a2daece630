#!/usr/bin/env bash
# Runs two builds of the command line over the library corpus and the application corpus, every rule, and compares
# their findings one by one (rule, file, range, message; suppressed ones too). Secondary locations and timings are
# left out of the comparison, so that a change of how findings are made, not of what they are, can be shown to keep
# them. Exits 1 when any entry differs, and prints what differs.
#
#   bench/compare-findings.sh <before.jar> <after.jar> [corpus dir] [apps dir] [work dir]
#
# The corpus and apps directories are those of fetch-corpus.sh and layout-apps.sh (default target/corpus and
# target/apps); entries missing from them are skipped with a note.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
before="${1:?the command-line jar before the change}"
after="${2:?the command-line jar after the change}"
corpus="${3:-$root/target/corpus}"
apps="${4:-$root/target/apps}"
work="${5:-$root/target/compare-findings}"
rm -rf "$work" && mkdir -p "$work/before" "$work/after"

every_rule="$(java -jar "$after" rules --format json | python3 -c 'import json,sys; print(",".join(r["key"] for r in json.load(sys.stdin)))')"

analyse() {  # analyse <jar> <out.json> <base dir> <args…>
  local jar="$1" out="$2" base="$3"
  shift 3
  java -Xmx3g -jar "$jar" analyze "$@" --rules "$every_rule" --no-config --format json --output "$out" \
    --base-dir "$base" --quiet --threads 2 || [ $? -le 1 ]
}

both() {  # both <report name> <base dir> <args…>: the same analysis by each build
  local name="$1" base="$2"
  shift 2
  analyse "$before" "$work/before/$name.json" "$base" "$@"
  analyse "$after" "$work/after/$name.json" "$base" "$@"
  entries=$((entries + 1))
}

entries=0
for dir in "$corpus"/*/; do
  name="$(basename "$dir")"
  [ -d "$dir/src" ] || { echo "skipped $name: no src"; continue; }
  args=("$dir/src")
  [ -d "$dir/classes" ] && args+=(--classes "$dir/classes")
  both "corpus-$name" "$dir" "${args[@]}"
done
for dir in "$apps"/*/; do
  name="$(basename "$dir")"
  [ -f "$dir/.app" ] || { echo "skipped $name: not a laid-out application"; continue; }
  both "app-$name" "$dir" "$dir"
done
[ "$entries" -gt 0 ] || { echo "no corpus entry found in $corpus or $apps" >&2; exit 2; }

python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]

def findings(path):
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    def key(item):
        return (item["rule"], item["file"], item["line"], item["column"], item["endLine"], item["endColumn"],
                item["message"])
    return (sorted(key(f) for f in report["findings"]), sorted(key(f) for f in report["suppressed"]),
            sorted((e["input"], e["rule"], e["kind"]) for e in report["processingErrors"]))

differing = 0
total = 0
for name in sorted(os.listdir(os.path.join(work, "before"))):
    old = findings(os.path.join(work, "before", name))
    new = findings(os.path.join(work, "after", name))
    total += len(new[0])
    if old == new:
        print(f"same      {name[:-5]}: {len(new[0])} findings, {len(new[1])} suppressed, {len(new[2])} errors")
        continue
    differing += 1
    print(f"DIFFERENT {name[:-5]}")
    for label, a, b in zip(("finding", "suppressed", "error"), old, new):
        for gone in sorted(set(a) - set(b)):
            print(f"  - {label}: {gone}")
        for added in sorted(set(b) - set(a)):
            print(f"  + {label}: {added}")
print(f"{total} findings in all; {differing} entries differ")
sys.exit(1 if differing else 0)
PY
