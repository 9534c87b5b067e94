#!/usr/bin/env bash
# Removes the local Dfns sandbox (the paths in scripts/sandbox-paths.txt) from this repository, or
# from the tree given as the first argument, and regenerates the Prisma client without its models.
# Afterwards the app needs the DFNS_* variables (it names them at start if they are missing).
#   bash scripts/remove-sandbox.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "${1:-$here/..}" && pwd)"
while IFS= read -r entry; do
  case "$entry" in "" | "#"*) continue ;; esac
  rm -rf "${root:?}/$entry"
  echo "removed $entry"
done <"$here/sandbox-paths.txt"
(cd "$root" && node scripts/prisma-generate.mjs >/dev/null)
echo "Prisma client regenerated without the sandbox's models. Set the DFNS_* variables (.env.example)."
