# Sourced by the scripts of jobs/: what every scheduled command needs, whatever environment the scheduler gives
# (cron and systemd start programs with no LANG and a bare PATH). Sets:
#   root  the deployment (the folder above jobs/): a source checkout, or a deployment without the sources
#   jar   the program: REDUCTION_JAR, else reduction-accounting.jar (with lib/ beside it) in the deployment,
#         else target/reduction-accounting.jar (with target/lib/), built first in a source checkout
# and exports a UTF-8 locale when the one given is not: the JVM decodes file names with the locale's character
# set, fixed when it starts, so without it every Chinese file name would turn into question marks.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$root"
export PATH="${PATH:-/usr/bin:/bin}:/usr/local/bin:/usr/bin:/bin"

case "$( (locale charmap) 2>/dev/null)" in
  UTF-8|utf8|UTF8) ;;
  # REDUCTION_LOCALE_SET: the program then prefixes the commands it suggests with LC_ALL=C.UTF-8, so that a
  # "to continue:" line pasted into the same kind of environment (a crontab, a unit) works as printed
  *) export LC_ALL=C.UTF-8 REDUCTION_LOCALE_SET=1 ;;
esac

if [ -n "${REDUCTION_JAR:-}" ]; then
  jar="$REDUCTION_JAR"
elif [ -f reduction-accounting.jar ]; then
  jar=reduction-accounting.jar
else
  jar=target/reduction-accounting.jar
  # a source checkout: build the program when it is missing or older than the sources (never in a deployment,
  # which has no pom.xml and no Maven); Maven's own lines go to the build log, not to the scheduler's
  if [ -f pom.xml ] && { [ ! -f "$jar" ] || [ ! -d target/lib ] || [ -n "$(find pom.xml src -newer "$jar" -print -quit)" ]; }; then
    echo "$(date '+%Y-%m-%d %H:%M:%S') building $jar (log: target/build.log)" >&2
    mkdir -p target
    if ! mvn -q -B -Dstyle.color=never package -DskipTests > target/build.log 2>&1; then
      echo "$(date '+%Y-%m-%d %H:%M:%S') 错误 error: the build failed; see $root/target/build.log" >&2
      exit 2
    fi
  fi
fi
if [ ! -f "$jar" ]; then
  echo "$(date '+%Y-%m-%d %H:%M:%S') 错误 error: no program at $root/$jar: copy reduction-accounting.jar and its lib/" \
    "folder into $root (docs/operations.md, \"Deployment\"), or set REDUCTION_JAR" >&2
  exit 2
fi

if ! command -v java >/dev/null 2>&1; then
  echo "$(date '+%Y-%m-%d %H:%M:%S') 错误 error: no java on the PATH ($PATH): install Java 17, or set PATH in the" \
    "crontab or the unit's Environment=" >&2
  exit 2
fi

# --reference DIR for every command, when the deployment reads its plan years from a folder
reference=()
if [ -n "${REDUCTION_REFERENCE:-}" ]; then
  reference=(--reference "$REDUCTION_REFERENCE")
fi
