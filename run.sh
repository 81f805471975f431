#!/usr/bin/env bash
# Thin wrapper around target/etl.jar: builds it when it is missing or older than the sources, then runs it.
#   ./run.sh <job> [--simulate] [name=value ...]     e.g. ./run.sh rapidContent --simulate
#   ./run.sh simulate <rapid|demarches|systax|tdg> [--port N] [sim.<option>=value ...]
#   ./run.sh --status | --list | --help | --restart=<id> | --stop=<id> | --abandon=<id>
#   ./run.sh test                                      the whole test suite (what CI runs)
#   ./run.sh build                                     build target/etl.jar and its fast-start copy
#   ./run.sh bench [job] [--size N] [--latency-ms N] [--concurrency 4,8,16] [--repeat N] [--sim-heap OPTS]
#                  [--job-heap OPTS] [name=value ...]    the job against the project's reference client, each
#                                                      on the job's simulator in its own JVM; prints a table and
#                                                      writes target/bench/<job>-<UTC timestamp>.json
#                                                      (./run.sh bench --help lists every option)
# Runs from the project directory, so data/ (job repository) and output/ are created here.
# JAVA_OPTS is passed to the JVM (e.g. JAVA_OPTS=-Xmx256m).
#
# Fast start: next to target/etl.jar the build extracts the jar (target/etl/etl.jar + target/etl/lib/) and
# records a class-data-sharing archive (target/etl/etl.jsa) from a training run of every job on its simulator;
# commands then start from those (about half the start-up CPU of `java -jar target/etl.jar`, which still works).
set -euo pipefail
cd "$(dirname "$0")"
JAR=target/etl.jar
FAST_DIR=target/etl
FAST_JAR=$FAST_DIR/etl.jar
ARCHIVE=$FAST_DIR/etl.jsa

build() {
  echo "building $JAR ..." >&2
  mvn -B -q -ntp -DskipTests package >&2
  # Maven leaves an up-to-date jar untouched; without this a newer test source would make every command rebuild.
  touch "$JAR"
  prepare_fast_start
}

# Extracted layout plus AppCDS archive; the archive is only valid for these exact jar files and this JVM.
prepare_fast_start() {
  echo "preparing the fast-start copy $FAST_JAR and its class-data archive (one training run of each job) ..." >&2
  rm -rf "$FAST_DIR"
  java -Djarmode=tools -jar "$JAR" extract --destination "$FAST_DIR" >/dev/null
  if ! java $JVM_DEFAULTS -XX:ArchiveClassesAtExit="$ARCHIVE" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$FAST_JAR" \
      com.pagingetl.CdsTraining > "$FAST_DIR/training.log" 2>&1 || [ ! -f "$ARCHIVE" ]; then
    echo "warning: no class-data archive (see $FAST_DIR/training.log); commands start without it" >&2
    rm -f "$ARCHIVE"
  elif grep -q "did not complete" "$FAST_DIR/training.log"; then
    echo "warning: part of the archive's training run failed (see $FAST_DIR/training.log); start-up is slower" >&2
  fi
  java_id > "$FAST_DIR/java.id"
}

# Which JVM made the archive: a different one cannot use it.
java_id() {
  local java
  java=$(readlink -f "$(command -v java)")
  echo "$java $(stat -c %Y "$java")"
}

jar_stale() {
  [ ! -f "$JAR" ] || [ -n "$(find pom.xml src sample-data jobs -newer "$JAR" -type f -print -quit 2>/dev/null)" ]
}

fast_stale() {
  [ ! -f "$FAST_JAR" ] || [ "$JAR" -nt "$FAST_JAR" ] || [ "$(java_id)" != "$(cat "$FAST_DIR/java.id" 2>/dev/null)" ]
}

# Commands started together (a scheduler's batch) build once: the others wait for the lock, then find it done.
ensure_jar() {
  if jar_stale || fast_stale; then
    mkdir -p target
    exec 9>target/.run-sh.lock
    flock 9 2>/dev/null || true
    if jar_stale; then
      build
    elif fast_stale; then
      prepare_fast_start
    fi
    exec 9>&-
  fi
}

