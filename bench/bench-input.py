#!/usr/bin/python3
"""From a key press to the moment the chart's pixels change on screen:
Landfall's China tariff slider against a digit typed into GNOME Calculator.

Needs an X display (Xvfb), python3-xlib and python3-pyatspi; run with
Debian's /usr/bin/python3. Usage:
  bench/bench-input.py [--presses N] [--block N] [--no-calculator] [BINARY]

Both programs run at once in one private D-Bus session, with GSK_RENDERER=cairo
(unless set otherwise). Landfall opens bench/input.landfall: the connected-
vehicle rule waived and the China tariff at 27.5 %, so every step of the
slider moves the share chart (under current policy the rule bars Chinese
makers and the slider changes nothing on screen). The slider gets the keyboard
focus by Tab, checked over AT-SPI by its accessible name; Calculator sits in
the screen's bottom-right corner, clear of the share chart.

Each press: wait until the screen has been still for a moment, copy the
watched region, send the key through XTEST, and on every drawing the X
server reports (DAMAGE) compare the region again; the first difference ends
the press. Landfall alternates Right and Left (27.5 % <-> 30 %), Calculator
"1" and BackSpace, and the region is the share chart (its bounds come from
LANDFALL_TRACE) or Calculator's display. Blocks of presses alternate between
the two programs. Landfall's trace splits its presses into the key's
handling (model, band, chart data), the wait for the frame, layout, drawing
the charts, the rest of the frame, and the copy to the screen. A build with
extra lf_trace ("mark NAME") calls (a scratch build, to split the handling
further) gets the main thread's CPU from the key to each mark as well.
"""
import argparse
import os
import random
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import xbench  # noqa: E402

ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
ap.add_argument("binary", nargs="?", default="build/src/landfall")
ap.add_argument("--presses", type=int, default=120, help="measured presses per program (default 120)")
ap.add_argument("--block", type=int, default=20, help="presses in a row before switching program")
ap.add_argument("--no-calculator", action="store_true")
ap.add_argument("--scenario", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                   "input.landfall"))
ap.add_argument("--quiet-ms", type=float, default=120.0,
                help="the screen is still this long before a press (default 120)")
ap.add_argument("--away", action="store_true",
                help="one unmeasured step first, so that no press returns the scenario to its file's "
                     "value (which changes the window's title and subtitle back and forth)")
ap.add_argument("--landfall-env", action="append", default=[], metavar="VAR=VALUE")
ap.add_argument("--also", action="append", default=[], metavar="NAME=BINARY",
                help="another Landfall (an older build, say) measured in the same run, block by block")
ap.add_argument("--also-env", action="append", default=[], metavar="NAME:VAR=VALUE",
                help="environment for an --also Landfall (e.g. an A/B switch)")
args = ap.parse_args()

xbench.enter_session()

try:
    import pyatspi  # noqa: F401 (used by xbench.find_app and friends; checked here to skip early)
except ImportError:
    xbench.skip("python3-pyatspi is missing (Debian: apt-get install python3-pyatspi)")
from Xlib import X, XK  # noqa: E402
from Xlib.ext import xtest  # noqa: E402

out = xbench.out
binary = os.path.abspath(args.binary)
if not os.access(binary, os.X_OK):
    xbench.fail(f"{binary} is not built")

env = dict(os.environ)
env.pop("LANDFALL_BENCH_OUT_FD", None)
env.setdefault("GSK_RENDERER", "cairo")
env.update(GTK_A11Y="atspi", NO_AT_BRIDGE="0", GTK_USE_PORTAL="0")
trace_path = os.path.join(xbench.WORK, "trace.txt")
lf_env = xbench.with_schema(binary, dict(env, LANDFALL_TRACE=trace_path))
for kv in args.landfall_env:
    k, _, v = kv.partition("=")
    lf_env[k] = v

screen = xbench.Screen()
d = screen.d
procs = []


def keycode(name):
    return d.keysym_to_keycode(XK.string_to_keysym(name))


def press(name):
    code = keycode(name)
    xtest.fake_input(d, X.KeyPress, code)
    d.flush()
    return code


