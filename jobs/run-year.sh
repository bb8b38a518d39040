#!/usr/bin/env bash
# Shared entry point of the scheduled runs: runs the accounting for one year and mode (in a source checkout it
# builds the jar first when it is missing or older than the sources). Exit codes are the program's
# (docs/operations.md, "Exit codes"): 0 completed, 1 failed and restartable, 2 bad usage or configuration,
# 3 final run refused, so a scheduler can act on them.
#
#   jobs/run-year.sh nightly|final [YEAR]   (YEAR: see jobs/plan-year.sh; never the calendar year)
#
# Works in the environment a scheduler gives (no LANG, a bare PATH) and from a deployment without the sources
# (jobs/environment.sh). The environment may set:
#   REDUCTION_INPUT, REDUCTION_OUTPUT   the folders (default input and output in the deployment)
#   REDUCTION_REFERENCE                 a folder of plan-year reference folders (--reference)
#   REDUCTION_DB_URL, REDUCTION_DB_USER, REDUCTION_DB_PASSWORD   the run database (default: H2 in output/.state)
#   REDUCTION_DISTRIBUTED=1, REDUCTION_INTAKE_TIMEOUT            intake on the workers
#   REDUCTION_JAVA_OPTS                 more JVM options
#   REDUCTION_CDS=0                     no class-data sharing archive (made and used by default, below)
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ] || { [ "$1" != nightly ] && [ "$1" != final ]; }; then
  echo "$(date '+%Y-%m-%d %H:%M:%S') usage: jobs/run-year.sh nightly|final [YEAR]" >&2
  exit 2
fi
mode="$1"
. "$(dirname "$0")/environment.sh"
year="${2:-$(jobs/plan-year.sh)}"

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

# Class-data sharing (BENCHMARKS.md, "Class-data sharing and the first JIT tier"): the first run of this program
# writes an archive of the classes it loaded into the state folder, and the later runs start from it. It is made
# again when the jar or lib/ is newer than it. An archive is bound to the files it was made from, so it is made
# here, from the deployment's own files. Only for a jar with its lib/ folder: the JDK cannot make one from a class
# path that names directories. The -Xlog options keep the JVM's own notes about the archive (a stale one, classes
# it leaves out) off the lines a scheduler keeps. REDUCTION_CDS=0 switches it off.
cds=()
if [ "${REDUCTION_CDS:-1}" = 1 ] && [ -d "$(dirname "$jar")/lib" ]; then
  archive="$output/.state/reduction-accounting.jsa"
  if [ -f "$archive" ] && [ -z "$(find "$jar" "$(dirname "$jar")/lib" -newer "$archive" -print -quit)" ]; then
    cds=(-XX:SharedArchiveFile="$archive")
  else
    rm -f "$archive"
    cds=(-XX:ArchiveClassesAtExit="$archive")
  fi
  cds+=(-Xlog:cds=off -Xlog:cds+dynamic=off)
fi
exec java -Xmx512m ${cds[@]+"${cds[@]}"} ${java_opts[@]+"${java_opts[@]}"} -Djava.io.tmpdir="$output/.state/tmp" -jar "$jar" run \
  --year "$year" --mode "$mode" --input "${REDUCTION_INPUT:-input}" --output "$output" \
  ${reference[@]+"${reference[@]}"} ${distributed[@]+"${distributed[@]}"}
