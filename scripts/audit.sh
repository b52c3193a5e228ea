#!/usr/bin/env bash
# Audits the production dependencies (what the Worker bundles): fails on any high or critical
# advisory. When the registry's audit endpoint cannot be reached (it is blocked on some
# networks), says so plainly and exits 0, because there is nothing to judge.
set -uo pipefail
out=$(npm audit --omit=dev --audit-level=high --json 2>/dev/null)
rc=$?
if [ $rc -eq 0 ]; then
  echo "audit: no high or critical advisories in production dependencies"
  exit 0
fi
if printf '%s' "$out" | grep -q '"vulnerabilities"' && ! printf '%s' "$out" | grep -q '"error"'; then
  npm audit --omit=dev --audit-level=high
  exit 1
fi
echo "audit: SKIPPED, the registry's audit endpoint did not answer:"
printf '%s\n' "$out" | grep -m1 -E '"(summary|detail|code)"' || true
exit 0
