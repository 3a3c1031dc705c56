#!/usr/bin/python3
"""Where the window's work after a key press goes, in instructions: Landfall
under callgrind, its China tariff slider pressed Right and Left.

Needs an X display (Xvfb), valgrind, xdotool and python3-pyatspi; run with
Debian's /usr/bin/python3. Usage:
  bench/profile-input.py [--presses N] [--scenario FILE] [--out DIR] [BINARY]

Times on this shared machine drift; instruction counts do not (the same
binary and the same presses count the same), so two builds, or two ways of
drawing, compare here where bench-input.py's milliseconds cannot tell them
apart. The window opens bench/input.landfall (as bench-input.py does) under
`valgrind --tool=callgrind --separate-threads=yes` with counting off; the
keyboard focus goes to the slider by Tab (checked over AT-SPI); counting is
switched on for the presses only, each followed by a pause long enough for
its frames and its band's (callgrind runs the program some 50 times
slower). Prints, for the main thread, the instructions per press and per
rendered frame of the parts that matter (render, chart recording, layout,
the model, labels) and leaves the profile in --out for callgrind_annotate.
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
ap.add_argument("--presses", type=int, default=20)
ap.add_argument("--pause", type=float, default=5.0, help="seconds after each press (default 5)")
ap.add_argument("--scenario", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                   "input.landfall"))
ap.add_argument("--out", default="callgrind-input", help="folder for the profile (default callgrind-input)")
args = ap.parse_args()

for tool in ("valgrind", "callgrind_control", "callgrind_annotate", "xdotool"):
    if shutil.which(tool) is None:
        xbench.skip(f"{tool} is missing (Debian: valgrind, xdotool)")
out_dir = os.path.abspath(args.out)
binary = os.path.abspath(args.binary)
scenario = os.path.abspath(args.scenario)
xbench.enter_session()

try:
    import pyatspi  # noqa: F401 (used by xbench.find_app and friends; checked here to skip early)
except ImportError:
    xbench.skip("python3-pyatspi is missing (Debian: apt-get install python3-pyatspi)")

os.makedirs(out_dir, exist_ok=True)
prefix = os.path.join(out_dir, "callgrind.out")
for name in os.listdir(out_dir):
    if name.startswith("callgrind.out"):
        os.unlink(os.path.join(out_dir, name))
env = xbench.with_schema(binary, dict(os.environ, GTK_A11Y="atspi", LC_ALL=os.environ.get("LC_ALL", "en_US.UTF-8")))
env.setdefault("GSK_RENDERER", "cairo")
proc = subprocess.Popen(["valgrind", "--tool=callgrind", "--instr-atstart=no", "--separate-threads=yes",
                         f"--callgrind-out-file={prefix}", binary, scenario],
                        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


try:
    app = xbench.find_app(proc.pid, timeout=300.0, poll=1.0)
    time.sleep(10)   # the map's first drawing, the first bands
    slider = xbench.find_slider(app, "Tariff on China-built EVs")
    subprocess.run(["xdotool", "search", "--sync", "--pid", str(proc.pid), "--onlyvisible",
                    "windowactivate", "--sync"], check=False, timeout=60,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(80):
        if xbench.focused(slider):
            break
        subprocess.run(["xdotool", "key", "Tab"], check=True)
        time.sleep(1.0)
    if not xbench.focused(slider):
        xbench.fail("could not move the keyboard focus to the China tariff slider")
    for k in ("Right", "Left"):   # warm: the first press builds what later ones reuse
        subprocess.run(["xdotool", "key", k], check=True)
        time.sleep(args.pause * 2)
    subprocess.run(["callgrind_control", "-i", "on", str(proc.pid)], check=True, stdout=subprocess.DEVNULL)
    for i in range(args.presses):
        subprocess.run(["xdotool", "key", "Right" if i % 2 == 0 else "Left"], check=True)
        time.sleep(args.pause)
    subprocess.run(["callgrind_control", "-i", "off", str(proc.pid)], check=True, stdout=subprocess.DEVNULL)
    # Slow under callgrind, the accessibility bus may lag behind: ask for a while.
    for _ in range(30):
        if xbench.focused(slider):
            break
        time.sleep(1.0)
    else:
        xbench.fail("the slider lost the keyboard focus")
    # What was counted, written now (one file a thread), before the program goes.
    subprocess.run(["callgrind_control", "--dump=presses", str(proc.pid)], check=True,
                   stdout=subprocess.DEVNULL)
finally:
    proc.kill()
    proc.wait()

# The main thread's file is the first one callgrind writes (thread 1).
main_file = next((os.path.join(out_dir, n) for n in sorted(os.listdir(out_dir))
                  if re.fullmatch(r"callgrind\.out(\.\d+)?-0*1", n)
                  and os.path.getsize(os.path.join(out_dir, n)) > 0), None)
if main_file is None:
    xbench.fail(f"callgrind wrote no profile of the main thread in {out_dir}")
report = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--tree=calling", "--threshold=100", main_file],
                        capture_output=True, text=True).stdout

total = xbench.callgrind_total(report)

PARTS = [
    ("rendering (GSK, cairo)", r"gsk_renderer_render"),
    ("frame begun (scratch surface)", r"gdk_draw_context_begin_frame"),
    ("charts recorded", r"lf_chart_view_snapshot"),
    ("layout (measure)", r"gtk_widget_measure"),
    ("the model (commit_edit)", r"lf_document_commit_edit"),
    ("labels set", r"gtk_label_set_text"),
]


def calls_and_cost(func):
    """Inclusive cost and call count of FUNC as a callee ("> ... FUNC (Nx)")."""
    cost = calls = 0
    for line in report.splitlines():
        mm = re.match(r"\s*([\d,]+) \([^)]*\)\s+>\s+\S*:" + func + r" \((\d+)x\)", line)
        if mm:
            cost += int(mm.group(1).replace(",", ""))
            calls += int(mm.group(2))
    return cost, calls


frames = calls_and_cost("gsk_renderer_render")[1]
xbench.out(f"main thread over {args.presses} presses: {total / 1e6:.0f} M instructions, "
           f"{total / max(args.presses, 1) / 1e6:.1f} M a press; {frames} frames rendered")
xbench.out(f"{'':32} {'M a press':>10} {'M a frame':>10} {'calls':>7}")
for label, func in PARTS:
    cost, calls = calls_and_cost(func)
    xbench.out(f"{label:32} {cost / args.presses / 1e6:10.2f} {cost / max(frames, 1) / 1e6:10.2f} {calls:7d}")
xbench.out(f"profile: {main_file} (callgrind_annotate --inclusive=yes {main_file})")
