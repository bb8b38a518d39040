#!/usr/bin/env bash
# Nightly, provisional run: tolerates missing submissions (MISSING_SUBMISSION findings). If a run of the same
# year and mode is still in progress it says so and exits 0 without touching it.
#   jobs/nightly.sh [YEAR]
exec "$(dirname "$0")/run-year.sh" nightly "${1:-$(date +%Y)}"
