#!/usr/bin/env bash
# `npm test`: every test, on the embedded database and again on a real PostgreSQL server.
# Ends with one line `N passed, N failed` (scripts/test-summary.mjs).
set -uo pipefail
cd "$(dirname "$0")/.."
rm -rf test-reports && mkdir -p test-reports
status=0
export NEXT_TELEMETRY_DISABLED=1

bash scripts/ensure-test-deps.sh || exit 1

# A check that is not a test runner counts as one test in the closing line (a report per check).
check() {
  local name="$1" passed=1
  shift
  "$@" || { passed=0; status=1; }
  echo "{\"numPassedTests\":$passed,\"numFailedTests\":$((1 - passed)),\"numPendingTests\":0}" >"test-reports/check-$name.json"
}

echo "== Type check"
check typecheck npx tsc --noEmit

echo "== The sandbox removed in one cut (a copy without it: type check, build, start naming DFNS_*)"
check sandbox-cut bash scripts/check-sandbox-cut.sh

echo "== Lint (ESLint: Next's rules, typescript-eslint with types)"
check lint npx eslint . --max-warnings 0

echo "== Format (Prettier: npm run format fixes it)"
check format npx prettier --check --log-level warn .

echo "== Unit, route and sandbox contract tests (embedded Postgres: PGlite)"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-reports/vitest-embedded.json || status=1

echo "== Database tests again, on a PostgreSQL server"
if eval "$(bash scripts/postgres-test-server.sh start)"; then
  TEST_DATABASE_URL="$TEST_DATABASE_URL" npx vitest run lib/db lib/http lib/rate-limit.test.ts lib/sandbox/tests app \
    --reporter=default --reporter=json --outputFile.json=test-reports/vitest-postgres.json || status=1
else
  status=1
fi

if [ -f playwright.config.ts ]; then
  echo "== End-to-end in Chromium (embedded database)"
  PLAYWRIGHT_JSON_OUTPUT_NAME=test-reports/e2e-embedded.json npx playwright test --reporter=list,json || status=1
  echo "== First-load JavaScript per page within its budget (the build just made)"
  npx vitest run --config vitest.page-weight.config.ts \
    --reporter=default --reporter=json --outputFile.json=test-reports/page-weight.json || status=1
  echo "== End-to-end in Chromium (PostgreSQL server)"
  E2E_DATABASE_URL="${TEST_DATABASE_URL%/*}/e2e_$(date +%s)" \
    PLAYWRIGHT_JSON_OUTPUT_NAME=test-reports/e2e-postgres.json npx playwright test --reporter=list,json || status=1
fi
bash scripts/postgres-test-server.sh stop

node scripts/test-summary.mjs test-reports/*.json || status=1
[ "$status" = 0 ] || echo "Some checks failed (see above)."
exit "$status"
