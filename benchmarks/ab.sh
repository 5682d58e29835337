#!/usr/bin/env bash
# A/B: hostmod's hot paths and lifecycle at a base commit against the tree this script is in (HEAD
# plus any uncommitted changes), measured in one run on one machine. Builds both trees, then runs
# only the `hostmod` methods of ProxyCallBenchmark, IsLoadedBenchmark, HookDispatchBenchmark,
# SharedModuleBenchmark (1, 100, 10,000 hosts) and HostActivationBenchmark, alternating the trees,
# and prints the table of docs/benchmarks.md ("A/B against the previous runtime"), then runs the
# lifecycle loops again timed in their thread's CPU time (src/ab/LifecycleCpuTime.java), and once more
# with base and head in one JVM, sampled in turn (src/ab/Paired.java). About sixteen minutes on 2
# cores, builds included.
#
# usage: bash benchmarks/ab.sh [BASE_COMMIT]          (default 5435d37)
#        AB_ROUNDS=3 bash benchmarks/ab.sh            (rounds per tree; default 2)
#        AB_KEEP_BASE=1 bash benchmarks/ab.sh         (leave the base worktree in place afterwards)
#        AB_AVGT_OPTS='-wi 1 -i 1' AB_SS_OPTS='-wi 1 -i 2' bash benchmarks/ab.sh   (other JMH options;
#                                                      for a quick check of the script itself)
#        AB_JMH=0 bash benchmarks/ab.sh               (only the CPU-time runs; AB_CPU=0: only JMH;
#                                                      AB_PAIRED=0: without base and head in one JVM)
#
# Settings: one fork per JMH run. Average-time benchmarks: 8 warm-up and 5 measurement iterations
# of 1 s each (the classes' own: 2 and 3). HostActivationBenchmark (single shot): 5 warm-up and
# 10 measured shots (its own: 3 and 5) in a heap whose young generation no run fills (-Xmn2500m,
# parallel collector, pre-touched): each shot allocates about 80 MB and keeps most of it until its
# deactivation half, so with the class's own 2 GB G1 heap a shot's time was mostly whether a
# collection fell in it (shots of one run from 100 to 300 ms); here every shot is the runtime's
# own work. SharedModuleBenchmark runs in the same heap, for the same reason: with its own
# default G1 heap the 10,000-host row read 2844 +- 4682 us in one run of the base and 1653 +- 382
# in the next, whichever iterations a collection fell in. Allocation is compared apart, with
# -prof gc (docs/benchmarks.md). For each benchmark, round r runs
# base then head when r is odd, head then base when r is even (base, head, head, base), so a
# steady drift of the machine weighs on both trees alike.
#
# Reading: base and head are the mean of the rounds' JMH scores, ± half the range between rounds.
# Noise of a row = base's relative half-range + head's: how far the ratio could move if each
# tree's mean moved by its own spread in opposite directions. Hot paths (proxy call, isLoaded,
# dispatch) meet "no slower" when head÷base ≤ 1.00 + noise; lifecycle (shared module on and off
# N hosts, host activation) meets its target when head÷base ≤ 1.25 (a ratio above 1.25 but within
# noise of it is marked so, and still counts as missed).
#
# Output in benchmarks/target/ab/: table.md, machine.txt, results.tsv (one line per JMH result),
# raw/*.csv (JMH's -rf csv), jmh.log, build-base.log, build-head.log.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C   # JMH's CSV and awk's numbers with a decimal point

root=$(pwd)
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
base_ref="${1:-5435d37}"
rounds="${AB_ROUNDS:-2}"
out="$root/benchmarks/target/ab"
base_tree="$out/base"
started=$(date +%s)

base_commit=$(git rev-parse --verify --quiet "$base_ref^{commit}") \
  || { echo "ab.sh: no commit '$base_ref'" >&2; exit 2; }
head_commit=$(git rev-parse HEAD)
case "$rounds" in ''|*[!0-9]*|0) echo "ab.sh: AB_ROUNDS must be a positive number" >&2; exit 2 ;; esac

