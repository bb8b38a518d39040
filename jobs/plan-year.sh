#!/usr/bin/env bash
# Prints the plan year a scheduled run accounts, so that the scheduler files work as shipped on any date:
#   1. REDUCTION_YEAR, when set (configuration: the systemd EnvironmentFile, the crontab line);
#   2. else the newest year that has both the plan's reference data (as the program has it: `years`) and an
#      input folder (${REDUCTION_INPUT:-input}/<year>/).
# Never the calendar year: the plan of 2020 is accounted in 2021 and later, and a new plan year starts only
# when its reference data ships.
set -euo pipefail
. "$(dirname "$0")/environment.sh"

if [ -n "${REDUCTION_YEAR:-}" ]; then
  echo "$REDUCTION_YEAR"
  exit 0
fi
input="${REDUCTION_INPUT:-input}"
years="$(java -jar "$jar" years ${reference[@]+"${reference[@]}"})"
for year in $(echo "$years" | sort -r); do
  if [ -d "$input/$year" ]; then
    echo "$year"
    exit 0
  fi
done
echo "$(date '+%Y-%m-%d %H:%M:%S') 错误 error: no plan year to run: none of the plan years the program has" \
  "reference data for ($(echo $years)) has an input folder in $(cd "$root" && realpath -m "$input")/; set" \
  "REDUCTION_YEAR or pass the year:" \
  "jobs/nightly.sh 2020" >&2
exit 2
