#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 600) one after the other, each with its
# committed seeds (fuzz/seeds/<target>) and a working corpus (fuzz/corpus/<target>,
# not committed). Needs cargo-fuzz (`cargo install cargo-fuzz`); RUSTC_BOOTSTRAP=1 lets
# the stable toolchain accept the -Z flags cargo-fuzz passes (sanitizer, coverage).
# Usage (from fuzz/): ./run_all.sh [SECONDS] [TARGET...]
set -u
secs=${1:-600}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(RUSTC_BOOTSTRAP=1 cargo fuzz list)
fi
status=0
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t" "seeds/$t"
    echo "== $t: ${secs}s"
    if ! RUSTC_BOOTSTRAP=1 cargo fuzz run -O "$t" "corpus/$t" "seeds/$t" -- \
        -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 2>&1 \
        | tee "logs/$t.log" | grep -E "^(#[0-9]+\s+DONE|Done|==[0-9]+==ERROR|SUMMARY|stat::number_of_executed_units|stat::peak_rss_mb)"; then
        :
    fi
    if grep -qE "ERROR: libFuzzer|==ERROR|panicked|SUMMARY: libFuzzer" "logs/$t.log"; then
        echo "!! $t found a crash: see logs/$t.log and artifacts/$t/"
        status=1
    fi
done
exit $status
