#!/usr/bin/env bash
# The national-scale benchmark (issues 9 and 19, BENCHMARKS.md): in one run, on the same generated files,
#   (a) the input floor: a bare POI SAX read of every input cell + an SXSSF write of as many rows, one thread;
#   (b) the whole job end to end in a fresh JVM (java -jar, -Xmx512m by default);
#   (c) the same-output floor (issue 19): the shape of the job's outputs read from its run folder first (untimed,
#       OutputShape), then one thread of bare POI: a SAX read of every input cell once and workbooks and CSVs of
#       that shape written once (SameOutputFloor);
#   (d) the peer: bench/peer_pandas.py (pandas + openpyxl, what a user would write instead) where /usr/bin/python3
#       has pandas and openpyxl, and its summary figures compared with the job's;
#   (e) peak RSS of each (/usr/bin/time -v), the job's peak heap (-Xlog:gc, the most in use before a collection),
#       the load average (uptime) before and after each, the ratios job / same-output floor, job / input floor and
#       peer / job, rows per second, each step's time (from the job repository, via `status`), and whether every
#       figure of the run's CSVs is the one the generator computed.
# Results go to stdout and to target/bench/results/<UTC time>-<rows>-<db>.txt.
#
#   bench/run.sh [--rows 227000] [--cities 340] [--db h2|pg] [--heap 512m] [--seed 9] [--jfr] [--no-peer]
#
# The set is generated once per (cities, rows, seed) under target/bench/sets/. --db pg drops and creates the
# database reduction_bench on BENCH_PG_HOST (default 127.0.0.1, port BENCH_PG_PORT 5432, user BENCH_PG_USER
# postgres, trust authentication) with psql. --jfr also records a JFR profile of the job next to the results.
# BENCH_JAVA_OPTS adds JVM options to the job's command (e.g. -XX:TieredStopAtLevel=1), split at spaces.
# BENCH_JAR names another build of the program to time (e.g. a copy of the jar before a change, with the lib/
# folder it names beside it, or a Spring Boot jar of an older build).
set -euo pipefail
cd "$(dirname "$0")/.."

rows=227000 cities=340 db=h2 heap=512m seed=9 jfr="" peer=1
while [ $# -gt 0 ]; do
  case "$1" in
    --rows) rows="${2//_/}"; shift 2 ;;
    --cities) cities="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --heap) heap="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --jfr) jfr=1; shift ;;
    --no-peer) peer=""; shift ;;
    *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
  esac
done

if [ ! -f target/reduction-accounting.jar ] || [ ! -f target/cp.txt ] || [ ! -d target/test-classes ]; then
  mvn -q -B package -DskipTests
  mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
fi
cp="target/test-classes:target/classes:$(cat target/cp.txt)"
jar="${BENCH_JAR:-target/reduction-accounting.jar}"

set_dir="target/bench/sets/c${cities}-r${rows}-s${seed}"
if [ ! -f "$set_dir/expected/files.csv" ]; then
  rm -rf "$set_dir"
  echo "generating $cities cities x $rows rows into $set_dir"
  java -Xmx2g -cp "$cp" cn.js.reduction.sample.ScaleSetGenerator "$set_dir" --cities "$cities" --rows "$rows" --seed "$seed"
fi
input_rows=$(tail -n +2 "$set_dir/expected/files.csv" | awk -F, '{s += $2 + $3 + $4} END {print s}')
input_mb=$(du -sm "$set_dir/input/2020" | cut -f1)

stamp=$(date -u +%Y%m%dT%H%M%SZ)
work="target/bench/runs/$stamp-$rows-$db"
mkdir -p "$work" target/bench/results
result="target/bench/results/$stamp-$rows-$db.txt"

load() { cut -d' ' -f1-3 /proc/loadavg; }
wall() { grep "Elapsed (wall clock)" "$1" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1*3600+$2*60+$3; else print $1*60+$2 }'; }
rss_mib() { echo $(( $(grep "Maximum resident" "$1" | awk '{print $NF}') / 1024 )); }
cpu_s() { grep -E "User time|System time" "$1" | awk '{s += $NF} END {printf "%.1f", s}'; }
load_before=$(load)

