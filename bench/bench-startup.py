#!/usr/bin/env python3
"""Time from starting landfall to its first painted window (median of N runs).

Needs a display (run under Xvfb, see README). Usage:
  python3 bench/bench-startup.py [BINARY] [RUNS]
The program is started with LANDFALL_EXIT_AFTER_FIRST_FRAME=1: it prints
"first-frame" after its first frame is painted, then quits.
"""
import os
import statistics
import subprocess
import sys
import time

binary = sys.argv[1] if len(sys.argv) > 1 else "build/src/landfall"
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 11
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    print("bench-startup: no display; run under Xvfb (see README)")
    sys.exit(77)

env = dict(os.environ, LANDFALL_EXIT_AFTER_FIRST_FRAME="1", GSETTINGS_BACKEND="memory")
times = []
for i in range(runs + 1):
    start = time.monotonic()
    p = subprocess.Popen([binary], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = p.stdout.readline()
    elapsed = time.monotonic() - start
    p.wait(timeout=30)
    if line.strip() != "first-frame":
        print("bench-startup: the program did not report a first frame")
        sys.exit(1)
    if i > 0:  # the first run warms the disk cache
        times.append(elapsed * 1000.0)
print(f"start to first drawn window: median {statistics.median(times):.0f} ms "
      f"(min {min(times):.0f}, max {max(times):.0f}, {runs} runs)")
