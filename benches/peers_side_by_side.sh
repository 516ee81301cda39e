#!/usr/bin/env bash
# Issue 19's side-by-side figures: cocite against the peers (../shared/peers) on the
# same input in one run, and optionally against an earlier cocite binary (OLD=...).
# Prints one block per command with wall, CPU and peak RSS (/usr/bin/time).
#
#   cargo build --release
#   DATA=/tmp/cocite-bench bash benches/peers_side_by_side.sh
#
# DATA must hold wos100k.txt and wos10k.txt (gen_wos.py --records N --seed 1), k2.ncol
# (peer_cocite.py wos10k.txt --tools plain --min-count 2 --edgelist k2.ncol) and, for the
# million-record rows, m1wos/ (1,000,000 records as 2,000 files of 500; gen_wos.py
# --records 1000000 --seed 1 --split-wos). Missing inputs are generated, except m1wos.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
NEW=${NEW:-$ROOT/target/release/cocite}
OLD=${OLD:-}
DATA=${DATA:-/tmp/cocite-bench}
PY=$("$SHARED/peers/setup.sh")
P=$SHARED/peers
mkdir -p "$DATA" && cd "$DATA" || exit 1
for n in 100000 10000; do
  f=wos$((n / 1000))k.txt
  [ -f "$f" ] || python3 "$SHARED/tools/gen_wos.py" --records $n --seed 1 --out "$f" --quiet
done
[ -f k2.ncol ] || "$PY" "$P/peer_cocite.py" wos10k.txt --tools plain --min-count 2 --edgelist k2.ncol > /dev/null
t() {
  local label=$1; shift
  echo "== $label: $*"
  /usr/bin/time -f "   -> wall %e s, user %U s, sys %S s, peak RSS %M KB" "$@" 2>&1 |
    grep -E "^time:|wall|seconds|selected|note: (silh|betw)"
}
both() { # label, then cocite arguments: the new binary, then the old one if given
  local label=$1; shift
  t "$label: cocite" "$NEW" "$@"
  [ -n "$OLD" ] && t "$label: cocite (OLD)" "$OLD" "$@"
}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB, $(date -u)"
for _ in 1 2; do
  both "read 100k" stats wos100k.txt
  t "read 100k: wosfile" "$PY" "$P/peer_parse.py" wos100k.txt --tools wosfile --touch-cr
done
CO="--slice 31 --select threshold:10,1,0 --measure raw --cluster none --no-centrality --layout none"
for _ in 1 2; do
  # shellcheck disable=SC2086
  both "co-citation 100k, cited >= 10" network wos100k.txt $CO
  t "co-citation 100k, cited >= 10: plain" "$PY" "$P/peer_cocite.py" wos100k.txt --tools plain --min-count 10
done
K2="--slice 31 --select threshold:2,1,0 --measure raw --layout none --no-centrality --lrf -1 --links-per-node -1"
# shellcheck disable=SC2086
both "34k/3.3M clusters + silhouettes + labels" network wos10k.txt $K2
t "34k/3.3M clusters: igraph louvain" "$PY" "$P/peer_cluster.py" k2.ncol --tools louvain
both "betweenness on by default (10k, cited >= 2)" network wos10k.txt --slice 31 --select threshold:2,1,0 --layout none
if [ -d m1wos ]; then
  both "1M records (2,000 files of 500), default map" network m1wos --out "$DATA/m1map.svg"
fi