# The benchmarks and their JMH options (avgt: time-based iterations; ss: single shots).
benches="ProxyCallBenchmark IsLoadedBenchmark HookDispatchBenchmark SharedModuleBenchmark HostActivationBenchmark"
avgt_opts="${AB_AVGT_OPTS:--wi 8 -w 1s -i 5 -r 1s}"
lifecycle_heap="-jvmArgsAppend -Xms3g -jvmArgsAppend -Xmx3g -jvmArgsAppend -Xmn2500m -jvmArgsAppend -XX:+UseParallelGC -jvmArgsAppend -XX:+AlwaysPreTouch"
ss_opts="${AB_SS_OPTS:--wi 5 -i 10 $lifecycle_heap}"
options() {
  case "$1" in
    HostActivationBenchmark) echo "$ss_opts" ;;
    SharedModuleBenchmark) echo "$avgt_opts $lifecycle_heap" ;;
    *) echo "$avgt_opts" ;;
  esac
}

mkdir -p "$out"
# Everything an earlier run left, so that a part this run skips shows nothing old in the table.
rm -rf "$out/raw" "$out/results.tsv" "$out/table.md" "$out/machine.txt" "$out/jmh.log" \
  "$out/build-base.log" "$out/build-head.log" "$out/cpu.txt" "$out/cpu-base" "$out/cpu-head" \
  "$out/paired.txt" "$out/paired" "$out/paired-loop"
mkdir -p "$out/raw"

# --- the base tree: a detached worktree, made afresh (an earlier one is removed first) ---
remove_base() {
  if git worktree list --porcelain | grep -Fqx "worktree $base_tree"; then
    git worktree remove --force "$base_tree"
  fi
  rm -rf "$base_tree"
  git worktree prune
}
remove_base
git worktree add --detach --quiet "$base_tree" "$base_commit"
if [ "${AB_KEEP_BASE:-0}" != 1 ]; then
  trap 'remove_base' EXIT
fi

# --- machine and sources ---
load_now() { cut -d ' ' -f 1 /proc/loadavg; }
cores=$(nproc)
load_start=$(cut -d ' ' -f 1-3 /proc/loadavg)
changed=$(git status --porcelain -- pom.xml annotations runtime processor benchmarks/pom.xml benchmarks/src | awk '{ print $2 }' \
  | cut -d / -f 1 | sort -u | tr '\n' ' ')
changed=${changed% }
{
  echo "machine: $cores cores ($(grep -m 1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')),"\
       "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) memory,"\
       "$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME"),"\
       "$("$java" -version 2>&1 | head -n 1)"
  echo "base: $base_commit $(git log -1 --format=%s "$base_commit")"
  echo "head: $head_commit $(git log -1 --format=%s "$head_commit")${changed:+ (with uncommitted changes in: $changed)}"
  echo "settings: $rounds rounds per tree, alternating; one fork per run; average time: $avgt_opts"\
       "(SharedModuleBenchmark with $lifecycle_heap); HostActivationBenchmark (single shot): $ss_opts"
  echo "load average at start: $load_start"
} | tee "$out/machine.txt"
if awk -v l="${load_start%% *}" -v c="$cores" 'BEGIN { exit !(l > c / 2) }'; then
  echo "warning: the machine is busy (load ${load_start%% *} on $cores cores): the numbers will be noisy" \
    | tee -a "$out/machine.txt"
fi

# Benchmark code changed between the trees? Then the A/B measures that change too, and a method
# may be missing on one side: say so, and compare only what both trees have (checked after the
# builds). Changes to programs this script does not run are only listed.
not_run='/(ProcessorShare|HeapPerPair|LockCheck|Report|Results|ProxyVisitBenchmark)\.java$|^benchmarks/src/main/lua/'
bench_diff=$(git diff --name-only "$base_commit" -- benchmarks/src/main benchmarks/pom.xml)
if [ -n "$bench_diff" ]; then
  used=$(echo "$bench_diff" | grep -Ev "$not_run" || true)
  if [ -n "$used" ]; then
    echo "note: benchmark code the A/B runs differs between base and head; its rows measure that change too:"
    echo "$used" | sed 's/^/  /'
  else
    echo "note: benchmark code differs between base and head only in programs the A/B does not run:" \
      "$(echo "$bench_diff" | sed 's|.*/||' | tr '\n' ' ')"
  fi | tee -a "$out/machine.txt"