# C1 only, no C2: a run spends its CPU in zlib (native) and in start-up code that runs a few thousand times,
# so C2's compilations (the record scanner alone was compiled four times, OSR and deoptimised) cost more
# than its faster code returns. Measured against the previous default (C2 at ten times its thresholds) on this
# 2-core machine: default rapidContent 9.7 -> 8.3 CPU s (this script), peak RSS 340 -> 310 MB; at 250,000
# properties both took 28-29 CPU s; 100,000-rule systaxRules 4.5-4.9 -> 3.1-3.6; 50,000-object tdgVersions
# 3.8-4.1 -> 2.9-3.1. C1 alone by CompilationMode=quick-only rather than TieredStopAtLevel=1, and at twice its
# default invocation counts, so that start-up code run a few hundred times stays interpreted: C1 compiled 2,982
# methods in 0.39 CPU s of a one-country rapidContent run instead of 3,714 in 0.59, which then used 1.22-1.34
# CPU s instead of 1.32-1.44 (five runs each, quiet machine); default-size runs are unchanged within noise
# (./run.sh bench --job-jar with the previous build: rapidContent 5.2 -> 5.3 s, tdgVersions 2.1 -> 2.1 s).
# JAVA_OPTS comes later on the command line: -XX:CompilationMode=normal brings C2 back.
JVM_DEFAULTS="-XX:CompilationMode=quick-only -XX:Tier3InvocationThreshold=400 -XX:Tier3MinInvocationThreshold=200"
JVM_DEFAULTS="$JVM_DEFAULTS -XX:Tier3CompileThreshold=4000"
# One short-lived process with a heap of a few hundred MB: the serial collector has no concurrent threads or
# region bookkeeping. Measured on the default rapidContent run: peak RSS 446 -> 350 MB, CPU 9.4 -> 9.0 s, same wall.
# Survivor spaces of a fifth of the young generation each, not a tenth: the pages in flight when a young
# collection runs (a page read, a page fetched ahead, their records) overflowed the default ones into the old
# generation, about 10 MB per young collection (default rapidContent run under -Xmx256m: peak RSS 308 -> 251 MB).
# What still reaches the old generation dies there slowly, and the serial collector empties it only when it is
# full: with the heap's initial size at its maximum (1/64 of this machine's RAM is more than 256 MB) a long run
# touched the whole heap (1,000,000 properties: 414 MB RSS against 251 at 50,000). Starting at 96 MB, of which
# 72 MB young, and keeping 20-40 % of the heap free after a full collection, the old generation grows only as far
# as what stays live needs: under -Xmx256m, 283 MB at 1,000,000 properties against 247 at 50,000, CPU unchanged
# (101 against 105 s; the full collections of a 30 MB live set are short). -Xms96m alone still grew to 359 MB.
# Not when JAVA_OPTS sets -Xms or an -Xmx below 128 MB, which the JVM would refuse alongside -Xms96m.
heap_start() {
  local opts=" ${JAVA_OPTS:-} " mb
  [[ $opts == *" -Xms"* ]] && return
  if [[ $opts =~ \ -Xmx([0-9]+)([kKmMgG]?)\  ]]; then
    mb=${BASH_REMATCH[1]}
    case ${BASH_REMATCH[2]} in
      k | K) mb=$((mb / 1024)) ;;
      g | G) mb=$((mb * 1024)) ;;
      "") mb=$((mb / 1048576)) ;;
    esac
    [ "$mb" -lt 128 ] && return
  fi
  echo "-Xms96m -XX:NewSize=72m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40"
}
# The JVM refuses two collectors, so a collector named in JAVA_OPTS replaces this one.
case " ${JAVA_OPTS:-} " in
  *" -XX:+Use"*"GC "*) ;;
  *) JVM_DEFAULTS="$JVM_DEFAULTS -XX:+UseSerialGC -XX:SurvivorRatio=3 $(heap_start)" ;;
esac

# The JVM and jar to run: the extracted jar with its archive when both exist, else the fat jar.
launch() {
  if [ -f "$FAST_JAR" ] && [ -f "$ARCHIVE" ]; then
    # A JVM that cannot use the archive says so on stdout by default; keep stdout for the command's output.
    exec java -XX:SharedArchiveFile="$ARCHIVE" -Xshare:auto -Xlog:disable -Xlog:all=warning:stderr $JVM_DEFAULTS \
      ${JAVA_OPTS:-} -jar "$FAST_JAR" "$@"
  elif [ -f "$FAST_JAR" ]; then
    exec java $JVM_DEFAULTS ${JAVA_OPTS:-} -jar "$FAST_JAR" "$@"
  fi
  exec java $JVM_DEFAULTS ${JAVA_OPTS:-} -jar "$JAR" "$@"
}

# The benchmark lives in the test sources (it stays out of the jar): build jar, test classes and the
# dependency classpath together when any of them is missing or older than the sources.
ensure_bench() {
  if [ ! -f "$JAR" ] || [ ! -f target/bench.classpath ] || [ ! -d target/test-classes ] \
     || [ -n "$(find pom.xml src sample-data jobs -newer target/bench.classpath -type f -print -quit 2>/dev/null)" ]; then
    echo "building $JAR, test classes and target/bench.classpath ..." >&2
    mvn -B -q -ntp -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >&2
    touch "$JAR" target/bench.classpath  # Maven and the plugin leave up-to-date files as they were
  fi
}

case "${1:-}" in
  bench)
    shift
    ensure_bench
    ensure_jar  # the job runs as ./run.sh runs it: from the fast-start copy
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
    launch simulate "$@"
    ;;
  "" | help | -h | --*)
    ensure_jar
    launch "${@:---help}"
    ;;
  *)
    job="$1"
    shift
    ensure_jar
    launch --job="$job" "$@"
    ;;
esac
