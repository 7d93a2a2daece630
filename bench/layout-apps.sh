#!/usr/bin/env bash
# Lays out the application corpus of bench/apps.tsv: for each application, the Java sources of its module roots and
# the Spring Boot configuration beside them (src/main/resources/application*.properties|yml|yaml), taken from the
# pinned commit, into <target>/<name>/ with the repository's own paths. Nothing is built and nothing is downloaded:
# the commits come from git directories given as arguments (clones, bare or not, of the applications' repositories),
# or from folders that hold such git directories one or two levels down.
#
# usage: bench/layout-apps.sh <target-dir> <git-dir|folder-of-git-dirs>... [--only name,...]
#
# An application whose commit is in none of the git directories is reported and left out; the script then exits 1.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 2 ] || usage
target=$(mkdir -p "$1" && cd "$1" && pwd)
shift
only=""
sources=()
while [ $# -gt 0 ]; do
  case "$1" in
    --only) [ $# -ge 2 ] || usage; only=",$2,"; shift 2 ;;
    *) sources+=("$1"); shift ;;
  esac
done
[ ${#sources[@]} -gt 0 ] || usage

# shellcheck source=bench/git-dirs.sh
. "$(dirname "$0")/git-dirs.sh"
find_git_dirs "${sources[@]}"

missing=0
while IFS=$'\t' read -r name repository commit roots description; do
  [ -z "$only" ] || [[ "$only" == *",$name,"* ]] || continue
  repo_dir=$(git_dir_of "$commit")
  if [ -z "$repo_dir" ]; then
    echo "!! $name: commit $commit of $repository is in none of the git directories given" >&2
    missing=$((missing + 1))
    continue
  fi
  echo ">> $name ($repository @ ${commit:0:12}) - $description"
  dir="$target/$name"
  rm -rf "$dir"
  mkdir -p "$dir"
  IFS=, read -r -a root_list <<< "$roots"
  paths=()
  for root in "${root_list[@]}"; do
    git -C "$repo_dir" cat-file -e "$commit:$root" 2>/dev/null \
      || { echo "!! $name: $root is not in $commit" >&2; exit 1; }
    paths+=("$root")
    # The Spring Boot configuration that a Maven module keeps beside its sources.
    if [[ "$root" == */java || "$root" == java ]]; then
      resources="${root%java}resources"
      while IFS= read -r config; do
        paths+=("$config")
      done < <(git -C "$repo_dir" ls-tree --name-only "$commit" -- "$resources/" 2>/dev/null \
        | grep -E '/application[^/]*\.(properties|ya?ml)$' || true)
    fi
  done
  git -C "$repo_dir" archive --format=tar "$commit" -- "${paths[@]}" | tar -x -C "$dir"
  # Only sources and configuration: resources, images and build files of the roots are not analysed.
  find "$dir" -type f ! -name '*.java' ! -name 'application*.properties' ! -name 'application*.yml' \
    ! -name 'application*.yaml' -delete
  find "$dir" -type d -empty -delete
  printf '%s\t%s\t%s\n' "$repository" "$commit" "$roots" > "$dir/.app"
  echo "   $(find "$dir" -name '*.java' | wc -l) source files, $(find "$dir" -name '*.java' -exec cat {} + | wc -l) lines," \
    "$(find "$dir" -name 'application*' | wc -l) configuration files"
done < <(tail -n +2 "$here/apps.tsv")
[ "$missing" -eq 0 ] || { echo "$missing application(s) not laid out" >&2; exit 1; }