fi

# --- build both trees ---
build() { # tree label
  echo "== building $2 (mvn -B -q -pl benchmarks -am package -DskipTests in $1)"
  if ! (cd "$1" && mvn -B -q -pl benchmarks -am package -DskipTests) > "$out/build-$2.log" 2>&1; then
    tail -n 40 "$out/build-$2.log" >&2
    echo "ab.sh: the $2 build failed; see $out/build-$2.log" >&2
    exit 1
  fi
}
build "$base_tree" base
build "$root" head
cp_of() { echo "$1/benchmarks/target/classes:$1/benchmarks/target/lib/*"; }
if cmp -s "$base_tree/benchmarks/target/lib/hostmod-runtime-0.1.0-SNAPSHOT.jar" \
          "$root/benchmarks/target/lib/hostmod-runtime-0.1.0-SNAPSHOT.jar" 2>/dev/null; then
  echo "note: both trees built byte-identical runtime jars" | tee -a "$out/machine.txt"
fi

# Which of the benchmarks does each tree have?
"$java" -cp "$(cp_of "$base_tree")" org.openjdk.jmh.Main -l > "$out/raw/list-base.txt"
"$java" -cp "$(cp_of "$root")" org.openjdk.jmh.Main -l > "$out/raw/list-head.txt"
selected=""
for b in $benches; do
  missing=""
  for t in base head; do
    grep -Fqx "io.hostmod.benchmarks.$b.hostmod" "$out/raw/list-$t.txt" || missing="$missing $t"
  done
  if [ -n "$missing" ]; then
    echo "note: $b.hostmod is missing in:$missing; not compared" | tee -a "$out/machine.txt"
  else
    selected="$selected $b"
  fi
done

