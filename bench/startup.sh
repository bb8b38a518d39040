#!/usr/bin/env bash
# Start-up and the bundled sample end to end (issue 9's "under 10 s including JVM start"), whole processes timed
# with /usr/bin/time, for this build and optionally another one, alternately, so that a change of load hits both:
#
#   bench/startup.sh [--runs 5] [OTHER_JAR]
#
# For each jar and each of N rounds: `run --year 2020` on input/ into a fresh output folder, then `status --year
# 2020` on what it wrote (start-up, Flyway, H2, the job repository's queries: a command's fixed cost). Prints min / median / max wall
# seconds and peak RSS. OTHER_JAR: e.g. a Spring Boot jar of an earlier build. BENCH_JAVA_OPTS adds JVM options to
# every command (e.g. -XX:TieredStopAtLevel=1), split at spaces.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5
if [ "${1:-}" = --runs ]; then runs="$2"; shift 2; fi
jars=(target/reduction-accounting.jar)
[ $# -gt 0 ] && jars+=("$1")
[ -f target/reduction-accounting.jar ] || mvn -q -B package -DskipTests
read -r -a java_opts <<< "${BENCH_JAVA_OPTS:-}"
work=$(mktemp -d /tmp/startup.XXXXXX)
trap 'rm -rf "$work"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(java -version 2>&1 | head -1)${BENCH_JAVA_OPTS:+; java options: $BENCH_JAVA_OPTS}"
for i in $(seq "$runs"); do
  for j in "${!jars[@]}"; do
    rm -rf "$work/out"
    for cmd in run status; do
      args=(status --year 2020 --output "$work/out")
      [ "$cmd" = run ] && args=(run --year 2020 --input input --output "$work/out")
      /usr/bin/time -f "%e %M" -o "$work/t" java ${java_opts[@]+"${java_opts[@]}"} -jar "${jars[$j]}" "${args[@]}" > "$work/log" 2>&1 \
        || { echo "${jars[$j]} $cmd failed:"; tail -5 "$work/log"; exit 1; }
      echo "$j $cmd $(cat "$work/t")" >> "$work/times"
    done
  done
done
for j in "${!jars[@]}"; do
  for cmd in run status; do
    grep "^$j $cmd " "$work/times" | awk -v jar="${jars[$j]}" -v cmd="$cmd" '{print $3, $4}' | sort -n | awk -v jar="${jars[$j]}" -v cmd="$cmd" '
      { t[NR] = $1; if ($2 > rss) rss = $2 }
      END { printf "%-45s %-6s wall min %.2f  median %.2f  max %.2f s  (%d runs)  peak RSS %d MiB\n", jar, cmd, t[1], t[int((NR + 1) / 2)], t[NR], NR, rss / 1024 }'
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
