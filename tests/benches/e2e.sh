#!/bin/sh
# End-to-end timing of the release binary (issue 7): `report --format json` at 1k/10k/100k
# generated gaps and cold start to the first frame. Needs hyperfine (apt-get install
# hyperfine) and GNU time (/usr/bin/time). Usage: sh tests/benches/e2e.sh [OUT_DIR]
set -eu
out=${1:-${TMPDIR:-/tmp}/gapdeck-e2e}
mkdir -p "$out"
cargo build --release --quiet --bin gapdeck --example genplan
bin=target/release/gapdeck
for n in 1000 10000 100000; do
    [ -s "$out/plan-$n.ron" ] || target/release/examples/genplan "$n" > "$out/plan-$n.ron"
done
for n in 1000 10000 100000; do
    hyperfine --warmup 3 --runs 30 --style basic --export-json "$out/report-$n.json" \
        "$bin report $out/plan-$n.ron --format json > /dev/null"
    # Peak memory and CPU time of one run (kilobytes, seconds).
    /usr/bin/time -f "$n gaps: max RSS %M KB, user %U s, sys %S s, wall %e s" \
        "$bin" report "$out/plan-$n.ron" --format json > /dev/null
done
