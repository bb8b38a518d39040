#!/usr/bin/env bash
# Year-end, final run: refused with exit code 3 (and the list of what is missing) unless every city submitted
# both a project list and an emission report. Run it for the year that just ended:
#   jobs/year-end.sh [YEAR]     (default: last year)
exec "$(dirname "$0")/run-year.sh" final "${1:-$(( $(date +%Y) - 1 ))}"
