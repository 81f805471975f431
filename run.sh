#!/usr/bin/env bash
# Thin wrapper around target/etl.jar: builds it when it is missing or older than the sources, then runs it.
#   ./run.sh <job> [--simulate] [name=value ...]     e.g. ./run.sh rapidContent --simulate
#   ./run.sh simulate <rapid|demarches|systax|tdg> [--port N] [sim.<option>=value ...]
#   ./run.sh --status | --list | --help | --restart=<id> | --stop=<id> | --abandon=<id>
#   ./run.sh test                                      the whole test suite (what CI runs)
#   ./run.sh build                                     just build target/etl.jar
#   ./run.sh bench [job] [--size N] [--latency-ms N] [--concurrency 4,8,16] [--repeat N] [--sim-heap OPTS]
#                  [--job-heap OPTS] [name=value ...]    the job against the project's reference client, each
#                                                      on the job's simulator in its own JVM; prints a table and
#                                                      writes target/bench/<job>-<UTC timestamp>.json
#                                                      (./run.sh bench --help lists every option)
# Runs from the project directory, so data/ (job repository) and output/ are created here.
# JAVA_OPTS is passed to the JVM (e.g. JAVA_OPTS=-Xmx256m).
set -euo pipefail
cd "$(dirname "$0")"
JAR=target/etl.jar

build() {
  echo "building $JAR ..." >&2
  mvn -B -q -ntp -DskipTests package >&2
}

ensure_jar() {
  if [ ! -f "$JAR" ] || [ -n "$(find pom.xml src sample-data jobs -newer "$JAR" -type f -print -quit 2>/dev/null)" ]; then
    build
  fi
}

# The benchmark lives in the test sources (it stays out of the jar): build jar, test classes and the
# dependency classpath together when any of them is missing or older than the sources.
ensure_bench() {
  if [ ! -f "$JAR" ] || [ ! -f target/bench.classpath ] || [ ! -d target/test-classes ] \
     || [ -n "$(find pom.xml src sample-data jobs -newer target/bench.classpath -type f -print -quit 2>/dev/null)" ]; then
    echo "building $JAR, test classes and target/bench.classpath ..." >&2
    mvn -B -q -ntp -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >&2
    touch target/bench.classpath  # the plugin leaves an unchanged file as it was
  fi
}

case "${1:-}" in
  bench)
    shift
    ensure_bench
    exec java ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
      com.pagingetl.bench.BenchMain "$@"
    ;;
  test)
    shift
    exec mvn -B -ntp verify "$@"
    ;;
  build)
    build
    ;;
  simulate)
    shift
    ensure_jar
    exec java ${JAVA_OPTS:-} -jar "$JAR" simulate "$@"
    ;;
  "" | help | -h | --*)
    ensure_jar
    exec java ${JAVA_OPTS:-} -jar "$JAR" "${@:---help}"
    ;;
  *)
    job="$1"
    shift
    ensure_jar
    exec java ${JAVA_OPTS:-} -jar "$JAR" --job="$job" "$@"
    ;;
esac
