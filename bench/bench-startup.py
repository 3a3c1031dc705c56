#!/usr/bin/python3
"""Time from starting landfall to its first painted window, and its peak
memory; side by side with GNOME Calculator when it is installed.

Needs an X display (Xvfb) and python3-xlib; run with Debian's /usr/bin/python3.
Usage:
  bench/bench-startup.py [--runs N] [--settle S] [--no-calculator] [--scenario FILE] [BINARY] [RUNS]

Each run starts the program in a private D-Bus session and XDG folders and
watches the X server: "mapped" is the MapNotify of its first top-level window,
"painted" the first drawing into it that is a frame (rows of more than one
colour, not the server's background fill). The same watch serves both
programs. After the frame the program is left SETTLE seconds (default 1) to
finish what it starts in the background, then its peak resident set (VmHWM)
is read and it is terminated. Runs alternate Landfall/Calculator and
Calculator/Landfall; one warm-up run of each is dropped. The renderer is
whatever GSK_RENDERER says (unset: GTK's default); it is printed. "faults"
counts the main thread's page faults until the frame: memory touched for the
first time (libraries relocated, the heap grown, the frame's shared image),
kernel work that callgrind's instruction counts leave out.
"""
import argparse
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xbench  # noqa: E402

ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
ap.add_argument("binary", nargs="?", default="build/src/landfall")
ap.add_argument("runs_pos", nargs="?", type=int, metavar="RUNS")
ap.add_argument("--runs", type=int, default=11)
ap.add_argument("--settle", type=float, default=1.0,
                help="seconds after the first frame before memory is read (default 1)")
ap.add_argument("--no-calculator", action="store_true")
ap.add_argument("--scenario", metavar="FILE",
                help="a scenario file every Landfall run opens (as bench/profile-startup.py does)")
ap.add_argument("--landfall-env", action="append", default=[], metavar="VAR=VALUE",
                help="extra environment for Landfall only (e.g. an A/B switch)")
ap.add_argument("--also", action="append", default=[], metavar="NAME=BINARY",
                help="another Landfall build to run in the same interleaving (e.g. old=/tmp/old/landfall)")
ap.add_argument("--also-env", action="append", default=[], metavar="NAME:VAR=VALUE",
                help="environment for an --also Landfall (e.g. an A/B switch)")
args = ap.parse_args()
runs = args.runs_pos or args.runs

xbench.enter_session()

binary = os.path.abspath(args.binary)
if not os.access(binary, os.X_OK):
    xbench.fail(f"{binary} is not built")
build_dir = os.path.dirname(os.path.dirname(os.path.dirname(binary)))

programs = []  # (label, argv, env)
base_env = dict(os.environ)
base_env.pop("LANDFALL_BENCH_OUT_FD", None)


def landfall_env(bin_path, extra):
    env = xbench.with_schema(bin_path, base_env)
    for kv in extra:
        k, _, v = kv.partition("=")
        env[k] = v
    return env


scenario = [os.path.abspath(args.scenario)] if args.scenario else []
programs.append(("landfall", [binary] + scenario, landfall_env(binary, args.landfall_env)))
for spec in args.also:
    name, _, path = spec.partition("=")
    extra = [e.split(":", 1)[1] for e in args.also_env if e.split(":", 1)[0] == name]
    programs.append((name, [os.path.abspath(path)] + scenario, landfall_env(os.path.abspath(path), extra)))
calc = shutil.which("gnome-calculator")
if calc and not args.no_calculator:
    programs.append(("gnome-calculator", [calc], dict(base_env)))

screen = xbench.Screen()
results = {label: {"map": [], "paint": [], "hwm": [], "cpu": [], "run": [], "wait": [], "faults": []}
           for label, _, _ in programs}
for i in range(runs + 1):
    order = programs if i % 2 == 0 else list(reversed(programs))
    for label, argv, env in order:
        proc, win, t_map, t_paint = xbench.launch_and_wait_painted(screen, argv, env)
        cpu = xbench.cpu_ms(proc.pid)
        main_run, main_wait = xbench.main_thread_ms(proc.pid)
        faults = xbench.main_thread_faults(proc.pid)
        time.sleep(args.settle)
        hwm, rss = xbench.memory_kb(proc.pid)
        xbench.stop(proc)
        if i == 0:  # warms the disk cache, the session's portal and accessibility bus
            continue
        r = results[label]
        r["map"].append(t_map)
        r["paint"].append(t_paint)
        r["cpu"].append(cpu)
        r["run"].append(main_run)
        r["wait"].append(main_wait)
        r["faults"].append(faults)
        r["hwm"].append(hwm / 1024.0)

out = xbench.out
renderer = os.environ.get("GSK_RENDERER", "(GTK default)")
out(f"start to first painted window: {runs} runs each, interleaved; GSK_RENDERER={renderer}")
out("(medians; main thread: its time on a CPU / waiting for one until the frame, and its page "
    "faults by then; CPU: the whole process's, 10 ms ticks)")
out(f"{'':18} {'mapped':>8} {'painted':>8} {'p10-p90 painted':>16} {'main thread':>15} {'faults':>7} {'CPU':>7} "
    f"{'peak RSS':>9}")
for label, _, _ in programs:
    r = results[label]
    out(f"{label:18} {xbench.median(r['map']):6.0f}ms {xbench.median(r['paint']):6.0f}ms "
        f"{xbench.pct(r['paint'], 10):7.0f}-{xbench.pct(r['paint'], 90):<5.0f}ms "
        f"{xbench.median(r['run']):6.0f}/{xbench.median(r['wait']):<4.0f}ms "
        f"{xbench.median(r['faults']):7.0f} "
        f"{xbench.median(r['cpu']):5.0f}ms {xbench.median(r['hwm']):6.1f} MB")
if "gnome-calculator" in results:
    c = results["gnome-calculator"]
    for label, _, _ in programs[:-1]:
        r = results[label]
        out(f"{label + ' / calculator':30} mapped {xbench.median(r['map']) / xbench.median(c['map']):.2f}  "
            f"painted {xbench.median(r['paint']) / xbench.median(c['paint']):.2f}  "
            f"main thread {xbench.median(r['run']) / xbench.median(c['run']):.2f}  "
            f"faults {xbench.median(r['faults']) / xbench.median(c['faults']):.2f}  "
            f"CPU {xbench.median(r['cpu']) / xbench.median(c['cpu']):.2f}  "
            f"peak RSS {xbench.median(r['hwm']) / xbench.median(c['hwm']):.2f}")
else:
    out("(gnome-calculator is not installed: no comparison)")
