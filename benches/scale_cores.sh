#!/usr/bin/env bash
# Issue 19: how the loader scales with cores, for a many-core machine (about 3–5 minutes
# on 16 cores). Not run yet: no such machine was at hand (BENCHMARKS.md).
#
# Run from the repository root with a release binary at target/release/cocite
# (`cargo build --release --no-default-features`; it needs only libc at run time, so a
# binary built elsewhere can be copied to the machine):
#
#   bash benches/scale_cores.sh     # or: BIN=path/to/cocite THREADS="2 4 8 16" bash ...
#
# 1. Generates 1,000,000 WoS records as 16 files of 62,500 (16 generators at once,
#    seeds 1–16; accession numbers never collide across seeds), timing it.
# 2. Runs `cocite stats` on the folder with RAYON_NUM_THREADS = 2, 4, 8, 16 (the
#    load: parse + parallel interning + reconcile, then the stats), printing wall time,
#    CPU time, peak RSS and cocite's own stage timings for each.
# 3. If time is left, the default map (`cocite network FOLDER`: g-index k=25, LRF 3,
#    L/N 10, Leiden, labels, centrality, ForceAtlas2) on 16 and 2 threads.
# Everything printed is also written to $OUT/scale.txt when $OUT is set (the device
# tool's output folder). Each run is capped with `timeout` so the whole stays within
# ~8 minutes.
set -euo pipefail

BIN=${BIN:-target/release/cocite}
THREADS=${THREADS:-"2 4 8 16"}
PER_FILE=${PER_FILE:-62500}   # records per file (16 files)
DATA=${DATA:-/tmp/cocite-scale-1m}
LOG=${OUT:-/tmp}/scale.txt
START=$(date +%s)

say() { echo "$*" | tee -a "$LOG"; }
: > "$LOG"

GEN=""
for g in ../shared/tools/gen_wos.py shared/tools/gen_wos.py; do
  [ -f "$g" ] && GEN=$g && break
done
[ -n "$GEN" ] || { say "gen_wos.py not found (../shared/tools or shared/tools)"; exit 1; }
[ -x "$BIN" ] || { say "no binary at $BIN"; exit 1; }

say "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); binary $BIN"

# Runs a command, prints wall s, CPU s (user+sys of the child) and peak RSS.
measure() {
  local label=$1; shift
  python3 - "$label" "$@" <<'PY' | tee -a "$LOG"
import resource, subprocess, sys, time
label, cmd = sys.argv[1], sys.argv[2:]
t = time.time()
p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
wall = time.time() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
stages = [l.strip() for l in p.stdout.splitlines() if l.lstrip().startswith(("time:", "records:"))]
print(f"{label}: exit {p.returncode}, wall {wall:.1f} s, cpu {ru.ru_utime + ru.ru_stime:.1f} s, "
      f"peak RSS {ru.ru_maxrss / 1048576:.2f} GiB")
for s in stages:
    print(f"    {s}")
if p.returncode != 0:
    print("\n".join(p.stdout.splitlines()[-5:]))
PY
}

mkdir -p "$DATA"
if [ "$(ls "$DATA"/part-*.txt 2>/dev/null | wc -l)" -ne 16 ]; then
  t0=$(date +%s.%N)
  for s in $(seq 1 16); do
    timeout 300 python3 "$GEN" --records "$PER_FILE" --seed "$s" --out "$DATA/part-$s.txt" --quiet &
  done
  wait
  t1=$(date +%s.%N)
  say "generated 16 x $PER_FILE records in $(python3 -c "print(round($t1 - $t0, 1))") s: $(du -sh "$DATA" | cut -f1)"
fi
cat "$DATA"/part-*.txt > /dev/null   # into the page cache, as on the development machine

for t in $THREADS; do
  RAYON_NUM_THREADS=$t measure "stats, $t threads" timeout 240 "$BIN" stats "$DATA"
done

elapsed=$(( $(date +%s) - START ))
if [ "$elapsed" -lt 300 ]; then
  RAYON_NUM_THREADS=16 measure "default map, 16 threads" \
    timeout 120 "$BIN" network "$DATA"
fi
elapsed=$(( $(date +%s) - START ))
if [ "$elapsed" -lt 360 ]; then
  RAYON_NUM_THREADS=2 measure "default map, 2 threads" \
    timeout 120 "$BIN" network "$DATA"
fi
say "total $(( $(date +%s) - START )) s"