def release(code):
    xtest.fake_input(d, X.KeyRelease, code)
    d.flush()


def wait_quiet(quiet_s, limit_s=3.0):
    """Until no drawing has been reported for quiet_s (at most limit_s)."""
    d.flush()
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        got = False
        for _, ev in screen.events(quiet_s):
            got = True
            break
        if not got:
            return True
    return False


def grab(win, rect):
    x, y, w, h = rect
    return screen.grab_rows(win, x, y, w, h)


def wait_changed(win, rect, before, t0, timeout=2.0):
    """ms from t0 to the first drawing after which rect differs from before."""
    for now, ev in screen.events(timeout):
        if screen.is_damage(ev):
            img = grab(win, rect)
            if img is not None and img != before:
                return (now - t0) * 1000.0
    return None


def focus(win):
    win.set_input_focus(X.RevertToParent, X.CurrentTime)
    d.sync()


def read_trace():
    """(time ms, what, main-thread CPU ms or None) per line: "<µs> <CPU µs> <what>"
    (a build from before the CPU column writes "<µs> <what>")."""
    events = []
    try:
        with open(trace_path) as f:
            for line in f:
                t, _, rest = line.rstrip("\n").partition(" ")
                cpu, _, what = rest.partition(" ")
                if cpu.isdigit():
                    events.append((int(t) / 1000.0, what, int(cpu) / 1000.0))
                else:
                    events.append((int(t) / 1000.0, rest, None))
    except OSError:
        pass
    return events


def breakdown(lf):
    """Landfall's presses, phase by phase, from its trace: the clock's time
    and, where the build writes it, the main thread's CPU time (its work
    alone, without waiting or being preempted on a busy machine)."""
    events = lf.trace_events
    phases = {k: [] for k in ("deliver", "handle", "wait", "layout", "charts", "paint", "show")}
    cpu = {k: [] for k in ("handle", "layout", "paint")}
    charts = {}
    marks = {}
    for t0, t1 in lf.presses:
        ev = [e for e in events if t0 - 1 <= e[0] <= t1 + 1]
        try:
            key = next(e for e in ev if e[1].startswith("key-press"))
            hand = next(e for e in ev if e[1] == "key-handled" and e[0] >= key[0])
            before = next(e for e in ev if e[1] == "frame-before-paint" and e[0] >= hand[0])
            layout = next(e for e in ev if e[1] == "frame-layout" and e[0] >= before[0])
            paint = next(e for e in ev if e[1] == "frame-paint" and e[0] >= layout[0])
        except StopIteration:
            continue
        t_key, t_hand, t_before, t_layout, t_paint = key[0], hand[0], before[0], layout[0], paint[0]
        draws = [(t, w) for t, w, _ in ev if t_layout <= t <= t_paint and w.startswith("chart-draw")]
        begin = {}
        total = 0.0
        for t, w in draws:
            kind = w.split()[1]
            if w.startswith("chart-draw-begin"):
                begin[kind] = t
            elif kind in begin:
                charts.setdefault(kind, []).append(t - begin.pop(kind))
                total += charts[kind][-1]
        phases["deliver"].append(t_key - t0)
        phases["handle"].append(t_hand - t_key)
        phases["wait"].append(t_before - t_hand)
        phases["layout"].append(t_layout - t_before)
        phases["charts"].append(total)
        phases["paint"].append(t_paint - t_layout - total)
        phases["show"].append(t1 - t_paint)
        # "mark NAME" lines a scratch build writes while handling the key:
        # the main thread's CPU from the key to each.
        marks.setdefault("(key-handled)", []).append(hand[2] - key[2])
        for t, w, c in ev:
            if w.startswith("mark ") and key[0] <= t <= paint[0] and c is not None and key[2] is not None:
                marks.setdefault(w[5:], []).append(c - key[2])
        if None not in (key[2], hand[2], before[2], layout[2], paint[2]):
            cpu["handle"].append(hand[2] - key[2])
            cpu["layout"].append(layout[2] - before[2])
            cpu["paint"].append(paint[2] - layout[2])
    if phases["handle"]:
        out(f"{lf.name}, where a press goes ({len(phases['handle'])} traced presses; median, p90 in ms"
            + ("; main thread's CPU median, p90" if cpu["handle"] else "") + "):")
        labels = {
            "deliver": "key sent -> key event in the window (X, GDK)",
            "handle": "key event -> handled (model, labels, chart data)",
            "wait": "handled -> frame starts (frame clock)",
            "layout": "frame start -> layout done",
            "charts": "charts drawn (cairo, in snapshot)",
            "paint": "rest of snapshot + render",
            "show": "render done -> pixels seen by X client",
        }
        for k, label in labels.items():
            line = f"  {label:58} {xbench.median(phases[k]):5.1f} {xbench.pct(phases[k], 90):5.1f}"
            if k in cpu and cpu[k]:
                line += f"   cpu {xbench.median(cpu[k]):5.1f} {xbench.pct(cpu[k], 90):5.1f}"
            out(line)
        if cpu["paint"]:
            out("    (cpu of \"rest of snapshot + render\" includes the charts' drawing)")
        for kind, v in charts.items():
            out(f"    chart {kind:10} {xbench.median(v):5.1f} {xbench.pct(v, 90):5.1f} ({len(v)} draws)")
        for name, v in marks.items():
            out(f"    key event -> mark {name:30} cpu {xbench.median(v):5.2f} {xbench.pct(v, 90):5.2f} ({len(v)})")


