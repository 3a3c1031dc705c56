"""Shared by bench-startup.py and bench-input.py: a private session to run
GUI programs in, and what the X server tells about their windows.

Both benches compare Landfall with GNOME Calculator started the same way in
the same session, so the machine's drift hits both alike. Results go to the
descriptor in LANDFALL_BENCH_OUT_FD: the D-Bus daemons that the session starts
talk on stdout and stderr, which go to a log file instead.
"""
import os
import re
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

try:
    from Xlib import X, display, error as xerror
    from Xlib.ext import damage
except ImportError:  # the caller says so and skips
    X = None

OUT = None
WORK = None


def out(line=""):
    OUT.write(line + "\n")
    OUT.flush()


def skip(why):
    print(f"{os.path.basename(sys.argv[0])}: {why}", file=sys.stderr)
    sys.exit(77)


def enter_session():
    """Re-runs this script inside dbus-run-session with private XDG folders
    (nothing comes in from, or goes out to, the user's session, and a
    single-instance program never hands over to a copy the user has open).
    Returns in the child; the parent exits with the child's status."""
    global OUT, WORK
    if os.environ.get("LANDFALL_BENCH_OUT_FD"):
        OUT = os.fdopen(int(os.environ["LANDFALL_BENCH_OUT_FD"]), "w", buffering=1, closefd=False)
        WORK = os.environ["LANDFALL_BENCH_WORK"]
        return
    if not os.environ.get("DISPLAY"):
        skip("no X display; run under Xvfb, e.g. Xvfb :90 -screen 0 1280x800x24 & DISPLAY=:90 ...")
    if X is None:
        skip("python3-xlib is missing (Debian: apt-get install python3-xlib); "
             "run with /usr/bin/python3")
    if shutil.which("dbus-run-session") is None:
        skip("dbus-run-session is missing (Debian: dbus)")
    work = tempfile.mkdtemp(prefix="landfall-bench.")
    for d in ("runtime", "config", "data", "cache", "config/gtk-4.0"):
        os.makedirs(os.path.join(work, d), mode=0o700)
    # A blinking text cursor would change a display's pixels on its own.
    with open(os.path.join(work, "config", "gtk-4.0", "settings.ini"), "w") as f:
        f.write("[Settings]\ngtk-cursor-blink=false\n")
    env = dict(os.environ,
               LANDFALL_BENCH_WORK=work,
               XDG_RUNTIME_DIR=os.path.join(work, "runtime"),
               XDG_CONFIG_HOME=os.path.join(work, "config"),
               XDG_DATA_HOME=os.path.join(work, "data"),
               XDG_CACHE_HOME=os.path.join(work, "cache"),
               GSETTINGS_BACKEND="memory",
               GDK_BACKEND="x11")
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.pop("AT_SPI_BUS_ADDRESS", None)
    outfd = os.dup(1)
    os.set_inheritable(outfd, True)
    env["LANDFALL_BENCH_OUT_FD"] = str(outfd)
    log_path = os.path.join(work, "session.log")
    try:
        with open(log_path, "w") as log:
            rc = subprocess.call(["dbus-run-session", "--", sys.executable, *sys.argv],
                                 env=env, stdout=log, stderr=log, pass_fds=(outfd,))
        if rc not in (0, 77):
            with open(log_path) as log:
                sys.stderr.write(log.read()[-4000:])
    finally:
        remove_work(work)
    sys.exit(rc)


def remove_work(work):
    """Removes the private folders. The document portal, which GTK starts in
    the session, mounts runtime/doc and dies with the session, leaving a
    mount that no longer answers: unmounted first (lazily), else walking
    into it aborts the removal."""
    doc = os.path.join(work, "runtime", "doc")
    for tool in ("fusermount3", "fusermount"):
        if shutil.which(tool):
            subprocess.call([tool, "-u", "-z", doc], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
            break
    try:
        shutil.rmtree(work, ignore_errors=True)
    except OSError as e:
        sys.stderr.write(f"could not remove {work}: {e}\n")


def with_schema(binary, env):
    """env for Landfall as installed: with the window's settings schema, so
    the window opens at the size a new user's opens at (the schema's
    default, 1200 x 780), not the window template's fallback (1280 x 800).
    An uninstalled build keeps the schema in BUILD/data beside BUILD/src."""
    schemas = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(binary))), "data")
    env = dict(env)
    if os.path.exists(os.path.join(schemas, "gschemas.compiled")):
        env["GSETTINGS_SCHEMA_DIR"] = schemas
    return env


def fail(why):
    out(f"FAILED: {why}")
    sys.exit(1)


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def pct(xs, p):
    """The p-th percentile, nearest rank (p90 of 100 values is the 90th smallest)."""
    if not xs:
        return float("nan")
    s = sorted(xs)
    k = max(0, min(len(s) - 1, int(round(p / 100.0 * len(s) + 0.5)) - 1))
    return s[k]


def memory_kb(pid):
    """VmHWM (peak resident set) and VmRSS of a live process, in kB."""
    vals = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                k, _, v = line.partition(":")
                if k in ("VmHWM", "VmRSS"):
                    vals[k] = int(v.split()[0])
    except OSError:
        pass
    return vals.get("VmHWM", 0), vals.get("VmRSS", 0)


