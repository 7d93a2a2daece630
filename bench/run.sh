#!/usr/bin/env bash
# Measures ecobugs against the parse-only floor and PMD 7's performance ruleset, side by side, and writes the table of
# docs/performance.md (between its "bench:begin" and "bench:end" markers).
#
# usage: bench/run.sh [--runs N] [--corpus DIR] [--work DIR] [--skip-build] [--no-doc] [--only SECTION...]
#   --runs N      rounds of the alternated runs (default 3); each round runs every tool once, in a rotated order
#   --corpus DIR  where the corpus is fetched (default target/corpus; entries already there are reused)
#   --work DIR    classpaths, PMD, outputs and raw timings (default target/bench)
#   --only ...    sections to run: speed (the alternated runs), memory (heap-capped runs), cache (cold and warm runs),
#                 hosts (the Maven plugin and the SonarQube sensor next to the engine); default all four
# Environment: ECOBUGS_JAR and FLOOR_JAR measure other builds of the command line and of the measurements jar (with
# --skip-build), e.g. to compare with a previous version.
#
# What it does, all pinned: fetches the sources and classes of HAPI FHIR JPA server base 8.8.0 and org.hl7.fhir.r4
# 6.7.9 (bench/fetch-corpus.sh, SHA-256 checked), resolves their dependency jars from Maven Central and checks them
# against bench/classpath/<name>.sha256, resolves PMD 7 (pmd-cli and pmd-java; Maven Central has no binary zip of
# PMD 7) and checks its jars against bench/pmd/pmd-<version>.sha256, builds the command line and the parse-only
# floor, then times every run with /usr/bin/time (wall time including JVM start, CPU time, peak RSS).
# Not part of the build: it takes about half an hour on two cores.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs=3
corpus="$root/target/corpus"
work="$root/target/bench"
build=1
doc=1
sections=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --skip-build) build=0; shift ;;
    --no-doc) doc=0; shift ;;
    --only) shift; while [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; do sections+=("$1"); shift; done ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ ${#sections[@]} -gt 0 ] || sections=(speed memory cache hosts)
wants() { local s; for s in "${sections[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

PMD_VERSION=7.26.0
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
SUBJECT=hapi-fhir-jpaserver-base
STRESS=fhir-core-r4
mkdir -p "$work"
corpus=$(mkdir -p "$corpus" && cd "$corpus" && pwd)
work=$(cd "$work" && pwd)
mvn() { "$root/mvnw" -B -q "$@"; }

# ---- inputs -------------------------------------------------------------------------------------------------------

for name in "$SUBJECT" "$STRESS"; do
  if [ ! -d "$corpus/$name/src" ] || [ ! -d "$corpus/$name/classes" ]; then
    "$here/fetch-corpus.sh" "$corpus" "$name"
  fi
done

# Writes a pom that depends on the given artifacts, copies their dependency jars (transitively, as Maven resolves
# them) into a directory, and checks the set against a pinned list of SHA-256 sums.
resolve() { # name pinned-sums out-dir exclude-artifact gav...
  local name=$1 sums=$2 out=$3 exclude=$4
  shift 4
  local dir="$work/poms/$name" deps="" gav g a v
  mkdir -p "$dir"
  for gav in "$@"; do
    IFS=: read -r g a v <<< "$gav"
    deps="$deps<dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version></dependency>"
  done
  cat > "$dir/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>bench</groupId><artifactId>$name</artifactId><version>1</version><packaging>pom</packaging>
<dependencies>$deps</dependencies></project>
EOF
  if [ ! -f "$out/.complete" ]; then
    rm -rf "$out"
    mvn -f "$dir/pom.xml" "$DEPENDENCY_PLUGIN:copy-dependencies" -DoutputDirectory="$out" \
      -DexcludeArtifactIds="$exclude" -Dmdep.overWriteReleases=true
  fi
  if [ "${PIN:-0}" = 1 ]; then
    (cd "$out" && sha256sum -- *.jar) > "$sums"
  fi
  (cd "$out" && sha256sum --quiet -c "$sums") || { echo "jars in $out differ from $sums" >&2; exit 1; }
  [ "$(cd "$out" && ls -- *.jar | sort)" = "$(awk '{print $2}' "$sums" | sort)" ] \
    || { echo "the jars in $out are not exactly those of $sums" >&2; exit 1; }
  touch "$out/.complete"
}

resolve "$SUBJECT" "$here/classpath/$SUBJECT.sha256" "$work/classpath/$SUBJECT" hapi-fhir-jpaserver-base \
  ca.uhn.hapi.fhir:hapi-fhir-jpaserver-base:8.8.0
resolve "$STRESS" "$here/classpath/$STRESS.sha256" "$work/classpath/$STRESS" org.hl7.fhir.r4 \
  ca.uhn.hapi.fhir:org.hl7.fhir.r4:6.7.9
resolve "pmd-$PMD_VERSION" "$here/pmd/pmd-$PMD_VERSION.sha256" "$work/pmd-$PMD_VERSION" none \
  "net.sourceforge.pmd:pmd-cli:$PMD_VERSION" "net.sourceforge.pmd:pmd-java:$PMD_VERSION"

classpath_of() { ls "$work/classpath/$1"/*.jar | paste -sd: -; }
CP_SUBJECT=$(classpath_of "$SUBJECT")
CP_STRESS=$(classpath_of "$STRESS")

if [ "$build" = 1 ]; then
  mvn -f "$root/pom.xml" package -pl cli,measurements -am -DskipTests
fi
ECOBUGS=${ECOBUGS_JAR:-$root/cli/target/ecobugs.jar}
FLOOR_CP=${FLOOR_JAR:-$root/measurements/target/measurements.jar}

# ---- timing -------------------------------------------------------------------------------------------------------

results="$work/results.tsv"
out="$work/out"
mkdir -p "$out"
printf 'section\tround\trun\twall_s\tuser_s\tsys_s\tmax_rss_kb\tstatus\n' > "$results"

# Runs one command and appends its measurement; the exit status is recorded, not fatal (analysers exit non-zero when
# they find something).
measure() { # section round label command...
  local section=$1 round=$2 label=$3 status=0 timing="$work/time.txt"
  shift 3
  echo "[$section $round] $label" >&2
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%e %U %S %M' -o "$timing" "$@" > "$out/last.log" 2>&1 || status=$?
    read -r wall user sys rss < <(tail -n 1 "$timing")
  else
    # Without GNU time: wall time only.
    local t0 t1
    t0=$(date +%s%N)
    "$@" > "$out/last.log" 2>&1 || status=$?
    t1=$(date +%s%N)
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
    user=NA sys=NA rss=NA
  fi
  cp "$out/last.log" "$out/$section-$round-${label// /_}.log"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$section" "$round" "$label" "$wall" "$user" "$sys" "$rss" "$status" \
    >> "$results"
}

src="$corpus/$SUBJECT/src"
classes="$corpus/$SUBJECT/classes"

# Sets CMD to an ecobugs run: java options, then --, then analyze options.
ecobugs() {
  local jvm=()
  while [ "$1" != -- ]; do jvm+=("$1"); shift; done
  shift
  CMD=(java "${jvm[@]}" -jar "$ECOBUGS" analyze "$@" --format json --output "$out/ecobugs.json" -q)
}

# Sets CMD to the run a label names.
tool() {
  case "$1" in
    "ecobugs") ecobugs -- "$src" --classes "$classes" --classpath "$CP_SUBJECT" ;;
    "ecobugs, 1 thread") ecobugs -- "$src" --classes "$classes" --classpath "$CP_SUBJECT" --threads 1 ;;
    "parse only") CMD=(java -cp "$FLOOR_CP" org.ecobugs.measurements.ParseOnlyFloor "$src") ;;
    "parse only, no validation")
      CMD=(java -cp "$FLOOR_CP" org.ecobugs.measurements.ParseOnlyFloor --no-validation "$src") ;;
    "PMD") CMD=(java -cp "$work/pmd-$PMD_VERSION/*" net.sourceforge.pmd.cli.PmdCli check --no-cache --no-progress --no-fail-on-error
        -d "$src" -R category/java/performance.xml --aux-classpath "$CP_SUBJECT" -f text -r "$out/pmd.txt") ;;
    *) echo "no such run: $1" >&2; exit 2 ;;
  esac
}

if wants speed; then
  tools=("ecobugs" "parse only" "PMD" "ecobugs, 1 thread" "parse only, no validation")
  for round in $(seq 1 "$runs"); do
    # Rotate the order so that no tool always runs first (or right after the slowest).
    n=${#tools[@]}
    for k in $(seq 0 $((n - 1))); do
      label=${tools[$(((k + round - 1) % n))]}
      tool "$label"
      measure speed "$round" "$label" "${CMD[@]}"
    done
  done
fi

if wants memory; then
  for round in $(seq 1 "$runs"); do
    ecobugs -Xmx512m -XX:+ExitOnOutOfMemoryError -- "$src" --classes "$classes" --classpath "$CP_SUBJECT"
    measure memory "$round" "ecobugs -Xmx512m, $SUBJECT" "${CMD[@]}"
    ecobugs -Xmx1g -XX:+ExitOnOutOfMemoryError -- "$corpus/$STRESS/src" --classes "$corpus/$STRESS/classes" --classpath "$CP_STRESS"
    measure memory "$round" "ecobugs -Xmx1g, $STRESS" "${CMD[@]}"
  done
fi

if wants cache; then
  cache="$work/cache"
  for round in $(seq 1 "$runs"); do
    rm -rf "$cache"
    ecobugs -- "$src" --classes "$classes" --classpath "$CP_SUBJECT" --cache "$cache"
    measure cache "$round" "ecobugs --cache, first run" "${CMD[@]}"
    measure cache "$round" "ecobugs --cache, second run" "${CMD[@]}"
  done
fi

if wants hosts; then
  # The Maven plugin, installed with its engine into a local repository of the harness's own (the shared one is left
  # alone), on a generated project whose sources and classes are the subject's and whose dependency is the subject
  # itself, so that its compile classpath is the subject's jars.
  m2="$work/m2"
  version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$root/pom.xml" | head -n 1)
  mvn -f "$root/pom.xml" -Dmaven.repo.local="$m2" install -DskipTests -Dinvoker.skip=true -pl maven-plugin -am
  project="$work/poms/maven-subject"
  mkdir -p "$project"
  cat > "$project/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>bench</groupId><artifactId>maven-subject</artifactId><version>1</version>
<properties><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
<dependencies><dependency><groupId>ca.uhn.hapi.fhir</groupId><artifactId>hapi-fhir-jpaserver-base</artifactId>
<version>8.8.0</version></dependency></dependencies>
<build><sourceDirectory>$src</sourceDirectory><outputDirectory>$classes</outputDirectory>
<directory>$work/maven-subject-target</directory></build></project>
EOF
  maven=("$root/mvnw" -B -f "$project/pom.xml" -Dmaven.repo.local="$m2" -Dorg.slf4j.simpleLogger.log.org.ecobugs=debug)
  goal="org.ecobugs:ecobugs-maven-plugin:$version:analyze"
  "${maven[@]}" -q "$DEPENDENCY_PLUGIN:build-classpath" -Dmdep.outputFile="$work/maven-subject.classpath"
  # The rules the command line runs: those active by default, without the dependency rules it cannot feed.
  code_rules=$(java -jar "$ECOBUGS" rules --format json | python3 -c '
import json, sys
print(",".join(r["key"] for r in json.load(sys.stdin) if r["energy"]["defaultActive"] and not r["key"].startswith("EB4")))')
  hosts="$work/hosts.tsv"
  printf 'round\thost\thost_ms\tengine_ms\n' > "$hosts"
  for round in $(seq 1 "$runs"); do
    measure hosts "$round" "mvn ecobugs:analyze, default rules" "${maven[@]}" "$goal" -Decobugs.cache=false
    measure hosts "$round" "mvn ecobugs:analyze, the command line's rules" "${maven[@]}" "$goal" -Decobugs.cache=false \
      -Decobugs.rules="$code_rules"
    measure hosts "$round" "mvn ecobugs:analyze, skipped" "${maven[@]}" "$goal" -Decobugs.skip
    # The same reports as the plugin writes by default.
    CMD=(java -jar "$ECOBUGS" analyze "$src" --classes "$classes" --classpath "$(cat "$work/maven-subject.classpath")"
      --rules "$code_rules" --format text,json,sarif,html --report-dir "$out/cli-reports" -q)
    measure hosts "$round" "command line, the same input and rules" "${CMD[@]}"
    for label in "mvn ecobugs:analyze, default rules" "mvn ecobugs:analyze, the command line's rules"; do
      sed -n 's/.*ecobugs: engine \([0-9]*\) ms, plugin \([0-9]*\) ms in all.*/\2 \1/p' \
        "$out/hosts-$round-${label// /_}.log" | head -n 1 | while read -r plugin engine; do
          printf '%s\t%s\t%s\t%s\n' "$round" "Maven plugin ($label)" "$plugin" "$engine" >> "$hosts"
        done
    done
  done
  # The SonarQube sensor on the same input, in a scanner's context built by the plugin API's test fixtures.
  rm -f "$work/sensor.tsv"
  mvn -f "$root/pom.xml" test -pl sonar-plugin -am -Dtest=SensorOverheadMeasurement -Dsurefire.failIfNoSpecifiedTests=false \
    -Decobugs.bench.sources="$src" -Decobugs.bench.classes="$classes" -Decobugs.bench.classpath="$CP_SUBJECT" \
    -Decobugs.bench.runs="$runs" -Decobugs.bench.output="$work/sensor.tsv"
  awk -F'\t' '{ printf "%s\tSonarQube sensor (ecobugs way profile)\t%d\t%d\n", $2, $3 * 1000, $4 * 1000 }' \
    "$work/sensor.tsv" >> "$hosts"
fi

# ---- report -------------------------------------------------------------------------------------------------------

machine="$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //'), $(nproc) cores,"
machine="$machine $(java -version 2>&1 | head -n 1)"
lines=$(find "$src" -name '*.java' -exec cat {} + | wc -l)
files=$(find "$src" -name '*.java' | wc -l)
table=$(python3 "$here/table.py" "$results" "$runs" "$machine" "$files" "$lines" "$PMD_VERSION" "$work/hosts.tsv")
echo "$table"
if [ "$doc" = 1 ]; then
  python3 - "$root/docs/performance.md" "$table" <<'EOF'
import sys
path, table = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(path, "w", encoding="utf-8").write(head + begin + "\n" + table + "\n" + end + tail)
EOF
  echo "wrote the table of docs/performance.md; raw timings in $results"
fi
