#!/usr/bin/env bash
# Year-end, final run: refused with exit code 3 (and the list of what is missing) unless every city submitted
# both a project list and an emission report.
#   jobs/year-end.sh [YEAR]    (default: REDUCTION_YEAR, else the newest plan year that has reference data
#                               and an input folder; see jobs/plan-year.sh)
set -euo pipefail
year="${1:-$("$(dirname "$0")/plan-year.sh")}"
exec "$(dirname "$0")/run-year.sh" final "$year"
