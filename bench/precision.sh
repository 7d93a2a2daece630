#!/usr/bin/env bash
# Regenerates docs/precision.md: runs every rule over the corpus (fetched into target/corpus when absent) and joins
# the findings with the reviewed ones in docs/precision/labels. Run it after changing a rule or reviewing findings.
#
# usage: bench/precision.sh [corpus-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-$root/target/corpus}
if [ ! -d "$corpus" ] || [ -z "$(ls -A "$corpus" 2>/dev/null)" ]; then
  "$root/bench/fetch-corpus.sh" "$corpus" health baseline android
fi
"$root/mvnw" -B -q -f "$root/pom.xml" package -pl measurements -am -DskipTests
java -Xmx2g -jar "$root/measurements/target/measurements.jar" precision \
  "$corpus" "$root/docs/precision/labels" "$root/docs/precision.md"
echo "wrote docs/precision.md"
