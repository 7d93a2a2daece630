#!/usr/bin/env bash
# The demo on the bundled sample health app: measures its user journey (ecobugs benchmark) against the app and
# against its fixed twin, analyses both with the measurement, and prints the findings ranked by what they cost and
# ecobugs' estimate on the same axes as the ANS écoscore, before and after the fixes. Reports (text, JSON, SARIF,
# HTML) and measurements go to target/ecobugs-demo/before/ and target/ecobugs-demo/after/.
#
# usage: bench/demo.sh [runs]    (runs of the journey per side, default 3; builds ecobugs first if needed)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
cli="$root/cli/target/ecobugs.jar"
journeys="$root/test-fixtures/sample-journey/target"
if [ ! -f "$cli" ] || [ ! -f "$journeys/journey-before.jar" ] || [ ! -f "$journeys/journey-after.jar" ]; then
  "$root/mvnw" -B -q -f "$root/pom.xml" package -DskipTests
fi
out="$root/target/ecobugs-demo"
mkdir -p "$out/before" "$out/after"
cd "$root"

# analyze exits with 1 when it reports energy bugs: that is the point of the demo, not a failure.
analyze() {
  java -jar "$cli" analyze "$@" || [ $? -eq 1 ]
}

echo "== Measuring the sample journey against the app, then against its fixed twin ($runs runs each)"
before=$(java -jar "$cli" benchmark --quiet --runs "$runs" \
  --classpath "$journeys/journey-before.jar" --main org.ecobugs.sample.journey.SampleJourney \
  --output "$out/before/benchmark.json")
after=$(java -jar "$cli" benchmark --quiet --runs "$runs" \
  --classpath "$journeys/journey-after.jar" --main org.ecobugs.sample.journey.SampleJourney \
  --output "$out/after/benchmark.json" --baseline "$out/before/benchmark.json")

echo
echo "== Before the fixes: test-fixtures/sample-health-app"
analyze test-fixtures/sample-health-app/src/main/java \
  --classes test-fixtures/sample-health-app/target/classes \
  --benchmark "$out/before/benchmark.json" \
  --format text,json,sarif,html --report-dir "$out/before"

echo
echo "== After the fixes: test-fixtures/sample-health-app-fixed"
analyze test-fixtures/sample-health-app-fixed/src/main/java \
  --classes test-fixtures/sample-health-app-fixed/target/classes \
  --benchmark "$out/after/benchmark.json" --benchmark-baseline "$out/before/benchmark.json" \
  --format text,json,sarif,html --report-dir "$out/after"

echo
echo "== ecobugs' estimate on the same axes as the ANS écoscore (not the ANS écoscore itself)"
echo "before the fixes: ${before#*: }"
echo "after the fixes:  ${after#*: }"
echo "Reports: $out/before/ecobugs.html and $out/after/ecobugs.html"