def cpu_ms(pid):
    """User + system CPU time a live process (all its threads) has used, in ms."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000.0 / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def main_thread_ms(pid):
    """(run, wait) of a process's main thread so far, in ms: time on a CPU and
    time ready to run but waiting for one (/proc/PID/task/PID/schedstat, ns).
    The run time is the work on the critical path of a GUI program, and far
    steadier than the wall clock on a busy machine."""
    try:
        with open(f"/proc/{pid}/task/{pid}/schedstat") as f:
            run, wait, _ = f.read().split()
        return int(run) / 1e6, int(wait) / 1e6
    except (OSError, ValueError):
        return float("nan"), float("nan")


def main_thread_faults(pid):
    """Page faults of a process's main thread so far (minor + major,
    /proc/PID/task/PID/stat): memory touched for the first time, each a trip
    into the kernel that instruction counts (callgrind) do not see."""
    try:
        with open(f"/proc/{pid}/task/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[7]) + int(fields[9])
    except (OSError, IndexError, ValueError):
        return float("nan")


class Screen:
    """The X server's view: which top-level windows map, and when any part of
    the screen is drawn (DAMAGE on the root window reports drawing into every
    window, since nothing redirects them on a bare Xvfb)."""

    def __init__(self):
        self.d = display.Display()
        self.root = self.d.screen().root
        if not self.d.has_extension("DAMAGE"):
            skip("the X server has no DAMAGE extension")
        self.d.damage_query_version()
        self.root.change_attributes(event_mask=X.SubstructureNotifyMask)
        self.damage = self.root.damage_create(damage.DamageReportNonEmpty)
        self.d.sync()

    def drain(self):
        self.d.sync()
        while self.d.pending_events():
            self.d.next_event()
        self.d.damage_subtract(self.damage)
        self.d.sync()
        while self.d.pending_events():
            self.d.next_event()

    def events(self, timeout):
        """Yields (receive time, event) until timeout seconds from now."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            if not self.d.pending_events():
                r, _, _ = select.select([self.d], [], [], left)
                if not r:
                    continue
            ev = self.d.next_event()
            now = time.monotonic()
            if ev.type == self.d.extension_event.DamageNotify:
                # Re-arm: the next drawing reports again.
                self.d.damage_subtract(self.damage)
                self.d.flush()
            yield now, ev

    def is_damage(self, ev):
        return ev.type == self.d.extension_event.DamageNotify

    def grab_rows(self, win, x, y, w, h):
        """The pixels of a rectangle of a window as bytes (BGRX), or None."""
        try:
            img = win.get_image(x, y, w, h, X.ZPixmap, 0xFFFFFFFF)
        except (xerror.XError, xerror.BadMatch, xerror.BadDrawable, xerror.BadWindow):
            return None
        return img.data

    def looks_painted(self, win, w, h):
        """A frame has text and edges: some rows across the window hold more
        than one colour. The server's own background fill (on map) holds one."""
        colours = set()
        for frac in (0.04, 0.25, 0.5, 0.75):
            data = self.grab_rows(win, 0, int(h * frac), w, 1)
            if data is None:
                return False
            for i in range(0, len(data), 4 * 7):
                colours.add(data[i:i + 3])
            if len(colours) > 1:
                return True
        return False


def launch_and_wait_painted(screen, argv, env, timeout=60.0):
    """Starts argv and waits for its first top-level window to map and then
    to show a painted frame. Returns (proc, window, ms to map, ms to paint)."""
    screen.drain()
    t0 = time.monotonic()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    win = None
    t_map = None
    geom = None
    for now, ev in screen.events(timeout):
        if ev.type == X.MapNotify and win is None and not ev.override:
            try:
                g = ev.window.get_geometry()
            except xerror.XError:
                continue
            if g.width >= 100 and g.height >= 100:
                win, geom, t_map = ev.window, g, now
        elif screen.is_damage(ev) and win is not None:
            if screen.looks_painted(win, geom.width, geom.height):
                return proc, win, (t_map - t0) * 1000.0, (now - t0) * 1000.0
        if proc.poll() is not None:
            break
    proc.kill()
    proc.wait()
    fail(f"{argv[0]} showed no painted window within {timeout:.0f} s (exit status {proc.returncode})")


def stop(proc):
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# ---- the accessibility bus (python3-pyatspi; imported by the caller first) ----

def find_app(pid, timeout=30.0, poll=0.2):
    """The accessible application of process PID, once it shows a window."""
    import pyatspi
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for a in pyatspi.Registry.getDesktop(0):
            try:
                if a is not None and a.get_process_id() == pid and a.childCount > 0:
                    return a
            except Exception:
                continue
        time.sleep(poll)
    fail("Landfall did not appear on the accessibility bus")


def find_slider(app, name):
    """The first slider named NAME under APP."""
    import pyatspi

    def pred(o):
        try:
            return o.getRole() == pyatspi.ROLE_SLIDER and o.name == name
        except Exception:
            return False
    hits = pyatspi.utils.findAllDescendants(app, pred)
    if not hits:
        fail(f"no slider named {name!r}")
    return hits[0]


def focused(acc):
    """Whether ACC has the keyboard focus now (not as the cache last saw it)."""
    import pyatspi
    try:
        acc.clearCache()
    except Exception:
        pass
    return acc.getState().contains(pyatspi.STATE_FOCUSED)


def callgrind_total(report):
    """The PROGRAM TOTALS of a callgrind_annotate report, in instructions."""
    m = re.search(r"^\s*([\d,]+) .*PROGRAM TOTALS", report, re.M)
    return int(m.group(1).replace(",", "")) if m else 0