# (a) the input floor (issue 9's raw floor)
floor_load=$(load)
/usr/bin/time -v -o "$work/floor.time" java -Xmx"$heap" -cp "$cp" cn.js.reduction.bench.RawFloor "$set_dir/input/2020" \
  > "$work/floor.out" 2>&1
floor_load="$floor_load -> $(load)"
floor_s=$(wall "$work/floor.time")
floor_rss=$(grep "Maximum resident" "$work/floor.time" | awk '{print $NF}')
floor_cpu=$(cpu_s "$work/floor.time")

# (b) the job, fresh JVM, fresh state
db_env=()
if [ "$db" = pg ]; then
  host="${BENCH_PG_HOST:-127.0.0.1}" port="${BENCH_PG_PORT:-5432}" user="${BENCH_PG_USER:-postgres}"
  psql -q -h "$host" -p "$port" -U "$user" -d postgres -c "DROP DATABASE IF EXISTS reduction_bench" \
    -c "CREATE DATABASE reduction_bench"
  db_env=(REDUCTION_DB_URL="jdbc:postgresql://$host:$port/reduction_bench" REDUCTION_DB_USER="$user" REDUCTION_DB_PASSWORD="")
fi
jfr_opt=()
if [ -n "$jfr" ]; then
  jfr_opt=(-XX:StartFlightRecording=filename="$work/job.jfr",settings=profile)
fi
read -r -a job_opts <<< "${BENCH_JAVA_OPTS:-}"
job_load=$(load)
env "${db_env[@]}" /usr/bin/time -v -o "$work/job.time" java -Xmx"$heap" ${job_opts[@]+"${job_opts[@]}"} \
  -Xlog:gc:file="$work/gc.log" "${jfr_opt[@]}" \
  -jar "$jar" run --year 2020 --reference "$set_dir/reference" --input "$set_dir/input" --output "$work/output" \
  > "$work/job.out" 2>&1 || { echo "the job failed: see $work/job.out" >&2; tail -20 "$work/job.out" >&2; exit 1; }
job_load="$job_load -> $(load)"
job_s=$(wall "$work/job.time")
job_rss=$(grep "Maximum resident" "$work/job.time" | awk '{print $NF}')
job_cpu=$(grep "Percent of CPU" "$work/job.time" | awk '{print $NF}')
job_cpu_s=$(grep -E "User time|System time" "$work/job.time" | awk '{s += $NF} END {printf "%.1f", s}')
# "Pause Young (Normal) (G1 Evacuation Pause) 120M->30M(256M)": the heap in use before each collection
peak_heap=$(grep -o '[0-9]*M->[0-9]*M' "$work/gc.log" | cut -dM -f1 | sort -n | tail -1)

run_dir=$(ls -d "$work"/output/2020/nightly/run-* | head -1)

# (c) the same-output floor: the shape of the job's outputs first (untimed), then the floor in its own process
java -cp "$cp" cn.js.reduction.bench.OutputShape "$run_dir" "$work/shape.txt" > "$work/shape.out" 2>&1
same_load=$(load)
/usr/bin/time -v -o "$work/same.time" java -Xmx"$heap" -cp "$cp" cn.js.reduction.bench.SameOutputFloor \
  "$set_dir/input/2020" "$work/shape.txt" "$work/same-output" > "$work/same.out" 2>&1 \
  || { echo "the same-output floor failed: see $work/same.out" >&2; tail -20 "$work/same.out" >&2; exit 1; }
same_load="$same_load -> $(load)"
same_s=$(wall "$work/same.time")

