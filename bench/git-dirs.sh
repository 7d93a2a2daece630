# Sourced by the bench scripts that lay out pinned commits from git directories the user gives.

is_git_dir() { git -C "$1" rev-parse --git-dir >/dev/null 2>&1; }

# Sets git_dirs to every git directory the arguments name, directly or one or two levels down; exits 2 when there is
# none or an argument is not a directory.
find_git_dirs() {
  git_dirs=()
  local source candidate
  for source in "$@"; do
    [ -d "$source" ] || { echo "not a directory: $source" >&2; exit 2; }
    if is_git_dir "$source"; then
      git_dirs+=("$source")
      continue
    fi
    while IFS= read -r candidate; do
      is_git_dir "$candidate" && git_dirs+=("$candidate")
    done < <(find "$source" -mindepth 1 -maxdepth 2 -type d | sort)
  done
  [ ${#git_dirs[@]} -gt 0 ] || { echo "no git directory in: $*" >&2; exit 2; }
}

# Prints the first of git_dirs that holds a commit, or nothing.
git_dir_of() {
  local candidate
  for candidate in "${git_dirs[@]}"; do
    if git -C "$candidate" cat-file -e "$1^{commit}" 2>/dev/null; then
      echo "$candidate"
      return
    fi
  done
}
