#!/usr/bin/python3
"""Start-up to the first frame, in instructions: Landfall and GNOME
Calculator under callgrind, counted until each has drawn its first frame.

Needs an X display (Xvfb) and valgrind; run with Debian's /usr/bin/python3.
Usage:
  bench/profile-startup.py [--no-calculator] [--scenario FILE] [--out DIR] [BINARY]

bench-startup.py times start-up, and on this shared machine its runs swing by
tens of milliseconds; instruction counts do not (the same binary, the same
files count the same), so two builds, or Landfall and Calculator, compare
here to the percent. Each program runs under `valgrind --tool=callgrind
--separate-threads=yes --dump-after=gdk_draw_context_end_frame`: the first
dump holds everything its main thread did from exec until the first frame
was drawn and handed to the display (start-up, the window built, styled,
laid out, recorded and drawn). The program is then stopped. Prints, for each main thread, the instructions and the parts that
differ most between the two programs, and leaves the profiles in --out for
callgrind_annotate.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xbench  # noqa: E402

ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
ap.add_argument("binary", nargs="?", default="build/src/landfall")
ap.add_argument("--no-calculator", action="store_true")
ap.add_argument("--scenario", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                   "input.landfall"),
                help="the file Landfall opens (default bench/input.landfall; \"\" for none)")
ap.add_argument("--out", default="callgrind-startup", help="folder for the profiles (default callgrind-startup)")
args = ap.parse_args()

for tool in ("valgrind", "callgrind_annotate"):
    if shutil.which(tool) is None:
        xbench.skip(f"{tool} is missing (Debian: valgrind)")
out_dir = os.path.abspath(args.out)
binary = os.path.abspath(args.binary)
scenario = os.path.abspath(args.scenario)
if not os.access(binary, os.X_OK):
    xbench.fail(f"{binary} is not built")
xbench.enter_session()
os.makedirs(out_dir, exist_ok=True)

env = dict(os.environ, LC_ALL=os.environ.get("LC_ALL", "en_US.UTF-8"))
env.setdefault("GSK_RENDERER", "cairo")
programs = []
landfall_env = xbench.with_schema(binary, env)
programs.append(("landfall", [binary] + ([scenario] if args.scenario else []), landfall_env))
calc = shutil.which("gnome-calculator")
if calc and not args.no_calculator:
    programs.append(("gnome-calculator", [calc], dict(env)))

# What is reported: the main thread's whole count, and these parts of it
# (inclusive, outermost call).
PARTS = [
    ("GTK and GDK start (gtk_init)", "gtk_init"),
    ("libadwaita start (adw_init)", "adw_init"),
    ("style sheets loaded", "gtk_css_provider_load_from_resource"),
    ("templates built", "gtk_widget_init_template"),
    ("window shown (gtk_window_present)", "gtk_window_present"),
    ("sizes measured (outermost)", "gtk_widget_measure"),
    ("allocated (outermost)", "gtk_widget_allocate"),
    ("text laid out (pango_layout_get_size)", "pango_layout_get_size"),
    ("text shaped (pango_shape_item)", "pango_shape_item"),
    ("icons looked up", "gtk_icon_theme_lookup_icon"),
    ("the frame recorded (snapshot)", "gtk_widget_snapshot_child"),
    ("the frame drawn (GSK, cairo)", "gsk_renderer_render"),
]


def profile(name, argv, penv):
    prefix = os.path.join(out_dir, f"callgrind.{name}.out")
    for f in os.listdir(out_dir):
        if f.startswith(os.path.basename(prefix)):
            os.unlink(os.path.join(out_dir, f))
    proc = subprocess.Popen(["valgrind", "--tool=callgrind", "--separate-threads=yes",
                             "--dump-after=gdk_draw_context_end_frame",
                             f"--callgrind-out-file={prefix}"] + argv,
                            env=penv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    main_file = None
    try:
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline and proc.poll() is None:
            # The first dump, the main thread's file: PREFIX.1-01.
            cand = prefix + ".1-01"
            if os.path.exists(cand) and os.path.getsize(cand) > 0:
                time.sleep(1.0)  # written whole
                main_file = cand
                break
            time.sleep(0.5)
    finally:
        proc.kill()
        proc.wait()
    if main_file is None:
        xbench.fail(f"{name}: callgrind wrote no dump after the first frame in {out_dir}")
    report = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", main_file],
                            capture_output=True, text=True).stdout
    total = xbench.callgrind_total(report)
    parts = {}
    for _, func in PARTS:
        mm = re.search(r"^\s*([\d,]+) \([^)]*\)\s+\S*:" + re.escape(func) + r" \[", report, re.M)
        parts[func] = int(mm.group(1).replace(",", "")) if mm else 0
    return total, parts, main_file


results = [(name,) + profile(name, argv, penv) for name, argv, penv in programs]
out = xbench.out
out(f"main thread from exec to its first frame drawn, in instructions "
    f"(callgrind; GSK_RENDERER={env['GSK_RENDERER']})")
out(f"{'':40}" + "".join(f"{name:>18}" for name, *_ in results))
out(f"{'all of it':40}" + "".join(f"{total / 1e6:16.1f} M" for _, total, _, _ in results))
for label, func in PARTS:
    out(f"{label:40}" + "".join(f"{parts[func] / 1e6:16.1f} M" for _, _, parts, _ in results))
if len(results) == 2 and results[1][1]:
    out(f"landfall / calculator: {results[0][1] / results[1][1]:.3f}")
for name, _, _, path in results:
    out(f"profile of {name}: {path}")