# (d) the peer: pandas + openpyxl, where /usr/bin/python3 has them
peer_line="peer:  not run (--no-peer)"
peer_s=""
if [ -n "$peer" ]; then
  if /usr/bin/python3 -c 'import pandas, openpyxl' 2> /dev/null; then
    peer_load=$(load)
    if /usr/bin/time -v -o "$work/peer.time" /usr/bin/python3 bench/peer_pandas.py "$set_dir/input/2020" \
        "$set_dir/reference/2020" "$work/peer" > "$work/peer.out" 2>&1; then
      peer_load="$peer_load -> $(load)"
      peer_s=$(wall "$work/peer.time")
      peer_line=$(printf 'peer:  %.1f s wall, %s s CPU, peak RSS %d MiB (bench/peer_pandas.py, pandas %s, openpyxl %s; %s)  load %s' \
        "$peer_s" "$(cpu_s "$work/peer.time")" "$(rss_mib "$work/peer.time")" \
        "$(/usr/bin/python3 -c 'import pandas; print(pandas.__version__)')" \
        "$(/usr/bin/python3 -c 'import openpyxl; print(openpyxl.__version__)')" \
        "$(grep '^peer:' "$work/peer.out" | tail -1 | cut -c7-)" "$peer_load")
      peer_line="$peer_line
$(/usr/bin/python3 bench/peer_pandas.py --compare "$work/peer" "$run_dir" 2>&1 | tail -11 || true)"
    else
      peer_line="peer:  failed, see $work/peer.out"
    fi
  else
    peer_line="peer:  not run: /usr/bin/python3 has no pandas and openpyxl (apt-get install python3-pandas python3-openpyxl)"
  fi
fi
load_after=$(load)

# each step's line of `status --verbose`: "      intake   COMPLETED   320.2 s  229099 rows read"
steps=$(env "${db_env[@]}" java -jar "$jar" status --year 2020 --output "$work/output" --limit 1 --verbose 2>&1 \
  | grep -E '^ +(discover|reference|intake|consolidate|reconcile|report|publish) +[A-Z]' \
  | awk '{for (i = 3; i <= NF; i++) if ($i == "s") {printf "%s %s s; ", $1, $(i-1); break}}' || true)
figures=$(java -cp "$cp" cn.js.reduction.sample.ScaleFigures "$set_dir/expected" "$run_dir" | tail -1 || true)

{
  echo "benchmark $stamp  $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')  on $(hostname)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB;" \
       "$(java -version 2>&1 | head -1)"
  echo "set: $cities cities, $rows project rows ($input_rows rows read incl. emissions and bad rows), $(ls "$set_dir/input/2020" | wc -l) files, $input_mb MB"
  echo "load average before: $load_before  after: $load_after"
  echo "database: $db  heap: -Xmx$heap${BENCH_JAVA_OPTS:+  java options: $BENCH_JAVA_OPTS}  program: $jar ($(sha256sum "$jar" | cut -c1-12))"
  printf 'input floor:       %.1f s wall, %s s CPU, peak RSS %d MiB  load %s\n' "$floor_s" "$floor_cpu" $((floor_rss / 1024)) \
    "$floor_load"
  printf 'same-output floor: %.1f s wall, %s s CPU, peak RSS %d MiB  load %s\n' "$same_s" "$(cpu_s "$work/same.time")" \
    "$(rss_mib "$work/same.time")" "$same_load"
  echo "  $(tail -1 "$work/same.out")"
  printf 'job:   %.1f s wall, %s s CPU (%s), peak RSS %d MiB, peak heap %s MiB  load %s\n' "$job_s" "$job_cpu_s" "$job_cpu" \
    $((job_rss / 1024)) "$peak_heap" "$job_load"
  echo "$peer_line"
  awk -v j="$job_s" -v f="$floor_s" -v s="$same_s" -v p="${peer_s:-0}" -v r="$input_rows" \
    'BEGIN {printf "ratio job/same-output floor: %.2f   job/input floor: %.2f", j / s, j / f;
            if (p > 0) printf "   peer/job: %.2f", p / j;
            printf "   rows/s: job %.0f, input floor %.0f\n", r / j, r / f}'
  echo "steps: $steps"
  echo "written: job $(du -sm --apparent-size "$run_dir" | cut -f1) MB (CSVs and workbooks), input floor $(grep -o 'wrote [0-9.]* MB' "$work/floor.out" | cut -d' ' -f2) MB (one workbook), same-output floor $(grep -o 'wrote [0-9.]* MB' "$work/same.out" | cut -d' ' -f2) MB"
  echo "$figures"
} | tee "$result"
echo "results: $result (work files: $work)"
