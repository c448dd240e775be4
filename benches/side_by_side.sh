#!/bin/bash
# Whole processes side by side: the analyst's reference pipeline, emograph before and now, at
# 100 000 and 1 000 000 cases × 30 touchpoints; then peak memory and the floor (`cat`).
# Usage: OLD=path/to/emograph-before NOW=path/to/emograph REF=../shared/bench/ref_pipeline.py \
#        benches/side_by_side.sh   (run in a scratch folder; writes the CSVs and outputs there)
set -euo pipefail
here=$(dirname "$0")
: "${OLD:?the emograph binary before the change}" "${NOW:?the emograph binary now}"
: "${REF:=../shared/bench/ref_pipeline.py}"
[ -f c100k.csv ] || python3 "$here/gen_cases.py" 100000 30 > c100k.csv
[ -f c1m.csv ] || python3 "$here/gen_cases.py" 1000000 30 > c1m.csv
uptime
for n in 100k 1m; do
  f=c$n.csv
  if [ $n = 100k ]; then runs="--runs 3 --warmup 1"; else runs="--runs 2 --warmup 1"; fi
  # shellcheck disable=SC2086
  hyperfine $runs --export-json "hf-$n.json" \
    "python3 $REF $f --k 3 --json ref3-$n.json --png ref3-$n.png" \
    "$OLD stats $f --format json > s-old-$n.json" \
    "$NOW stats $f --format json > s-now-$n.json" \
    "$OLD patterns $f --k 3 --format json > p3-old-$n.json" \
    "$NOW patterns $f --k 3 --format json > p3-now-$n.json" \
    "python3 $REF $f --k auto --json refa-$n.json --png refa-$n.png" \
    "$OLD patterns $f --k auto --format json > pa-old-$n.json" \
    "$NOW patterns $f --k auto --format json > pa-now-$n.json"
  uptime
done
for n in 100k 1m; do for v in s p3 pa; do
  cmp "$v-old-$n.json" "$v-now-$n.json" && echo "$v $n: the same output"
done; done
for v in OLD NOW; do
  bin=${!v}
  for args in "stats c1m.csv" "patterns c1m.csv --k 3" "patterns c1m.csv --k auto"; do
    # shellcheck disable=SC2086
    /usr/bin/time -f "$v $args: peak %M KiB" "$bin" $args --format json 2>&1 >/dev/null | tail -1
  done
done
/usr/bin/time -f "ref --k 3 c1m.csv: peak %M KiB" python3 "$REF" c1m.csv --k 3 --json /dev/null 2>&1 >/dev/null | tail -1
time cat c1m.csv > /dev/null
uptime
