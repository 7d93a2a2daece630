#!/usr/bin/env bash
# End-to-end test of the ecobugs SonarQube plugin on real SonarQube Community Build servers.
#
# For each version: takes the distribution from the local Maven repository (downloading it from Maven Central the
# first time), unpacks it under target/, installs the plugin jar, starts the server on loopback ports of its own (as an
# unprivileged user: Elasticsearch refuses root), creates a project bound to the "ecobugs way" profile with a quality
# gate on the static écoscore, scans the sample health app with the SonarScanner for Maven and checks through the web
# API the plugin, profile, rules, issues, measures and gate; then sets the bar above the sample's score and checks that
# the scan fails on the gate. The server is always stopped, whatever happens.
#
# Run by `./mvnw -B verify -Pe2e` (profile e2e of sonar-plugin), which sets the variables below.
#   ECOBUGS_E2E_VERSIONS      comma-separated server versions (default 25.12.0.117093,26.9.0.129388)
#   ECOBUGS_E2E_PLUGIN_JAR    the plugin jar to install (required)
#   ECOBUGS_E2E_WORK          working directory (default sonar-plugin/target/e2e)
#   ECOBUGS_E2E_M2_REPO       local Maven repository (default: Maven's own)
#   ECOBUGS_E2E_JAVA21_HOME   JDK 21+ for servers 26.x and their scanner (default: a Temurin 25 or other JDK 21+
#                             under /usr/lib/jvm)
#   ECOBUGS_E2E_USER          system user that runs the server when this script runs as root (default ecobugs-sq)
#   ECOBUGS_E2E_COMPARE       true: also scan the sample on the default profile (plugin installed, its rules inactive)
#                             to compare scan times
#   ECOBUGS_E2E_START_TIMEOUT seconds to wait for a server to be UP (default 420: 25.12 needed 204 s on busy cores)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HERE/../../../.." && pwd)"
SAMPLE="$REPO_ROOT/test-fixtures/sample-health-app"
SNAPSHOT="$SAMPLE/expected-findings.txt"
# What a project adopting ecobugs adds to the sample (an ecobugs.yml that excludes generated code, findings marked as
# intended): none of it may become an issue, so the issues stay those of the snapshot.
ADOPTION="$HERE/adoption"
EXCLUDED_DIR="src/main/java/org/ecobugs/sample/generated"
SUPPRESSED_FILE="src/main/java/org/ecobugs/sample/lab/AnalyserHandover.java"
# A measurement of the sample's journey, recorded once: the first scan joins the issues to it.
JOURNEY="$REPO_ROOT/test-fixtures/sample-journey/measurements/sample-before.json"
API=(python3 "$HERE/e2e.py")
SCANNER="org.sonarsource.scanner.maven:sonar-maven-plugin:5.8.0.7211:sonar"
PROJECT="ecobugs-sample"

VERSIONS="${ECOBUGS_E2E_VERSIONS:-25.12.0.117093,26.9.0.129388}"
PLUGIN_JAR="${ECOBUGS_E2E_PLUGIN_JAR:?set ECOBUGS_E2E_PLUGIN_JAR to the plugin jar}"
WORK="${ECOBUGS_E2E_WORK:-$REPO_ROOT/sonar-plugin/target/e2e}"
SCANNED="$WORK/sample-adopted"
RUN_USER="${ECOBUGS_E2E_USER:-ecobugs-sq}"
START_TIMEOUT="${ECOBUGS_E2E_START_TIMEOUT:-420}"
COMPARE="${ECOBUGS_E2E_COMPARE:-false}"
M2_ARGS=()
if [ -n "${ECOBUGS_E2E_M2_REPO:-}" ]; then M2_ARGS=("-Dmaven.repo.local=$ECOBUGS_E2E_M2_REPO"); fi
M2_REPO="${ECOBUGS_E2E_M2_REPO:-$HOME/.m2/repository}"
QUICK_JVM="-XX:TieredStopAtLevel=1"

# The log goes to the script's own output (fd 3) even from a trap that fires while a step's output is redirected.
exec 3>&1
log() { printf '[e2e %s] %s\n' "$(date +%H:%M:%S)" "$*" >&3; }
fail() { log "FAILED: $*"; exit 1; }
now() { date +%s; }

[ -f "$PLUGIN_JAR" ] || fail "no plugin jar at $PLUGIN_JAR (run the package phase first)"
command -v python3 >/dev/null || fail "python3 is needed for the web-API checks"
command -v unzip >/dev/null || fail "unzip is needed to unpack the server"

