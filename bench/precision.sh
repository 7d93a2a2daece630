#!/usr/bin/env bash
# Regenerates docs/precision.md: runs every rule over the application corpus (bench/apps.tsv) and the library corpus
# (bench/corpus.tsv), and joins the findings with the reviewed ones in docs/precision/labels. Run it after changing a
# rule or reviewing findings. It prints how many sampled application findings have no label yet and lists them in
# target/precision-unlabelled.tsv (rule, entry, file, line, message): review those and add them to the labels.
#
# usage: bench/precision.sh [<git-dir|folder-of-git-dirs>...]
#
# The applications are laid out into target/apps by bench/layout-apps.sh from the git directories given (needed the
# first time, see bench/README.md); the libraries are fetched from Maven Central into target/corpus when absent.
# APPS_DIR and CORPUS_DIR choose other places. The dependency rules are measured on the applications' Maven builds:
# run bench/dependency-claims.sh first; its claims (target/deps-corpus/dependency-claims.tsv, or DEPENDENCY_CLAIMS)
# are joined with docs/precision/dependency-labels.tsv.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
apps=${APPS_DIR:-$root/target/apps}
corpus=${CORPUS_DIR:-$root/target/corpus}
if [ $# -gt 0 ]; then
  "$root/bench/layout-apps.sh" "$apps" "$@"
fi
expected=$(tail -n +2 "$root/bench/apps.tsv" | wc -l)
present=$(find "$apps" -mindepth 2 -maxdepth 2 -name .app 2>/dev/null | wc -l)
if [ "$present" -ne "$expected" ]; then
  echo "$present of the $expected applications of bench/apps.tsv are laid out in $apps;" \
    "give the git directories that hold them: bench/precision.sh <git-dir|folder>..." >&2
  exit 2
fi
if [ ! -d "$corpus" ] || [ -z "$(ls -A "$corpus" 2>/dev/null)" ]; then
  "$root/bench/fetch-corpus.sh" "$corpus" health baseline android
fi
claims=${DEPENDENCY_CLAIMS:-$root/target/deps-corpus/dependency-claims.tsv}
if [ ! -f "$claims" ]; then
  echo "no dependency claims in $claims: run bench/dependency-claims.sh <git-dir|folder> first" \
    "(or set DEPENDENCY_CLAIMS)" >&2
  exit 2
fi
"$root/mvnw" -B -q -f "$root/pom.xml" package -pl measurements -am -DskipTests
java -Xmx3g -jar "$root/measurements/target/measurements.jar" precision \
  "$corpus" "$apps" "$root/docs/precision/labels" "$root/docs/precision.md" "$root/target/precision-unlabelled.tsv" \
  "$claims" "$root/docs/precision/dependency-labels.tsv"
echo "wrote docs/precision.md"
