#!/usr/bin/env bash
# Shared entry point of the scheduled runs: builds the jar if it is missing or older than the sources, then
# runs the accounting for one year and mode. Exit codes are the program's (0 completed, 1 failed and
# restartable, 2 bad usage or configuration, 3 final run refused), so a scheduler can act on them.
#
#   jobs/run-year.sh nightly|final [YEAR]   (YEAR: see jobs/plan-year.sh; never the calendar year)
#
# Database: the embedded H2 file in output/.state unless REDUCTION_DB_URL (and REDUCTION_DB_USER,
# REDUCTION_DB_PASSWORD) are set in the environment, e.g. by the systemd unit's EnvironmentFile.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:?usage: jobs/run-year.sh nightly|final [YEAR]}"
year="${2:-$(jobs/plan-year.sh)}"
jar=target/reduction-accounting.jar

# the jar loads its libraries from target/lib/, which the same build writes
if [ ! -f "$jar" ] || [ ! -d target/lib ] || [ -n "$(find pom.xml src -newer "$jar" -print -quit)" ]; then
  echo "building $jar"
  mvn -q -B package -DskipTests
fi

output="${REDUCTION_OUTPUT:-output}"
# every temporary file of the JVM in the private state folder, not in a /tmp shared with other accounts
mkdir -p "$output/.state/tmp"
chmod 700 "$output/.state"

# REDUCTION_DISTRIBUTED=1: intake on the workers (jobs/reduction-worker.service; docs/operations.md)
distributed=()
if [ "${REDUCTION_DISTRIBUTED:-0}" = 1 ]; then
  distributed=(--distributed --intake-timeout "${REDUCTION_INTAKE_TIMEOUT:-60m}")
fi

# REDUCTION_JAVA_OPTS: more JVM options, split at spaces (e.g. -XX:TieredStopAtLevel=1, which cuts a
# province-sized run's time by a third on 2 cores and costs 44% at a million rows: BENCHMARKS.md, "Start-up")
read -r -a java_opts <<< "${REDUCTION_JAVA_OPTS:-}"
exec java -Xmx512m ${java_opts[@]+"${java_opts[@]}"} -Djava.io.tmpdir="$output/.state/tmp" -jar "$jar" run --year "$year" --mode "$mode" \
  --input "${REDUCTION_INPUT:-input}" --output "$output" ${distributed[@]+"${distributed[@]}"}
