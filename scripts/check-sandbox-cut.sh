#!/usr/bin/env bash
# The sandbox is removable in one cut: on a copy of this tree (the files git knows, node_modules
# hard-linked) with the paths of scripts/sandbox-paths.txt removed, the type check and `next build`
# pass, and starting the app without the DFNS_* variables stops with a message naming them.
set -uo pipefail
cd "$(dirname "$0")/.."
# The copy lives inside this repository (the same file system, for the hard links below).
mkdir -p .sandbox-cut
copy="$(mktemp -d "$PWD/.sandbox-cut/tree-XXXXXX")"
trap 'rm -rf "$copy"' EXIT
fail() { echo "✗ sandbox cut: $*"; exit 1; }

# Tracked and new files as they are in the working tree (deleted ones skipped).
git ls-files -z --cached --others --exclude-standard |
  while IFS= read -r -d '' file; do [ -f "$file" ] && printf '%s\0' "$file"; done |
  tar --null -T - -cf - | tar -xf - -C "$copy"
# Its own (empty) git repository, so that tools which skip what git ignores (Tailwind's class
# scanner: the generated Prisma client is megabytes) read the copy's .gitignore.
git init -q "$copy"
# node_modules as hard links (seconds, no space): Turbopack follows no link out of its root.
cp -al node_modules "$copy/node_modules"
# The type check's incremental state, if any: only what the cut changed is checked again.
cp tsconfig.tsbuildinfo "$copy/" 2>/dev/null || true
bash "$copy/scripts/remove-sandbox.sh" "$copy" >/dev/null || fail "scripts/remove-sandbox.sh failed"
cd "$copy"

echo "-- type check without the sandbox"
npx tsc --noEmit || fail "the type check failed"
echo "-- next build without the sandbox"
NEXT_TELEMETRY_DISABLED=1 npx next build >build.log 2>&1 || { tail -40 build.log; fail "next build failed"; }

echo "-- start without DFNS_*: must stop and name the variables"
out=$(env -u DFNS_API_URL -u DFNS_AUTH_TOKEN -u DFNS_CRED_ID -u DFNS_PRIVATE_KEY -u DATABASE_URL \
  PGLITE_DATA_DIR="$copy/.data/pglite" timeout 60 npx next start -p "${CUT_CHECK_PORT:-0}" 2>&1)
code=$?
[ "$code" != 0 ] && [ "$code" != 124 ] || fail "the server did not stop (exit $code): $out"
for variable in DFNS_API_URL DFNS_AUTH_TOKEN DFNS_CRED_ID DFNS_PRIVATE_KEY; do
  grep -q "$variable" <<<"$out" || fail "the start-up message does not name $variable: $out"
done
echo "✓ sandbox cut: type check, build, and a start that names the DFNS_* variables"
