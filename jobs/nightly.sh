#!/usr/bin/env bash
# Nightly, provisional run: tolerates missing submissions (MISSING_SUBMISSION findings). If a run of the same
# year and mode is still in progress it says so and exits 0 without touching it.
#   jobs/nightly.sh [YEAR]     (default: REDUCTION_YEAR, else the newest plan year that has reference data
#                               and an input folder; see jobs/plan-year.sh)
set -euo pipefail
# run-year.sh works the default year out (jobs/plan-year.sh) when none is given
exec "$(dirname "$0")/run-year.sh" nightly "$@"
