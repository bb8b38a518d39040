#!/usr/bin/env bash
# Prints the plan year a scheduled run accounts, so that the scheduler files work as shipped on any date:
#   1. REDUCTION_YEAR, when set (configuration: the systemd EnvironmentFile, the crontab line);
#   2. else the newest year that has both the plan's reference data (src/main/resources/reference/<year>/)
#      and an input folder (${REDUCTION_INPUT:-input}/<year>/).
# Never the calendar year: the plan of 2020 is accounted in 2021 and later, and a new plan year starts only
# when its reference data ships.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${REDUCTION_YEAR:-}" ]; then
  echo "$REDUCTION_YEAR"
  exit 0
fi
input="${REDUCTION_INPUT:-input}"
for folder in $(ls -d src/main/resources/reference/[0-9][0-9][0-9][0-9] 2>/dev/null | sort -r); do
  year="$(basename "$folder")"
  if [ -d "$input/$year" ]; then
    echo "$year"
    exit 0
  fi
done
echo "no plan year to run: no year has both reference data (src/main/resources/reference/<year>/) and an input" \
  "folder ($input/<year>/); set REDUCTION_YEAR or pass the year: jobs/nightly.sh 2020" >&2
exit 2
