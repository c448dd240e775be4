#!/usr/bin/env bash
# Starts the real app on a bundled journey under Xvfb, waits for its window, takes a screenshot
# and fails if the window is missing or blank. Usage: smoke.sh BINARY [OUT.png]
set -euo pipefail
bin=${1:?binary}
out=${2:-${TMPDIR:-/tmp}/emograph-smoke.png}
work=$(mktemp -d)
export XDG_RUNTIME_DIR=$work/runtime XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

# -displayfd picks a free display number instead of a fixed :99.
exec 3< <(Xvfb -displayfd 1 -screen 0 1600x1000x24 -nolisten tcp 2>"$work/xvfb.log")
xvfb_pid=$!
read -r -t 20 display <&3 || { echo "Xvfb did not start:"; cat "$work/xvfb.log"; exit 1; }
export DISPLAY=:$display
cleanup() { kill "${app_pid:-}" "$xvfb_pid" 2>/dev/null || true; }
trap cleanup EXIT

"$bin" open journeys/cinema-evening.ron >"$work/app.log" 2>&1 &
app_pid=$!
window=""
for _ in $(seq 1 60); do
  window=$(xdotool search --name 'emograph' 2>/dev/null | head -n 1 || true)
  [ -n "$window" ] && break
  if ! kill -0 "$app_pid" 2>/dev/null; then echo "the app exited early:"; cat "$work/app.log"; exit 1; fi
  sleep 1
done
[ -n "$window" ] || { echo "no emograph window appeared within 60 s"; cat "$work/app.log"; exit 1; }
sleep 4 # let it lay out and paint a few frames
import -window root "$out"
colours=$(convert "$out" -format '%k' info:)
title=$(xdotool getwindowname "$window")
echo "window: $title; screenshot: $out; distinct colours: $colours"
case "$title" in *"emograph"*) ;; *) echo "unexpected window title"; exit 1 ;; esac
if [ "$colours" -lt 64 ]; then
  echo "the window looks blank ($colours colours)"; cat "$work/app.log"; exit 1
fi
echo "smoke test passed"
