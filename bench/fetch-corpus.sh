#!/usr/bin/env bash
# Fetches the measurement corpus: pinned binary and sources jars of real health projects and two baselines, from
# Maven Central through the project's Maven wrapper, checked against the SHA-256 sums in bench/corpus.tsv, and
# unpacked as <target>/<name>/src (sources) and <target>/<name>/classes (classes).
#
# usage: bench/fetch-corpus.sh <target-dir> [name|set ...]     (default: the health and baseline sets)
#        sets: health, baseline, android (Android libraries, .aar or .jar), stress; or all
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
[ $# -ge 1 ] || { sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
target=$(mkdir -p "$1" && cd "$1" && pwd)
shift
selection=("$@")
[ ${#selection[@]} -gt 0 ] || selection=(health baseline)

wanted() { # name set
  local s
  for s in "${selection[@]}"; do
    [ "$s" = all ] || [ "$s" = "$1" ] || [ "$s" = "$2" ] && return 0
  done
  return 1
}

check() { # file expected-sha256
  local actual
  actual=$(sha256sum "$1" | cut -d' ' -f1)
  [ "$actual" = "$2" ] || { echo "checksum mismatch for $1: $actual, expected $2" >&2; exit 1; }
}

tail -n +2 "$here/corpus.tsv" | while IFS=$'\t' read -r name set gav jar_sum src_sum description; do
  wanted "$name" "$set" || continue
  echo ">> $name ($gav) - $description"
  dir="$target/$name"
  rm -rf "$dir"
  mkdir -p "$dir/jars" "$dir/src" "$dir/classes"
  IFS=: read -r group artifact version packaging <<< "$gav"
  packaging=${packaging:-jar}
  "$root/mvnw" -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="$group:$artifact:$version:$packaging" -DoutputDirectory="$dir/jars" -Dmdep.overWriteReleases=true
  "$root/mvnw" -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="$group:$artifact:$version:jar:sources" -DoutputDirectory="$dir/jars" -Dmdep.overWriteReleases=true
  check "$dir/jars/$artifact-$version.$packaging" "$jar_sum"
  check "$dir/jars/$artifact-$version-sources.jar" "$src_sum"
  if [ "$packaging" = aar ]; then
    # An Android archive carries its classes in classes.jar.
    (cd "$dir/jars" && unzip -q -o "$artifact-$version.aar" classes.jar && mv classes.jar "$artifact-$version-classes.jar")
    (cd "$dir/classes" && unzip -q -o "../jars/$artifact-$version-classes.jar")
  else
    (cd "$dir/classes" && unzip -q -o "../jars/$artifact-$version.$packaging")
  fi
  (cd "$dir/src" && unzip -q -o "../jars/$artifact-$version-sources.jar")
  echo "   $(find "$dir/src" -name '*.java' | wc -l) source files, $(find "$dir/classes" -name '*.class' | wc -l) class files"
done