# --- run: per benchmark, the rounds, alternating the trees ---
printf 'tree\tround\tbenchmark\tparams\tscore\terror\tunit\tload\n' > "$out/results.tsv"
run() { # tree label round bench
  local tree=$1 label=$2 round=$3 bench=$4
  local csv="$out/raw/$bench.$label.$round.csv" load
  load=$(load_now)
  echo "-- $bench, $label, round $round (load $load)"
  # shellcheck disable=SC2046 # the options are words
  if ! "$java" -cp "$(cp_of "$tree")" org.openjdk.jmh.Main "^io\\.hostmod\\.benchmarks\\.$bench\\.hostmod\$" \
      -f 1 $(options "$bench") -rf csv -rff "$csv" >> "$out/jmh.log" 2>&1; then
    tail -n 30 "$out/jmh.log" >&2
    echo "ab.sh: JMH failed on $bench ($label); see $out/jmh.log" >&2
    exit 1
  fi
  # CSV: "Benchmark","Mode","Threads","Samples","Score","Score Error (99.9%)","Unit","Param: x",...
  awk -F, -v tree="$label" -v round="$round" -v load="$load" '
    { sub(/\r$/, ""); for (i = 1; i <= NF; i++) gsub(/"/, "", $i) }   # JMH ends lines with \r\n
    NR == 1 { for (i = 8; i <= NF; i++) { name[i] = $i; sub(/^Param: /, "", name[i]) } next }
    {
      n = split($1, part, "."); params = ""
      for (i = 8; i <= NF; i++) params = params (params == "" ? "" : ",") name[i] "=" $i
      printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", tree, round, part[n - 1], (params == "" ? "-" : params), $5, $6, $7, load
    }' "$csv" >> "$out/results.tsv"
}
[ "${AB_JMH:-1}" = 0 ] && selected=""   # AB_JMH=0: only the CPU-time runs below
for b in $selected; do
  for ((r = 1; r <= rounds; r++)); do
    if ((r % 2 == 1)); then
      run "$base_tree" base "$r" "$b"; run "$root" head "$r" "$b"
    else
      run "$root" head "$r" "$b"; run "$base_tree" base "$r" "$b"
    fi
  done
done

# --- the lifecycle loops again, in the CPU time of their thread (src/ab/LifecycleCpuTime.java) ---
# Wall-clock JMH figures of the lifecycle rows move by tens of percent when other work shares the
# machine; the CPU time of the benchmark's thread much less. Each tree compiles the driver against
# its own jar; base/head/head/base per size, AB_CPU_PAIRS times (default 2). AB_CPU=0 skips this.
if [ "${AB_CPU:-1}" != 0 ]; then
  for t in base head; do
    tree=$([ "$t" = base ] && echo "$base_tree" || echo "$root")
    mkdir -p "$out/cpu-$t"
    "${JAVA_HOME:+$JAVA_HOME/bin/}javac" -encoding UTF-8 -nowarn -d "$out/cpu-$t" -cp "$(cp_of "$tree")" "$root/benchmarks/src/ab/LifecycleCpuTime.java" "$root/benchmarks/src/ab/PairedLoop.java"
  done
  cpu() { # label args...
    local label=$1; shift
    local tree=$([ "$label" = base ] && echo "$base_tree" || echo "$root")
    echo "$label $("$java" -Xms3g -Xmx3g -Xmn2500m -XX:+UseParallelGC -XX:+AlwaysPreTouch \
      -cp "$out/cpu-$label:$(cp_of "$tree")" LifecycleCpuTime "$@")"
  }
  : > "$out/cpu.txt"
  for ((p = 1; p <= ${AB_CPU_PAIRS:-2}; p++)); do
    for spec in "activation 30" "shared 1 200000" "shared 100 2000" "shared 10000 20"; do
      # shellcheck disable=SC2086 # the arguments are words
      { cpu base $spec; cpu head $spec; cpu head $spec; cpu base $spec; } | tee -a "$out/cpu.txt"
    done
  done
fi

# --- the lifecycle loops once more, base and head in one JVM (src/ab/Paired.java) ---
# Each tree's loop in a class loader of its own, sampled in turn: what else the machine does weighs
# on both samples of a round alike, and the quartiles of the per-round ratios are the steadiest
# figure of the three on a shared machine. AB_PAIRED=0 skips this; AB_PAIRED_ROUNDS (default 100).
if [ "${AB_PAIRED:-1}" != 0 ]; then
  jars_of() { # a tree's benchmark classes and jars, joined by ':' (a class loader takes no wildcard)
    local path="$1/benchmarks/target/classes" jar
    for jar in "$1"/benchmarks/target/lib/*.jar; do path="$path:$jar"; done
    echo "$path"
  }
  mkdir -p "$out/paired-loop" "$out/paired"
  "${JAVA_HOME:+$JAVA_HOME/bin/}javac" -encoding UTF-8 -nowarn -d "$out/paired-loop" -cp "$(cp_of "$root")" "$root/benchmarks/src/ab/PairedLoop.java"
  "${JAVA_HOME:+$JAVA_HOME/bin/}javac" -encoding UTF-8 -nowarn -d "$out/paired" "$root/benchmarks/src/ab/Paired.java"
  : > "$out/paired.txt"
  paired_rounds="${AB_PAIRED_ROUNDS:-100}"
  for spec in "40 1 activation" "$paired_rounds 100000 shared 1" "$paired_rounds 2000 shared 100" "$paired_rounds 20 shared 10000"; do
    # shellcheck disable=SC2086 # the arguments are words
    "$java" -Xms6g -Xmx6g -Xmn5g -XX:+UseParallelGC -XX:+AlwaysPreTouch -cp "$out/paired" Paired \
      "$out/paired-loop" "$(jars_of "$base_tree")" "$(jars_of "$root")" $spec | tee -a "$out/paired.txt"
  done
fi

load_end=$(cut -d ' ' -f 1-3 /proc/loadavg)
minutes=$(( ($(date +%s) - started + 30) / 60 ))
{
  echo "load average at end: $load_end"
  echo "duration: about $minutes min"
} | tee -a "$out/machine.txt"

# --- the table ---
awk -F '\t' -v base="$(git rev-parse --short "$base_commit")" -v head="$(git rev-parse --short "$head_commit")" \
    -v dirty="${changed:+ + uncommitted changes}" -v rounds="$rounds" '
  function fmt(x) {
    if (x >= 10000) return sprintf("%.0f", x)
    if (x >= 100) return sprintf("%.1f", x)
    if (x >= 10) return sprintf("%.2f", x)
    return sprintf("%.3f", x)
  }
  function what(b, p) {
    if (b == "ProxyCallBenchmark") return "host proxy call (score)"
    if (b == "IsLoadedBenchmark") return "isLoaded, 100 hosts × 50 modules"
    if (b == "HookDispatchBenchmark") { sub(/handlers=/, "", p); return "dispatch to " p " handler" (p == 1 ? "" : "s") }
    if (b == "SharedModuleBenchmark") { sub(/hosts=/, "", p); return "shared module onto " p " host" (p == 1 ? "" : "s") " and off" }
    if (b == "HostActivationBenchmark") return "activate + deactivate 10,000 hosts × 50 modules"
    return b " " p
  }
  function lifecycle(b) { return b == "SharedModuleBenchmark" || b == "HostActivationBenchmark" }
  NR == 1 { next }
  {
    k = $3 SUBSEP $4
    if (!(k in seen)) { seen[k] = 1; order[++n] = k; bench[k] = $3; par[k] = $4; unit[k] = $7 }
    c = ++cnt[k, $1]; v[k, $1, c] = $5 + 0
  }
  END {
    printf "A/B: base %s against head %s%s, %d rounds each, mean ± half the range between rounds.\n\n", base, head, dirty, rounds
    print "| benchmark | unit | base | head | head ÷ base | noise | target | met |"
    print "|---|---|--:|--:|--:|--:|---|---|"
    for (i = 1; i <= n; i++) {
      k = order[i]
      for (t = 0; t < 2; t++) {
        tree = t == 0 ? "base" : "head"; m = cnt[k, tree]; s = 0; lo = ""; hi = ""
        for (j = 1; j <= m; j++) { x = v[k, tree, j]; s += x; if (lo == "" || x < lo) lo = x; if (hi == "" || x > hi) hi = x }
        mean[tree] = m ? s / m : 0; half[tree] = m ? (hi - lo) / 2 : 0; have[tree] = m
      }
      u = unit[k]; sub(/\/op$/, "", u); sub(/^us$/, "µs", u)
      label = what(bench[k], par[k]) " (`" bench[k] (par[k] == "-" ? "" : " " par[k]) "`)"
      if (!have["base"] || !have["head"]) { printf "| %s | %s | n/a | n/a | | | | |\n", label, u; continue }
      ratio = mean["head"] / mean["base"]
      noise = half["base"] / mean["base"] + half["head"] / mean["head"]
      if (lifecycle(bench[k])) {
        target = "≤ 1.25×"
        met = ratio <= 1.25 ? "yes" : (ratio <= 1.25 + noise ? "no (within noise of 1.25×)" : "no")
      } else {
        target = "≤ 1.00× + noise"
        met = ratio <= 1.00 ? "yes" : (ratio <= 1.00 + noise ? "yes (within noise)" : "no")
      }
      printf "| %s | %s | %s ± %.1f%% | %s ± %.1f%% | %.2f× | %.1f%% | %s | %s |\n", label, u,
        fmt(mean["base"]), 100 * half["base"] / mean["base"], fmt(mean["head"]), 100 * half["head"] / mean["head"],
        ratio, 100 * noise, target, met
    }
  }' "$out/results.tsv" > "$out/table.md"
{ echo; sed 's/^/    /' "$out/machine.txt"; } >> "$out/table.md"

if [ -s "$out/cpu.txt" ]; then
  { echo; echo "CPU time of the lifecycle loops (LifecycleCpuTime; min and median per run):"; echo
    sed 's/^/    /' "$out/cpu.txt"; } >> "$out/table.md"
fi

if [ -s "$out/paired.txt" ]; then
  { echo; echo "Base and head in one JVM, sampled in turn (Paired; quartiles of the per-round ratios):"; echo
    sed 's/^/    /' "$out/paired.txt"; } >> "$out/table.md"
fi

echo
echo "== A/B table ($out/table.md)"
cat "$out/table.md"