class Landfall:
    """One Landfall build (or environment) under test. Only one runs at a time:
    each covers the whole screen."""

    def __init__(self, name, binary, extra):
        self.name, self.binary = name, binary
        self.env = xbench.with_schema(binary, lf_env)
        for kv in extra:
            k, _, v = kv.partition("=")
            self.env[k] = v
        self.proc = None
        self.trace_events = []
        self.presses = []

    def start(self):
        if os.path.exists(trace_path):
            os.unlink(trace_path)
        self.proc, self.win, _, _ = xbench.launch_and_wait_painted(
            screen, [self.binary, args.scenario], self.env)
        procs.append(self.proc)
        app = xbench.find_app(self.proc.pid)
        self.slider = xbench.find_slider(app, "Tariff on China-built EVs")
        g = self.win.get_geometry()
        # The pointer rests on the title, away from buttons with tooltips and the charts.
        xtest.fake_input(d, X.MotionNotify, x=g.width // 2, y=12)
        focus(self.win)
        for _ in range(60):
            if xbench.focused(self.slider):
                break
            code = press("Tab")
            release(code)
            time.sleep(0.15)
        if not xbench.focused(self.slider):
            xbench.fail("could not move the keyboard focus to the China tariff slider")
        wait_quiet(0.3)
        if args.away:
            release(press("Right"))
            wait_quiet(0.3)
        share = None
        for t, what, _ in read_trace():
            if what.startswith("chart-bounds share "):
                share = tuple(int(v) for v in what.split()[2:6])
        if share is None:
            xbench.fail("Landfall wrote no chart bounds (LANDFALL_TRACE)")
        self.share = share
        # A margin in, off the frame the style may draw.
        self.rect = (share[0] + 2, share[1] + 2, share[2] - 4, share[3] - 4)

    def stop(self):
        if self.proc is not None:
            xbench.stop(self.proc)
            procs.remove(self.proc)
            self.proc = None
            self.trace_events += read_trace()


try:
    landfalls = [Landfall("landfall", binary, [])]
    for spec in args.also:
        name, _, path = spec.partition("=")
        extra = [e.split(":", 1)[1] for e in args.also_env if e.split(":", 1)[0] == name]
        landfalls.append(Landfall(name, os.path.abspath(path), extra))
    landfalls[0].start()
    share = landfalls[0].share

    # ---- Calculator, in the bottom-right corner ----
    calc_bin = shutil.which("gnome-calculator")
    calc = None
    if calc_bin and not args.no_calculator:
        calc, calc_win, _, _ = xbench.launch_and_wait_painted(screen, [calc_bin], dict(env))
        procs.append(calc)
        g = calc_win.get_geometry()
        root_g = screen.root.get_geometry()
        calc_win.configure(x=root_g.width - g.width, y=root_g.height - g.height)
        d.sync()
        if (root_g.width - g.width < share[0] + share[2] and root_g.height - g.height < share[1] + share[3]):
            xbench.fail("Calculator's window would cover the share chart; use a larger screen")
        focus(calc_win)
        wait_quiet(0.5)
        # Its display: what changes in the upper part (above the keypad) when a
        # digit is typed.
        top = (0, 0, g.width, g.height * 45 // 100)
        before = grab(calc_win, top)
        code = press("1")
        release(code)
        wait_quiet(0.3)
        after = grab(calc_win, top)
        code = press("BackSpace")
        release(code)
        wait_quiet(0.3)
        xs, ys = [], []
        stride = g.width * 4
        for i in range(0, min(len(before), len(after)), 4):
            if before[i:i + 3] != after[i:i + 3]:
                ys.append(i // stride)
                xs.append((i % stride) // 4)
        if not xs:
            xbench.fail("typing a digit changed nothing in Calculator's display")
        calc_rect = (min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)

    targets = [(lf.name, lf, ["Right", "Left"]) for lf in landfalls]
    if calc is not None:
        targets.append(("gnome-calculator", None, ["1", "BackSpace"]))
    lat = {name: [] for name, _, _ in targets}
    misses = {name: 0 for name, _, _ in targets}
    done = {name: 0 for name, _, _ in targets}
    while any(done[n] < args.presses for n in done):
        for name, lf, keys in targets:
            if done[name] >= args.presses:
                continue
            if lf is not None:
                for other in landfalls:
                    if other is not lf:
                        other.stop()
                if lf.proc is None:
                    lf.start()
                    if calc is not None:
                        calc_win.configure(stack_mode=X.Above)
                win, rect = lf.win, lf.rect
            else:
                win, rect = calc_win, calc_rect
            focus(win)
            if lf is not None and not xbench.focused(lf.slider):
                xbench.fail("the slider lost the keyboard focus")
            wait_quiet(0.3)
            warm = 4  # after a switch, not counted
            n_block = min(args.block, args.presses - done[name]) + warm
            for k in range(n_block):
                wait_quiet(args.quiet_ms / 1000.0)
                before = grab(win, rect)
                time.sleep(random.uniform(0, 0.017))  # any phase of the display's frames
                t0 = time.monotonic()
                code = press(keys[k % 2])
                ms = wait_changed(win, rect, before, t0)
                release(code)
                if k < warm:
                    continue
                if ms is None:
                    misses[name] += 1
                else:
                    lat[name].append(ms)
                    if lf is not None:
                        lf.presses.append((t0 * 1000.0, t0 * 1000.0 + ms))
                done[name] += 1
            # An even number of presses leaves each program as it started.
            if n_block % 2:
                code = press(keys[1])
                release(code)
                wait_quiet(0.3)
    for lf in landfalls:
        lf.stop()

    # ---- report ----
    out(f"key press to changed pixels: {args.presses} presses each, blocks of {args.block}, "
        f"GSK_RENDERER={env['GSK_RENDERER']}, scenario {os.path.basename(args.scenario)}")
    out(f"{'':18} {'median':>7} {'p90':>7} {'max':>7} {'> 16.7 ms':>10}  misses")
    for name, _, _ in targets:
        v = lat[name]
        over = sum(1 for x in v if x > 1000.0 / 60)
        out(f"{name:18} {xbench.median(v):5.1f}ms {xbench.pct(v, 90):5.1f}ms {max(v) if v else 0:5.1f}ms "
            f"{over:6d}/{len(v):<3d} {misses[name]:4d}")
    if calc is not None and lat["gnome-calculator"]:
        c = lat["gnome-calculator"]
        for lf in landfalls:
            a = lat[lf.name]
            out(f"{lf.name} / calculator: median {xbench.median(a) / xbench.median(c):.2f}, "
                f"p90 {xbench.pct(a, 90) / xbench.pct(c, 90):.2f}")
    for lf in landfalls:
        breakdown(lf)
finally:
    for p in procs:
        xbench.stop(p)