# The JDK that runs the outer build runs servers 25.x (Java 17) and their scanner.
JAVA17_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"

java21_home() {
  local candidate
  for candidate in "${ECOBUGS_E2E_JAVA21_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2[1-9]* \
      /usr/lib/jvm/java-2[1-9]-openjdk*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

no_java21() {
  echo "SonarQube $1 needs Java 21+: name a JDK 21+ with -Decobugs.e2e.java21Home=… (ECOBUGS_E2E_JAVA21_HOME)," \
    "or test 25.12 only with -Decobugs.e2e.versions=25.12.0.117093"
}

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$RUN_USER" -- "$@"; else "$@"; fi
}

# Servers started by this script, stopped on any exit.
STARTED=()
descendants() {  # the process ids below a process, deepest first
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do descendants "$child"; echo "$child"; done
}
stop_server() {
  local home="$1" t0 pid="" tree=""
  t0=$(now)
  [ -f "$home/bin/linux-x86-64/SonarQube.pid" ] && pid="$(cat "$home/bin/linux-x86-64/SonarQube.pid" 2>/dev/null || true)"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then tree="$(descendants "$pid") $pid"; fi
  # A graceful stop takes seconds, but minutes when interrupted during start-up on busy cores: bounded, then killed.
  local stop=("$home/bin/linux-x86-64/sonar.sh" stop)
  if [ "$(id -u)" -eq 0 ]; then stop=(runuser -u "$RUN_USER" -- "${stop[@]}"); fi
  timeout -k 10 90 "${stop[@]}" >/dev/null 2>&1 || true
  # The server may have launched processes since the tree was read: read it again before killing what is left.
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then tree="$(descendants "$pid") $tree"; fi
  local p alive=""
  for p in $tree; do kill -0 "$p" 2>/dev/null && alive="$alive $p"; done
  if [ -n "$alive" ]; then
    log "server processes$alive still running after a graceful stop: killing them"
    for p in $alive; do kill -KILL "$p" 2>/dev/null || true; done
    for _ in $(seq 1 10); do
      local running=""
      for p in $alive; do kill -0 "$p" 2>/dev/null && running=1; done
      [ -z "$running" ] && break
      sleep 1
    done
  fi
  if [ "$(id -u)" -eq 0 ]; then chown -R "$(id -u):$(id -g)" "$home" 2>/dev/null || true; fi
  log "server in $home stopped in $(( $(now) - t0 )) s"
}
# Long steps run in the background and are waited for, so that a signal stops the test at once (bash runs a trap
# only when its foreground command ends); the step still running is ended by the cleanup.
CHILD=""
interruptible() {
  "$@" &
  CHILD=$!
  local status=0
  wait "$CHILD" || status=$?
  CHILD=""
  return "$status"
}
cleanup() {
  local status=$?
  local home
  if [ -n "$CHILD" ]; then kill "$CHILD" 2>/dev/null || true; fi
  for home in "${STARTED[@]}"; do stop_server "$home"; done
  STARTED=()
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_user() {
  [ "$(id -u)" -eq 0 ] || return 0
  if ! id "$RUN_USER" >/dev/null 2>&1; then
    useradd --system --create-home --shell /bin/bash "$RUN_USER"
    log "created system user $RUN_USER to run the server (Elasticsearch refuses to run as root)"
  fi
}

# The scanned copy sits under target/, which the repository ignores: the scanner would leave out every file git ignores.
scan() {  # scan <url> <token> <project> <java home> <log file> [-Dproperty=value…]: runs the scanner, returns its status
  local url="$1" token="$2" project="$3" java_home="$4" logfile="$5"
  shift 5
  JAVA_HOME="$java_home" MAVEN_OPTS="$QUICK_JVM ${MAVEN_OPTS:-}" \
    interruptible "$REPO_ROOT/mvnw" -B "${M2_ARGS[@]}" -f "$SCANNED/pom.xml" "$SCANNER" "$@" \
    -Dsonar.host.url="$url" -Dsonar.token="$token" -Dsonar.projectKey="$project" -Dsonar.scanner.javaOpts="$QUICK_JVM" \
    -Dsonar.scanner.skipJreProvisioning=true -Dsonar.qualitygate.wait=true -Dsonar.qualitygate.timeout=300 \
    -Dsonar.scm.exclusions.disabled=true \
    >"$logfile" 2>&1
}

sensor_time() { sed -n 's/.*Sensor ecobugs energy bugs \[ecobugs\] (done) | time=\([0-9]*ms\).*/\1/p' "$1" | head -1; }

SUMMARY=()

run_version() {
  local version="$1" major server_java scanner_java home dir zip t0 up web_port h2_port url token score
  major="${version%%.*}"
  if [ "$major" -ge 26 ]; then
    server_java="$(java21_home)" || fail "$(no_java21 "$version")"
  else
    server_java="$JAVA17_HOME"
  fi
  scanner_java="$server_java"
  dir="$WORK/$version"
  home="$dir/sonarqube-$version"
  zip="$M2_REPO/org/sonarsource/sonarqube/sonar-application/$version/sonar-application-$version.zip"

  t0=$(now)
  if [ ! -f "$zip" ]; then
    log "downloading SonarQube $version from Maven Central into the local repository"
    interruptible "$REPO_ROOT/mvnw" -B -q -N "${M2_ARGS[@]}" -f "$REPO_ROOT/pom.xml" dependency:get \
      -Dartifact="org.sonarsource.sonarqube:sonar-application:$version:zip" -Dtransitive=false
  fi
  # A server left running by an interrupted run of this directory is stopped before its files are replaced.
  if [ -f "$home/bin/linux-x86-64/SonarQube.pid" ] && kill -0 "$(cat "$home/bin/linux-x86-64/SonarQube.pid")" 2>/dev/null; then
    log "stopping the server an earlier run left in $home"
    stop_server "$home"
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  # The bundled JREs serve scanners' JRE provisioning, which this test turns off: 300 MB less to unpack.
  unzip -q "$zip" -x '*/jres/*' -d "$dir"
  chmod +x "$home/bin/linux-x86-64/sonar.sh"   # the zip on Maven Central carries no exec bits
  find "$home/elasticsearch/bin" -type f ! -name '*.bat' -exec chmod +x {} +
  read -r web_port h2_port < <("${API[@]}" free-ports 2)
  url="http://127.0.0.1:$web_port"
  cat >>"$home/conf/sonar.properties" <<EOF

# ecobugs end-to-end test: loopback only, ports of its own, no calls out
sonar.web.host=127.0.0.1
sonar.web.port=$web_port
sonar.search.host=127.0.0.1
sonar.search.port=0
sonar.embeddedDatabase.port=$h2_port
sonar.telemetry.enable=false
sonar.updatecenter.activate=false
# C1-only JIT: these short-lived JVMs start about twice as fast on two busy cores (cold starts of 25.12 measured at
# 59 and 105 s with it, 175 and 195 s without)
sonar.web.javaAdditionalOpts=$QUICK_JVM
sonar.ce.javaAdditionalOpts=$QUICK_JVM
sonar.search.javaAdditionalOpts=$QUICK_JVM
EOF
  cp "$PLUGIN_JAR" "$home/extensions/plugins/"
  ensure_user
  if [ "$(id -u)" -eq 0 ]; then
    chown -R "$RUN_USER:" "$dir"
    as_server_user test -w "$home/logs" || fail "user $RUN_USER cannot reach $home (a parent directory is not traversable)"
  fi
  log "SonarQube $version unpacked in $(( $(now) - t0 )) s; starting on $url with $server_java"

  STARTED+=("$home")
  as_server_user env SONAR_JAVA_PATH="$server_java/bin/java" "$home/bin/linux-x86-64/sonar.sh" start >/dev/null
  if ! interruptible "${API[@]}" wait-up "$url" "$home/bin/linux-x86-64/SonarQube.pid" "$START_TIMEOUT" >"$dir/up"; then
    for f in sonar es web ce; do
      [ -f "$home/logs/$f.log" ] && { echo "--- $f.log"; tail -n 30 "$home/logs/$f.log"; }
    done
    fail "SonarQube $version did not start"
  fi
  up="$(cat "$dir/up")"
  log "SonarQube $version UP in $up s"

  "${API[@]}" setup "$url" "$PROJECT" "$dir/token" || fail "plugin, profile or rules not as expected on $version"
  token="$(cat "$dir/token")"

  local t_scan1 t_scan2 t_scan3="" s1 s2 s3=""
  t0=$(now)
  scan "$url" "$token" "$PROJECT" "$scanner_java" "$dir/scan-pass.log" -Dsonar.ecobugs.benchmark="$JOURNEY" \
    || { tail -n 40 "$dir/scan-pass.log"; fail "the scan of the sample failed on $version (log: $dir/scan-pass.log)"; }
  t_scan1=$(( $(now) - t0 )); s1="$(sensor_time "$dir/scan-pass.log")"
  grep -q "Quality profile for java: ecobugs way" "$dir/scan-pass.log" || fail "the scan did not use the ecobugs way profile"
  [ -n "$s1" ] || fail "the ecobugs sensor did not run (log: $dir/scan-pass.log)"
  log "scan with the plugin: ${t_scan1} s (ecobugs sensor $s1); $(grep -o 'ecobugs: [0-9]* energy bugs saved.*' "$dir/scan-pass.log")"
  grep -q "ecobugs: configuration file .*ecobugs.yml, 1 path exclusions" "$dir/scan-pass.log" \
    || fail "the sensor did not read the sample's ecobugs.yml (log: $dir/scan-pass.log)"
  "${API[@]}" verify "$url" "$PROJECT" "$SCANNED" "$SNAPSHOT" "$dir/score" "$JOURNEY" "$EXCLUDED_DIR" "$SUPPRESSED_FILE" \
    || fail "results differ on $version"
  score="$(cat "$dir/score")"

  "${API[@]}" raise-bar "$url" "$score"
  t0=$(now)
  if scan "$url" "$token" "$PROJECT" "$scanner_java" "$dir/scan-fail.log"; then
    fail "the scan passed although the gate requires more than the sample's score (log: $dir/scan-fail.log)"
  fi
  t_scan2=$(( $(now) - t0 )); s2="$(sensor_time "$dir/scan-fail.log")"
  grep -q "QUALITY GATE STATUS: FAILED" "$dir/scan-fail.log" \
    || { tail -n 40 "$dir/scan-fail.log"; fail "the scan failed, but not on the quality gate"; }
  log "scan with the bar above the score: failed on the quality gate, as it must (${t_scan2} s)"
  "${API[@]}" verify-failed "$url" "$PROJECT" "$score" || fail "gate status not as expected on $version"

  if [ "$COMPARE" = "true" ]; then
    t0=$(now)
    scan "$url" "$token" "$PROJECT-default-profile" "$scanner_java" "$dir/scan-default-profile.log" \
      || { tail -n 40 "$dir/scan-default-profile.log"; fail "the scan on the default profile failed"; }
    t_scan3=$(( $(now) - t0 ))
    "${API[@]}" verify-without-ecobugs "$url" "$PROJECT-default-profile"
    s3="$(sensor_time "$dir/scan-default-profile.log")"
    log "scan on the default profile (ecobugs rules inactive): ${t_scan3} s (ecobugs sensor: ${s3:-did not run})"
  fi

  stop_server "$home"
  STARTED=()
  if [ "$(id -u)" -eq 0 ]; then chown -R "$(id -u):$(id -g)" "$dir"; fi
  # Keep the logs, drop the 650 MB server.
  mv "$home/logs" "$dir/server-logs" && rm -rf "$home"
  SUMMARY+=("$version: UP in ${up} s; scan with ecobugs way ${t_scan1} s (sensor $s1), failing-gate scan ${t_scan2} s (sensor $s2)${t_scan3:+; scan on the default profile ${t_scan3} s}; static écoscore $score")
}

T_ALL=$(now)
mkdir -p "$WORK"
log "compiling the sample health app, with what a project adopting ecobugs adds"
rm -rf "$SCANNED" && mkdir -p "$SCANNED"
cp -r "$SAMPLE/pom.xml" "$SAMPLE/src" "$SCANNED/"
cp -r "$ADOPTION/." "$SCANNED/"
# The copy lives elsewhere: its parent POM is the repository's, wherever that is from here.
sed -i "s#<relativePath>../../pom.xml</relativePath>#<relativePath>$(realpath --relative-to="$SCANNED" "$REPO_ROOT/pom.xml")</relativePath>#" \
  "$SCANNED/pom.xml"
JAVA_HOME="$JAVA17_HOME" interruptible "$REPO_ROOT/mvnw" -B -q "${M2_ARGS[@]}" -f "$SCANNED/pom.xml" compile
IFS=',' read -r -a VERSION_LIST <<<"$VERSIONS"
for version in "${VERSION_LIST[@]}"; do   # before any server starts: a missing JDK fails at once
  version="$(echo "$version" | tr -d '[:space:]')"
  if [ "${version%%.*}" -ge 26 ] && ! java21_home >/dev/null; then fail "$(no_java21 "$version")"; fi
done
for version in "${VERSION_LIST[@]}"; do
  run_version "$(echo "$version" | tr -d '[:space:]')"
done
log "PASSED in $(( $(now) - T_ALL )) s"
for line in "${SUMMARY[@]}"; do log "  $line"; done
