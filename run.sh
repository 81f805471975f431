#!/usr/bin/env bash
# Thin wrapper around target/etl.jar: builds it when it is missing or older than the sources, then runs it.
#   ./run.sh <job> [--simulate] [name=value ...]     e.g. ./run.sh rapidContent --simulate
#   ./run.sh simulate <rapid|demarches|systax|tdg> [--port N] [sim.<option>=value ...]
#   ./run.sh --status | --list | --help | --restart=<id> | --stop=<id> | --abandon=<id>
#   ./run.sh test                                      the whole test suite (what CI runs)
#   ./run.sh build                                     just build target/etl.jar
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

case "${1:-}" in
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
