#!/usr/bin/env bash
# Year-end, final run: refused with exit code 3 (and the list of what is missing) unless every city submitted
# both a project list and an emission report.
#   jobs/year-end.sh [YEAR]    (default: REDUCTION_YEAR, else the newest plan year that has reference data
#                               and an input folder; see jobs/plan-year.sh)
set -euo pipefail
# run-year.sh works the default year out (jobs/plan-year.sh) when none is given
exec "$(dirname "$0")/run-year.sh" final "$@"
