#!/usr/bin/env bash
# Runs every hostmod benchmark and prints the table of docs/benchmarks.md: JMH benchmarks (hostmod,
# the hand-written limit, the reflective peer), retained heap, the processor's share of javac time,
# the lock check, and Prosody's own module manager when Prosody is installed. A few minutes on 2 cores.
#
# usage: bash benchmarks/run.sh            (builds benchmarks and what it needs, then runs)
#        PROSODY_DIR=/path/to/prosody/source PROSODY_LUA=lua5.4 bash benchmarks/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
out=benchmarks/target/benchmark-results

echo "== building the benchmarks (mvn -B -q -pl benchmarks -am package -DskipTests)"
mvn -B -q -pl benchmarks -am package -DskipTests
rm -rf "$out"
mkdir -p "$out"
cp="benchmarks/target/classes:benchmarks/target/lib/*"

cores=$(nproc)
load=$(cut -d ' ' -f 1 /proc/loadavg)
{
  echo "machine: $cores cores ($(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')),"\
       "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) memory,"\
       "$("$java" -version 2>&1 | head -n 1)"
  if git rev-parse --git-dir > /dev/null 2>&1; then
    changed=$(git status --porcelain -- annotations runtime processor | awk '{ print $2 }' | cut -d / -f 1 | sort -u | tr '\n' ' ')
    echo "source: commit $(git rev-parse --short HEAD)${changed:+, with uncommitted changes in: $changed}"
  fi
  echo "load average at start: $load"
} | tee "$out/machine.txt"
if awk -v load="$load" -v cores="$cores" 'BEGIN { exit !(load > cores) }'; then
  echo "warning: the machine is busy (load $load on $cores cores): the numbers will be noisy"
fi

echo "== JMH: hostmod, hand-written limit and reflective peer, side by side (settings in each class)"
"$java" -cp "$cp" org.openjdk.jmh.Main -rf csv -rff "$out/jmh.csv" 'io.hostmod.benchmarks.*Benchmark' \
  > "$out/jmh.log" 2>&1 &
jmh=$!
# Show each result as it comes; the whole log stays in jmh.log.
tail -n +1 -f "$out/jmh.log" --pid "$jmh" | grep --line-buffered -E '^(# Benchmark:|# Parameters:|Result )' || true
wait "$jmh"

echo "== retained heap per (host, module) pair"
"$java" -XX:+UseSerialGC -Xmx4g -cp "$cp" io.hostmod.benchmarks.HeapPerPair 10000 "$out/results.txt"

echo "== processor share of javac time"
"$java" -cp "$cp" io.hostmod.benchmarks.ProcessorShare 1000 5 2 "$out/results.txt"

echo "== lock check"
"$java" -cp "$cp" io.hostmod.benchmarks.LockCheck "$out/results.txt"

echo "== Prosody's core.modulemanager"
prosody_dir="${PROSODY_DIR:-/usr/lib/prosody}"
lua="${PROSODY_LUA:-}"
if [ -z "$lua" ] && [ -f /usr/bin/prosody ]; then
  lua=$(head -n 1 /usr/bin/prosody | sed -e 's|^#! *||' -e 's|^/usr/bin/env *||')
fi
if [ ! -f "$prosody_dir/core/modulemanager.lua" ]; then
  echo "Prosody skipped: no $prosody_dir/core/modulemanager.lua (install it with: apt-get install prosody," \
       "or set PROSODY_DIR to its source directory)" | tee -a "$out/machine.txt"
elif [ -z "$lua" ] || ! command -v "${lua%% *}" > /dev/null; then
  echo "Prosody skipped: no Lua interpreter '${lua:-}' (the one /usr/bin/prosody names; set PROSODY_LUA)" \
    | tee -a "$out/machine.txt"
else
  plugins=$(mktemp -d)
  trap 'rm -rf "$plugins"' EXIT
  # The module under test: shared (global, with add_host), doing nothing, as EchoModule does nothing.
  printf 'module:set_global();\nfunction module.add_host(module) end\n' > "$plugins/mod_bench_shared.lua"
  echo "Prosody $(cat "$prosody_dir/prosody.version" 2>/dev/null || echo '?') from $prosody_dir," \
       "$("$lua" -v 2>&1 | head -n 1 | cut -d ' ' -f 1-2)" | tee -a "$out/machine.txt"
  $lua benchmarks/src/main/lua/prosody-modulemanager.lua "$prosody_dir" "$plugins" 1,100,10000 2 \
    | tee "$out/prosody.txt"
  awk '$1 == "prosody" { print "prosody.shared." $2, $3 }' "$out/prosody.txt" >> "$out/results.txt"
fi

echo "load average at end: $(cut -d ' ' -f 1-3 /proc/loadavg)" | tee -a "$out/machine.txt"
echo
echo "== results ($out)"
"$java" -cp "$cp" io.hostmod.benchmarks.Report "$out" | tee "$out/table.md"
