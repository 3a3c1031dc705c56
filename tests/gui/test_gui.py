#!/usr/bin/python3
"""GUI tests: drive the real Landfall window the way assistive technology does.

Run through tests/gui/run-gui-test.sh, which provides a private Xvfb, D-Bus
session and accessibility bus. Widgets are found by accessible role and name
over AT-SPI (pyatspi); keys go in through XTEST (xdotool), as a keyboard user's
would. Output is TAP.

Each session is one launch of the program with its own extra environment (see
SESSIONS at the bottom): a translated run, for instance, is one more entry with
{"LANGUAGE": "de"} and its own list of test functions.

Usage: test_gui.py [-k SUBSTRING]   run only tests whose "session: name" contains SUBSTRING
"""

import json
import os
import re
import resource
import shutil
import signal
import struct
import subprocess
import sys
import time
import traceback

import pyatspi

BIN = os.environ["LANDFALL_BIN"]
ARTIFACTS = os.environ.get("LANDFALL_GUI_ARTIFACTS",
                           os.path.join(os.environ.get("LANDFALL_BUILD_DIR", "."), "gui-artifacts"))
# Generous: the machine running this may be shared and slow. Waits poll, so a
# fast machine does not pay for them.
WORK = os.environ.get("LANDFALL_GUI_WORK", ARTIFACTS)
TIMEOUT = float(os.environ.get("GUI_TEST_WAIT", "20"))

SHARE_2030 = "Chinese share of US EV sales, 2030"
TARIFF_CHINA = "Tariff on China-built EVs"
BYD_AUTHORISED = "BYD authorised under the connected-vehicle rule"


# TAP goes to GUI_TEST_TAP_FD when the runner gives one (its stdout is shared
# with the D-Bus daemons), else to stdout.
_tap_fd = os.environ.get("GUI_TEST_TAP_FD")
TAP = os.fdopen(int(_tap_fd), "w", buffering=1, closefd=False) if _tap_fd else sys.stdout


def tap(line):
    TAP.write(line + "\n")
    TAP.flush()


def app_env():
    """The environment for the program: ours, with the G_DEBUG that
    run-gui-test.sh keeps for the program alone (LANDFALL_G_DEBUG)."""
    env = dict(os.environ)
    if env.get("LANDFALL_G_DEBUG"):
        env["G_DEBUG"] = env["LANDFALL_G_DEBUG"]
    return env


class Failure(Exception):
    pass


def known_bug(reason):
    """Mark a test that fails because of a reported bug: TAP "# TODO". It still
    runs; once it passes, the run fails until the mark is taken off."""
    def mark(test):
        test.known_bug = reason
        return test
    return mark


def check(cond, message):
    if not cond:
        raise Failure(message)


def wait_for(what, probe, timeout=TIMEOUT, interval=0.2):
    """Poll probe() until it returns something truthy; return that, or fail
    naming what was awaited and the last value seen."""
    deadline = time.monotonic() + timeout
    last = None
    while True:
        try:
            last = probe()
        except (Failure, RuntimeError, LookupError, AttributeError) as e:
            last = e
        except Exception as e:  # GLib.GError: an object went away mid-walk
            last = e
        if last and not isinstance(last, Exception):
            return last
        if time.monotonic() > deadline:
            raise Failure(f"timed out after {timeout:.0f}s waiting for {what} (last: {last!r})")
        time.sleep(interval)


def xdotool(*args):
    subprocess.run(["xdotool", *args], check=True, timeout=30)


def key(combo):
    """A key press through XTEST, to whichever window has the keyboard focus."""
    xdotool("key", "--clearmodifiers", combo)


def name_of(acc):
    # Names change (window title, summary cards): never trust a cached one.
    try:
        acc.clearCache()
    except Exception:
        pass
    return acc.name or ""


def states(acc):
    return acc.getState()


def menu_button_of(acc):
    """The menu button whose popover (GtkPopoverMenu, role menu) an item is in."""
    while acc is not None and acc.getRole() != pyatspi.ROLE_MENU:
        acc = acc.parent
    return acc.parent if acc is not None else None


def shown(item):
    """Whether a menu item is on screen. GTK 4.8 gives menu items and their
    popover VISIBLE but never SHOWING, and leaves them VISIBLE after the menu
    closes; the menu button's EXPANDED state is what follows the popover."""
    button = menu_button_of(item)
    return states(item).contains(pyatspi.STATE_VISIBLE) and (
        button is None or states(button).contains(pyatspi.STATE_EXPANDED))


class Landfall:
    """One running instance of the program, seen over AT-SPI."""

    def __init__(self, extra_env=None, args=(), log_name="default"):
        env = app_env()
        env.update(extra_env or {})
        # FILE_SIZE_LIMIT (bytes): the most any file the program writes may
        # hold (RLIMIT_FSIZE), which fails a larger write as a full disk would.
        limit = env.pop("FILE_SIZE_LIMIT", None)

        def limit_file_size():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (int(limit), resource.RLIM_INFINITY))

        self.log_path = os.path.join(ARTIFACTS, f"landfall-{log_name}.log")
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen([BIN, *args], env=env, stdout=self.log, stderr=self.log,
                                     preexec_fn=limit_file_size if limit else None)
        self.app = None

    # ---- lifetime ----

    def wait_ready(self):
        def probe():
            self.check_alive()
            for a in pyatspi.Registry.getDesktop(0):
                if a is None:
                    continue
                try:
                    if a.get_process_id() == self.proc.pid and a.childCount > 0:
                        return a
                except Exception:
                    continue
            return None
        self.app = wait_for("the program on the accessibility bus", probe)
        # Ready when the window shows and the summary has been filled in.
        wait_for("the main window to show", lambda: self.main_window() is not None
                 and states(self.main_window()).contains(pyatspi.STATE_SHOWING))
        # Any summary card filled in (their captions are translated in other languages).
        wait_for("the summary to be filled in", lambda: [
            o for o in self.find_all(pyatspi.ROLE_PANEL) if re.search(r", 2030: ", name_of(o))] or None)
        self.wait_drawn()
        return self

    def wait_drawn(self):
        """The accessible tree exists before the first frame is drawn: wait
        until the window on screen is more than one flat colour."""
        wait_for("the window to be drawn", lambda: self.brightness()[1] > 0.01)

    def check_alive(self):
        rc = self.proc.poll()
        if rc is not None:
            raise Failure(f"the program exited with status {rc}; its output is in {self.log_path}")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self.log.close()

    # ---- finding things ----

    def windows(self):
        return [w for w in self.app if w is not None]

    def main_window(self):
        for w in self.windows():
            if w.getRole() == pyatspi.ROLE_FRAME:
                return w
        return None

    def find_all(self, role, name=None, prefix=None, root=None):
        def pred(o):
            try:
                if o.getRole() != role:
                    return False
                n = name_of(o)
                return (name is None or n == name) and (prefix is None or n.startswith(prefix))
            except Exception:
                return False
        roots = [root] if root is not None else self.windows()
        found = []
        for r in roots:
            found += pyatspi.utils.findAllDescendants(r, pred)
        return found

    def find(self, role, name=None, prefix=None, root=None, timeout=TIMEOUT):
        """The one showing object with this role and name (or name prefix)."""
        kind = str(role).lower().removeprefix('role_').replace('_', ' ')
        what = f"a {kind} named {name if name is not None else prefix + '…'!r}"

        def probe():
            self.check_alive()
            hits = [o for o in self.find_all(role, name, prefix, root)
                    if states(o).contains(pyatspi.STATE_VISIBLE)]
            return hits[0] if hits else None
        return wait_for(what, probe, timeout)

    def summary(self, caption):
        """The accessible label of the summary card whose label starts with caption."""
        card = self.find(pyatspi.ROLE_PANEL, prefix=caption + ":")
        return name_of(card)

    def title(self):
        return name_of(self.main_window())

    # ---- doing things ----

    def click(self, acc):
        """Activate a widget through its AT-SPI action, as a screen reader does."""
        action = acc.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        check("click" in names, f"{name_of(acc)!r} offers no click action (has {names})")
        action.doAction(names.index("click"))

    def xwindow(self):
        """The X window id and geometry (x, y, width, height) of the main window.
        (Not AT-SPI extents: GTK 4 cannot give screen coordinates, and warns.)"""
        title = self.title()

        def probe():
            out = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(self.proc.pid)],
                                 capture_output=True, text=True, timeout=30).stdout.split()
            for xid in out:
                name = subprocess.run(["xdotool", "getwindowname", xid], capture_output=True,
                                      text=True, timeout=30).stdout.strip()
                if name == title:
                    return xid
            return None
        xid = wait_for(f"the X window titled {title!r}", probe)
        geo = dict(line.split("=", 1) for line in subprocess.run(
            ["xdotool", "getwindowgeometry", "--shell", xid], capture_output=True, text=True,
            check=True, timeout=30).stdout.split())
        return xid, (int(geo["X"]), int(geo["Y"]), int(geo["WIDTH"]), int(geo["HEIGHT"]))

    def focus_main_window(self):
        """Make sure keys go to the main window: without a window manager the
        X keyboard focus follows the pointer, so put the pointer on it."""
        w = self.main_window()
        xid, (x, y, width, height) = self.xwindow()
        xdotool("mousemove", str(x + width // 2), str(y + 12))
        wait_for("the main window to be active", lambda: states(w).contains(pyatspi.STATE_ACTIVE))

    def open_preset(self, name, keyboard=False):
        """Open a preset from the Scenarios menu: by the menu button's action,
        or by Ctrl+P; then activate the menu item by its name."""
        if keyboard:
            self.focus_main_window()
            key("ctrl+p")
        else:
            # The menu button's accessible is a wrapper; the clickable one inside
            # carries the same name.
            button = wait_for("the Scenarios button", lambda: [
                b for b in self.find_all(pyatspi.ROLE_PUSH_BUTTON, "Scenarios")
                if shown(b) and b.queryAction().nActions > 0] or None)[0]
            self.click(button)
        item = wait_for(f"the menu item {name!r}", lambda: [
            o for o in self.find_all(pyatspi.ROLE_MENU_ITEM, name) if shown(o)] or None)[0]
        self.click(item)
        wait_for(f"the window title to become {name!r}", lambda: self.title() == name)
        wait_for("the menu to close", lambda: not shown(item))

    def screenshot(self, filename, path=None, extra=()):
        """The screen (`import -window root`) cropped to the main window, so
        that menus and dialogs over it are in the picture too."""
        os.makedirs(ARTIFACTS, exist_ok=True)
        path = path or os.path.join(ARTIFACTS, filename)
        _, (x, y, width, height) = self.xwindow()
        subprocess.run(["import", "-window", "root", "-crop", f"{width}x{height}+{x}+{y}", "+repage",
                        *extra, path], check=True, timeout=60)
        return path

    def brightness(self):
        """Mean grey level of the main window, 0 (black) to 1 (white)."""
        probe = self.screenshot(None, os.path.join(WORK, "probe.png"), ["-resize", "64x40!"])
        out = subprocess.run(["convert", probe, "-colorspace", "Gray", "-format",
                              "%[fx:mean] %[fx:standard_deviation]", "info:"],
                             check=True, timeout=30, capture_output=True, text=True).stdout.split()
        return float(out[0]), float(out[1])


# ---- helpers on values ----------------------------------------------------------------

def text_of(acc):
    t = acc.queryText()
    return t.getText(0, t.characterCount)


def share_of(label):
    m = re.search(r"2030: (-?[\d.]+)[ \u00a0]%", label)
    check(m is not None, f"no 2030 share figure in the summary label {label!r}")
    return float(m.group(1))


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(33)
    check(len(head) == 33 and head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR",
          f"{path} is not a PNG (starts {head[:16]!r})")
    return struct.unpack(">II", head[16:24])


def settled(probe, what, quiet=1.0, timeout=TIMEOUT):
    """Wait until probe() returns the same value for `quiet` seconds: the
    window shows a quick band at once and refines it off the main thread."""
    deadline = time.monotonic() + timeout
    value, since = probe(), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.2)
        v = probe()
        if v != value:
            value, since = v, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return value
    raise Failure(f"{what} did not settle within {timeout:.0f}s (last: {value!r})")


# ---- the tests ------------------------------------------------------------------------
# Each takes the running Landfall and builds on the state the previous one left:
# they run in order, in one window, as a user's session would.

def test_screenshot_light(lf):
    """The window as first shown, light style (artifact: window.png)."""
    check(lf.title() == "Current policy", f"window title is {lf.title()!r}, not the baseline's")
    lf.screenshot("window.png")


def test_tariff_control_has_accessible_names(lf):
    slider = lf.find(pyatspi.ROLE_SLIDER, TARIFF_CHINA)
    spin = lf.find(pyatspi.ROLE_SPIN_BUTTON, TARIFF_CHINA + ", exact value")
    v = slider.queryValue()
    check(v.minimumValue == 0 and v.maximumValue >= 127.5,
          f"slider range is {v.minimumValue}–{v.maximumValue}")
    check(abs(v.currentValue - 127.5) < 1e-6, f"baseline China tariff is {v.currentValue}, not 127.5")
    check(abs(spin.queryValue().currentValue - v.currentValue) < 1e-6,
          "the spin button and the slider disagree")


def test_preset_rule_waived_by_menu_button(lf):
    lf.open_preset("Connected-vehicle rule waived")
    wait_for("the preset's title", lambda: lf.title() == "Connected-vehicle rule waived")
    share = share_of(settled(lambda: lf.summary(SHARE_2030), "the summary"))
    # The preset's story: without the rule, the 127.5 % stack alone keeps every
    # China-built car out (none covers its landed cost at US prices).
    check(share == 0, f"with the rule waived but the tariffs kept, the 2030 share is {share} %, expected 0")


MAP_TITLE = "Plants of Chinese-brand makers in North America"


def map_plants(lf):
    """The map's description, one part per plant."""
    chart = wait_for("the map", lambda: [
        o for o in lf.find_all(pyatspi.ROLE_IMAGE, MAP_TITLE)
        if (o.description or "").startswith("Map of North America")] or None)[0]
    return chart.description.split(": ", 1)[1].split("; ")


def test_map_marks_plants_that_build_nothing(lf):
    """With the rule waived and the tariffs kept, no China-built car is sold:
    the map says each Chinese plant builds nothing in 2030 (and draws it as a
    ring, lf-chart-map.c; tests/test-chart-map.c checks the pixels)."""
    def idle():
        plants = map_plants(lf)
        # "(Builds nothing in 2030: why)", the why from the window's notes (lf-notes.h).
        return plants if all("(Builds nothing in 2030" in x for x in plants) else None

    plants = wait_for("every plant on the map to build nothing", idle)
    check(len(plants) >= 1, f"the map lists no plants: {plants!r}")


def test_ford_cards_show_band(lf):
    """Ford's cards carry the Monte Carlo range, as the share cards do (issue 9)."""
    for caption in ("Ford EV sales, 2030", "Net effect of entry on Ford, 2030"):
        label = settled(lambda: lf.summary(caption), f"the {caption} card")
        check("p10–p90" in label, f"the {caption} card shows no range: {label!r}")


def test_summary_leads_with_ford_impact(lf):
    """The first summary card is the net effect of entry on Ford, with its EBIT
    change and fees (issue 12)."""
    cards = [o for o in lf.find_all(pyatspi.ROLE_PANEL) if re.search(r", 2030: ", name_of(o))]
    check(cards, "no summary card")
    first = name_of(cards[0])
    check(first.startswith("Net effect of entry on Ford, 2030: "), f"the first card is {first!r}")
    check("EBIT change" in first and "fees" in first, f"the Ford card does not say where it comes from: {first!r}")


CHART_TITLES = ("Chinese-brand share of US EV sales", "What Chinese entry does to Ford",
                "Chinese-brand EV sales by where they are built",
                "Plants of Chinese-brand makers in North America")


def test_chart_titles(lf):
    """Each chart in the window has its title: on screen (a label, or the
    chooser showing it) and as the chart's accessible name, with a description
    in words (issue 12). (One walk of the tree per look: each costs seconds.)"""
    def charts():
        found = {name_of(o): o for o in lf.find_all(pyatspi.ROLE_IMAGE)}
        return found if all(t in found and found[t].description for t in CHART_TITLES) else None
    found = wait_for("the four charts, named and described", charts)
    labels = {name_of(o) for o in lf.find_all(pyatspi.ROLE_LABEL)}
    missing = [t for t in CHART_TITLES if t not in labels]
    check(not missing, f"no title shown over {missing}")
    impact = found["What Chinese entry does to Ford"].description
    check("Net effect of Chinese entry on Ford" in impact, f"the Ford chart's description: {impact!r}")


def click_at(lf, acc):
    """A pointer click in the middle of a widget (GTK 4.8's drop-downs offer no
    AT-SPI action); its position comes relative to the window."""
    ex = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    _, (x, y, width, height) = lf.xwindow()
    xdotool("mousemove", str(x + ex.x + ex.width // 2), str(y + ex.y + ex.height // 2), "click", "1")


def choose_chart(lf, combo, steps):
    """Pick a chart in a chart card's drop-down: open it with the pointer,
    move @steps items down (up when negative) from the one shown, Enter."""
    click_at(lf, combo)
    time.sleep(0.5)
    for _ in range(abs(steps)):
        key("Down" if steps > 0 else "Up")
        time.sleep(0.1)
    key("Return")
    time.sleep(0.3)


def charts_shown(lf, titles):
    def probe():
        shown = {name_of(o): o for o in lf.find_all(pyatspi.ROLE_IMAGE)
                 if states(o).contains(pyatspi.STATE_VISIBLE)}
        return shown if all(t in shown for t in titles) else None
    return wait_for(f"the charts {titles}", probe)


def test_chart_chooser_switches(lf):
    """The market's chart card picks among the results people asked for; the
    chart and its name follow, and so does the Ford card between the impact and
    Ford's own lines (issue 12)."""
    combos = {name_of(o): o for o in lf.find_all(pyatspi.ROLE_COMBO_BOX)}
    check("Market chart" in combos and "Ford chart" in combos, f"no chart choosers among {sorted(combos)}")
    choose_chart(lf, combos["Market chart"], 3)
    choose_chart(lf, combos["Ford chart"], 1)
    shown = charts_shown(lf, ["Average US EV price", "Ford EV sales and EBIT"])
    price = shown["Average US EV price"]
    wait_for("the price chart's description", lambda: "Average US EV price in 2035" in (price.description or ""))
    check("Chinese-brand EV sales by where they are built" not in shown, "the origin chart is still shown")
    # Back as they were, for the tests after.
    choose_chart(lf, combos["Market chart"], -3)
    choose_chart(lf, combos["Ford chart"], -1)
    charts_shown(lf, ["Chinese-brand EV sales by where they are built", "What Chinese entry does to Ford"])


def test_tariff_change_moves_share(lf):
    slider = lf.find(pyatspi.ROLE_SLIDER, TARIFF_CHINA)
    spin = lf.find(pyatspi.ROLE_SPIN_BUTTON, TARIFF_CHINA + ", exact value")
    before_label = settled(lambda: lf.summary(SHARE_2030), "the summary")
    before = share_of(before_label)
    lf.before_tariff = (slider.queryValue().currentValue, before_label)

    slider.queryValue().currentValue = 0.0

    wait_for("the spin button to follow the slider to 0",
             lambda: abs(spin.queryValue().currentValue) < 1e-6)
    wait_for("the 2030 share to change", lambda: lf.summary(SHARE_2030) != before_label)
    after = share_of(settled(lambda: lf.summary(SHARE_2030), "the summary"))
    check(after > before + 1.0,
          f"dropping the China tariff to 0 moved the 2030 share only from {before} % to {after} %")
    check(lf.title().startswith("• "), f"the title {lf.title()!r} does not mark the change")


def test_map_follows_the_projection(lf):
    """With the China tariff at 0 (the test before), Chinese cars sell again:
    the map no longer says every plant builds nothing (the window redraws the
    map when which plants build changes, not only when the plants do)."""
    wait_for("a plant on the map to build", lambda: any(
        "Builds nothing" not in x for x in map_plants(lf)) or None)


def test_undo_restores_summary(lf):
    tariff, label = lf.before_tariff
    lf.focus_main_window()
    key("ctrl+z")
    slider = lf.find(pyatspi.ROLE_SLIDER, TARIFF_CHINA)
    wait_for(f"the tariff to return to {tariff}",
             lambda: abs(slider.queryValue().currentValue - tariff) < 1e-6)
    wait_for("the summary to return to its label before the change",
             lambda: lf.summary(SHARE_2030) == label)
    check(lf.title() == "Connected-vehicle rule waived", f"after undo the title is {lf.title()!r}")


def switch_on(acc):
    """Whether a GtkSwitch is on."""
    return states(acc).contains(pyatspi.STATE_CHECKED)


def find_switch(lf, name):
    """A GtkSwitch by its accessible name (GTK 4.8 gives switches the check box role)."""
    roles = [pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_TOGGLE_BUTTON]
    if hasattr(pyatspi, "ROLE_SWITCH"):
        roles.append(pyatspi.ROLE_SWITCH)
    return wait_for(f"a switch named {name!r}", lambda: [
        o for r in roles for o in lf.find_all(r, name)
        if states(o).contains(pyatspi.STATE_VISIBLE)] or None)[0]


def toggle(acc):
    """Flip a switch through its AT-SPI action, as a screen reader does."""
    action = acc.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    check("toggle" in names, f"{name_of(acc)!r} offers no toggle action (has {names})")
    action.doAction(names.index("toggle"))


def test_authorisation_switch_undo(lf):
    """Each Chinese maker has a switch for its authorisation under the
    connected-vehicle rule: off by default; turning BYD's on marks the title
    modified, and Ctrl+Z turns it off and takes the mark away."""
    before = lf.title()
    check(not before.startswith("• "), f"the title {before!r} is already marked")
    switch = find_switch(lf, BYD_AUTHORISED)
    check(not switch_on(switch), "BYD starts authorised")
    for maker in ("Xiaomi", "Geely group", "Other Chinese"):
        find_switch(lf, f"{maker} authorised under the connected-vehicle rule")
    toggle(switch)
    wait_for("the BYD switch to turn on", lambda: switch_on(switch))
    wait_for("the title to mark the change", lambda: lf.title() == "• " + before)
    lf.focus_main_window()
    key("ctrl+z")
    wait_for("undo to turn the BYD switch off", lambda: not switch_on(switch))
    wait_for(f"the title to return to {before!r}", lambda: lf.title() == before)


def tab_to(lf, acc, what):
    """Moves the keyboard focus to @acc with Tab from the main window: GTK 4.8
    takes no focus over AT-SPI, so as a keyboard user does."""
    lf.focus_main_window()
    for _ in range(120):
        if states(acc).contains(pyatspi.STATE_FOCUSED):
            break
        key("Tab")
        time.sleep(0.05)
    check(states(acc).contains(pyatspi.STATE_FOCUSED), f"Tab never reached {what}")


def test_quota_row_by_keyboard(lf):
    """The import quota's row, focused and activated from the keyboard (Enter
    on the row, not on its switch), turns the quota on: the switch shows it
    and the title marks the change; Ctrl+Z turns it off again."""
    name = "Import quota on China-built EVs"
    before = lf.title()
    switch = find_switch(lf, name)
    check(not switch_on(switch), "the quota starts on")
    row = wait_for(f"the row named {name!r}", lambda: [
        o for w in lf.windows() for o in pyatspi.utils.findAllDescendants(w, lambda o: name_of(o) == name)
        if o.getRole() == pyatspi.ROLE_LIST_ITEM and states(o).contains(pyatspi.STATE_FOCUSABLE)] or None)[0]
    tab_to(lf, row, "the quota's row")
    key("Return")
    wait_for("the quota switch to turn on", lambda: switch_on(switch))
    wait_for("the title to mark the change", lambda: lf.title() == "• " + before)
    key("ctrl+z")
    wait_for("undo to turn the quota off", lambda: not switch_on(switch))
    wait_for(f"the title to return to {before!r}", lambda: lf.title() == before)


def test_rule_choice_by_keyboard(lf):
    """The connected-vehicle rule's row, a combo box to assistive technology,
    reached by Tab: Enter opens its list, Home or End and Enter choose, the row
    shows the choice and the title marks the change; Ctrl+Z takes it back."""
    name = "Connected-vehicle rule"
    before = lf.title()
    row = wait_for(f"the combo box named {name!r}", lambda: [
        o for o in lf.find_all(pyatspi.ROLE_COMBO_BOX, name)
        if states(o).contains(pyatspi.STATE_FOCUSABLE)] or None)[0]
    def chosen():
        # The row's title and then its chosen value; the list's labels follow
        # in its popover once it is built (and stay VISIBLE when it closes).
        labels = lf.find_all(pyatspi.ROLE_LABEL, root=row)
        return name_of(labels[1]) if len(labels) > 1 and name_of(labels[0]) == name else None
    shown = [chosen()]
    check(shown[0] in ("Off", "As published: Chinese makers barred from 2027", "Waived for US-built cars"),
          f"the rule's row shows {shown[0]!r}, not a choice")
    # The first choice ("Off") unless it is the one shown: then the last.
    first = shown[0] != "Off"
    tab_to(lf, row, "the rule's row")
    key("Return")
    wait_for("the rule's list to open", lambda: [
        o for o in lf.find_all(pyatspi.ROLE_LABEL, "Waived for US-built cars")
        if states(o).contains(pyatspi.STATE_VISIBLE)] or None)
    time.sleep(0.3)
    key("Home" if first else "End")
    time.sleep(0.2)
    key("Return")
    want = "Off" if first else "Waived for US-built cars"
    wait_for(f"the row to show {want!r}", lambda: chosen() == want)
    wait_for("the title to mark the change", lambda: lf.title() == "• " + before)
    key("ctrl+z")
    wait_for(f"undo to show {shown[0]!r} again", lambda: chosen() == shown[0])
    wait_for(f"the title to return to {before!r}", lambda: lf.title() == before)


def test_preset_trade_deal_by_keyboard(lf):
    before = settled(lambda: lf.summary(SHARE_2030), "the summary")
    lf.open_preset("Trade deal", keyboard=True)
    after = settled(lambda: lf.summary(SHARE_2030), "the summary")
    check(after != before, f"the Trade deal preset left the summary as it was: {after!r}")


def open_export_dialog(lf):
    """Ctrl+E from the main window: the Export Chart dialog and its focused
    file name field, once both show."""
    lf.focus_main_window()  # before the dialog: its title is looked up
    key("ctrl+e")
    dialog = wait_for("the Export Chart dialog", lambda: [
        w for w in lf.windows() if name_of(w) == "Export Chart"
        and states(w).contains(pyatspi.STATE_VISIBLE)] or None)[0]
    entry = wait_for("the focused file name field", lambda: [
        o for o in lf.find_all(pyatspi.ROLE_TEXT, root=dialog)
        if states(o).contains(pyatspi.STATE_EDITABLE) and states(o).contains(pyatspi.STATE_FOCUSED)] or None)[0]
    return dialog, entry


def enter_file_name(entry, path):
    """Type a path into a file chooser's name field and press Enter."""
    entry.queryEditableText().setTextContents(path)
    wait_for("the name field to take the path", lambda: text_of(entry) == path)
    key("Return")


def test_export_chart(lf):
    """Ctrl+E, type a path into the file chooser's name field, Enter: a PNG of
    the size the dialog's Size choice shows."""
    path = os.path.join(ARTIFACTS, "exported-chart.png")
    if os.path.exists(path):
        os.unlink(path)
    dialog, entry = open_export_dialog(lf)
    proposed = text_of(entry)
    expected = lf.title().removeprefix("• ") + ".png"
    check(proposed == expected, f"the proposed file name is {proposed!r}, not {expected!r}")

    # The choices are drop-downs (unnamed in GTK 4.8's dialog); the Size one shows "W x H".
    shown = [name_of(label) for combo in lf.find_all(pyatspi.ROLE_COMBO_BOX, root=dialog)
             for label in lf.find_all(pyatspi.ROLE_LABEL, root=combo)
             if re.match(r"^\d+ ?[x×] ?\d+", name_of(label))]
    check(len(shown) == 1, f"cannot tell the Size choice in the dialog (labels {shown})")
    m = re.match(r"^(\d+) ?[x×] ?(\d+)(?:.*\((\d+) × (\d+)\))?", shown[0])
    want = (int(m.group(3)), int(m.group(4))) if m.group(3) else (int(m.group(1)), int(m.group(2)))
    lf.export_size_shown = shown[0]
    # A text size for slides sits beside it (issue 12), normal by default.
    texts = [name_of(label) for combo in lf.find_all(pyatspi.ROLE_COMBO_BOX, root=dialog)
             for label in lf.find_all(pyatspi.ROLE_LABEL, root=combo) if name_of(label) == "Normal text"]
    check(texts, "the dialog offers no text size")

    enter_file_name(entry, path)

    wait_for(f"{path} to be written", lambda: os.path.exists(path) and os.path.getsize(path))
    size = settled(lambda: os.path.getsize(path), "the exported file's size")
    check(size > 10_000, f"the exported chart is only {size} bytes")
    w, h = png_size(path)
    lf.exported_size = (w, h)
    check((w, h) == want, f"the exported chart is {w}×{h}, but the dialog's Size said {shown[0]!r}")
    lf.find(pyatspi.ROLE_LABEL, "Chart exported to exported-chart.png")
    wait_for("the dialog to close", lambda: not [
        w for w in lf.windows() if name_of(w) == "Export Chart" and states(w).contains(pyatspi.STATE_VISIBLE)])


def test_export_default_size(lf):
    shown = getattr(lf, "export_size_shown", None)
    check(shown is not None, "no export was made")
    check(shown == "1600x900" and lf.exported_size == (1600, 900),
          f"the export dialog offered {shown!r} and wrote {lf.exported_size[0]}×{lf.exported_size[1]}, "
          "not the default 1600×900")


def test_header_buttons_have_names(lf):
    header = [b for b in lf.find_all(pyatspi.ROLE_PUSH_BUTTON, root=lf.main_window())
              if b.description in ("Undo", "Redo", "Export Chart…", "Main Menu")]
    check(len(header) >= 4, f"found only {len(header)} header bar buttons")
    unnamed = sorted({b.description for b in header if name_of(b).startswith("Gtk") or not name_of(b)})
    check(not unnamed, f"buttons without an accessible name: {', '.join(unnamed)}")


def test_screenshot_dark(lf):
    """Dark style through the main menu's Style submenu (artifact: window-dark.png)."""
    light = lf.brightness()[0]
    check(light > 0.6, f"the light window has mean brightness {light:.2f}")
    # Found by its description: it has no accessible name (see test_header_buttons_have_names).
    # The menu button's accessible is a wrapper; its child is the clickable one.
    button = wait_for("the Main Menu button", lambda: [
        b for b in lf.find_all(pyatspi.ROLE_PUSH_BUTTON, root=lf.main_window())
        if b.description == "Main Menu" and b.queryAction().nActions > 0] or None)[0]
    lf.click(button)
    style = wait_for("the Style submenu item", lambda: [
        o for o in lf.find_all(pyatspi.ROLE_MENU_ITEM, "Style") if shown(o)] or None)[0]
    lf.click(style)

    dark = wait_for("the Dark menu item", lambda: [
        o for o in lf.find_all(pyatspi.ROLE_RADIO_MENU_ITEM, "Dark") if shown(o)] or None)[0]
    lf.click(dark)
    wait_for("the menu to close", lambda: not shown(dark))
    wait_for("the window to turn dark", lambda: lf.brightness()[0] < 0.35)
    lf.screenshot("window-dark.png")


# One entry per launch: (name, extra environment, tests in order). A translated
# run is one more entry, e.g. ("de", {"LANGUAGE": "de"}, [test_..._de]).
def test_wheel_scrolls_panel_not_values(lf):
    """Turning the mouse wheel over the controls scrolls them; it must not move
    a slider or spin button that happens to pass under the pointer."""
    before_title = lf.title()
    before = [s.queryValue().currentValue for s in lf.find_all(pyatspi.ROLE_SLIDER)]
    xid, (x, y, width, height) = lf.xwindow()
    # Over the controls column, in the middle of the sliders.
    xdotool("mousemove", str(x + 200), str(y + height // 2))
    for _ in range(3):
        xdotool("click", "--repeat", "6", "--delay", "40", "5")
        time.sleep(0.2)
    xdotool("click", "--repeat", "6", "--delay", "40", "4")
    time.sleep(0.5)
    after = [s.queryValue().currentValue for s in lf.find_all(pyatspi.ROLE_SLIDER)]
    check(before == after, f"the wheel changed slider values: {before} -> {after}")
    check(lf.title() == before_title, f"the title became {lf.title()!r}: the scenario changed")


def test_sensitivity_window(lf):
    """Main menu → Sensitivity opens a window whose chart description names
    the levers that move the 2030 Chinese share most."""
    button = wait_for("the Main Menu button", lambda: [
        b for b in lf.find_all(pyatspi.ROLE_PUSH_BUTTON, root=lf.main_window())
        if b.description == "Main Menu" and b.queryAction().nActions > 0] or None)[0]
    lf.click(button)
    item = wait_for("the Sensitivity menu item", lambda: [
        o for o in lf.find_all(pyatspi.ROLE_MENU_ITEM, "Sensitivity") if shown(o)] or None)[0]
    lf.click(item)
    chart = wait_for("the sensitivity chart", lambda: [
        o for o in lf.find_all(pyatspi.ROLE_IMAGE, "Which levers move the result most")
        if "Tariff on China-built EVs" in (o.description or "")] or None)[0]
    check("2030" in chart.description, f"the description does not name 2030: {chart.description!r}")
    wait_for("the Sensitivity window", lambda: [
        w for w in lf.windows() if name_of(w) == "Sensitivity"] or None)
    lf.screenshot("sensitivity.png")


def sensitivity_window(lf):
    return wait_for("the Sensitivity window", lambda: [
        w for w in lf.windows() if name_of(w) == "Sensitivity"
        and states(w).contains(pyatspi.STATE_VISIBLE)] or None)[0]


def attribution_rows(lf, window):
    """The accessible labels of the attribution list's rows: "Lever: +1.23 pts"…"""
    return [name_of(o) for o in lf.find_all(pyatspi.ROLE_LIST_ITEM, root=window)
            if re.search(r": [+\u2212-]?[\d.]+ pts", name_of(o))]


def points(text):
    m = re.search(r": ([+\u2212-]?)([\d.]+) pts", text)
    check(m is not None, f"no change in points in {text!r}")
    return (-1 if m.group(1) in ("\u2212", "-") else 1) * float(m.group(2))


def test_sensitivity_attribution(lf):
    """Ctrl+T on a preset with three changes, then "Where the Change Came
    From": one row per lever, naming it, whose parts add up to the total
    row; a new year recomputes it; Escape closes the window."""
    lf.open_preset("Build in America")
    lf.focus_main_window()
    key("ctrl+t")
    window = sensitivity_window(lf)
    # The tornado's rows are ordered by the length of their bars; its base line is named.
    tornado = wait_for("the tornado", lambda: [
        o for o in lf.find_all(pyatspi.ROLE_IMAGE, "Which levers move the result most", root=window)
        if "from the scenario" in (o.description or "")] or None)[0]
    check("Connected-vehicle rule" in tornado.description.split(":")[1],
          f"the rule is not the tornado's first lever: {tornado.description!r}")
    def clickable(o):
        try:
            return o.queryAction().nActions > 0
        except NotImplementedError:
            return False
    switch = wait_for("the attribution view's switch", lambda: [
        o for o in pyatspi.utils.findAllDescendants(window, lambda o: name_of(o) == "Where the Change Came From")
        if clickable(o)] or None)[0]
    lf.click(switch)

    def complete():
        rows = attribution_rows(lf, window)
        total = [r for r in rows if r.startswith("Total change:")]
        parts = [r for r in rows if not r.startswith("Total change:")]
        return (parts, total[0]) if total and len(parts) == 3 else None
    parts, total = wait_for("the attribution's rows", complete)
    tap(f"# {parts} / {total}")
    for lever in ("Connected-vehicle rule", "BYD plant (byd-tx)", "Geely group plant (geely-sc)"):
        check(any(p.startswith(lever + ":") for p in parts), f"no row for {lever}: {parts}")
    whole = points(total)
    check(whole > 1.0, f"the total change is {whole}")
    # Each part is shown to 0.01 points: their sum is within rounding of the total.
    check(abs(sum(points(p) for p in parts) - whole) <= 0.006 * len(parts) + 1e-9,
          f"the parts {parts} do not add up to {total}")
    chart = lf.find(pyatspi.ROLE_IMAGE, "Where the change from current policy came from", root=window)
    check("Connected-vehicle rule" in (chart.description or ""), f"the waterfall's words: {chart.description!r}")
    lf.screenshot("sensitivity-attribution.png")

    # Another year: recomputed, and still adding up.
    year = lf.find(pyatspi.ROLE_SPIN_BUTTON, "Year", root=window)
    year.queryValue().currentValue = 2027
    parts2, total2 = wait_for("the attribution for 2027", lambda: (
        lambda r: r if r and r[1] != total else None)(complete()))
    check(abs(sum(points(p) for p in parts2) - points(total2)) <= 0.006 * len(parts2) + 1e-9,
          f"the parts {parts2} do not add up to {total2}")

    # Escape closes (hides) the window.
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^Sensitivity$"],
                         capture_output=True, text=True, timeout=30).stdout.split()
    check(out, "no X window named Sensitivity")
    geo = dict(line.split("=", 1) for line in subprocess.run(
        ["xdotool", "getwindowgeometry", "--shell", out[0]], capture_output=True, text=True,
        check=True, timeout=30).stdout.split())
    xdotool("mousemove", str(int(geo["X"]) + int(geo["WIDTH"]) // 2), str(int(geo["Y"]) + 300))
    wait_for("the Sensitivity window to be active", lambda: states(window).contains(pyatspi.STATE_ACTIVE))
    key("Escape")
    wait_for("Escape to close the Sensitivity window", lambda: not [
        w for w in lf.windows() if name_of(w) == "Sensitivity" and states(w).contains(pyatspi.STATE_VISIBLE)])
    # …and so does Ctrl+W. (With no window manager, give the main window the
    # keyboard back by hand.)
    xid, _ = lf.xwindow()
    xdotool("windowfocus", xid)
    wait_for("the main window to be active", lambda: states(lf.main_window()).contains(pyatspi.STATE_ACTIVE))
    key("ctrl+t")
    window = sensitivity_window(lf)
    xdotool("mousemove", str(int(geo["X"]) + int(geo["WIDTH"]) // 2), str(int(geo["Y"]) + 300))
    wait_for("the Sensitivity window to be active", lambda: states(window).contains(pyatspi.STATE_ACTIVE))
    key("ctrl+w")
    wait_for("Ctrl+W to close the Sensitivity window", lambda: not [
        w for w in lf.windows() if name_of(w) == "Sensitivity" and states(w).contains(pyatspi.STATE_VISIBLE)])
    check(lf.proc.poll() is None and states(lf.main_window()).contains(pyatspi.STATE_VISIBLE),
          "Ctrl+W closed more than the Sensitivity window")


def test_open_file_in_running_instance(lf):
    """Opening a scenario file while the program runs (as the file manager does,
    through the desktop file's Exec=landfall %F) hands it to the running window:
    the second process exits at once and no second window appears."""
    path = os.path.join(os.environ.get("LANDFALL_SOURCE_DIR", "."), "data", "presets",
                        "03-mexico-route.landfall")
    windows_before = len(lf.windows())
    second = subprocess.run([BIN, path], env=app_env(), capture_output=True, timeout=30)
    check(second.returncode == 0, f"the second 'landfall FILE' exited {second.returncode}: "
          f"{second.stderr.decode(errors='replace')[:300]}")
    wait_for("the running window to show the opened file",
             lambda: lf.title() in ("The Mexico route", "• The Mexico route"))
    check(len(lf.windows()) == windows_before,
          f"{len(lf.windows())} windows after opening, {windows_before} before")


def test_german_labels(lf):
    """With LANGUAGE=de the window speaks German: title, controls, summary, with
    German number formatting (artifact: window-de.png)."""
    check(lf.title() == "Aktuelle Politik", f"window title is {lf.title()!r}, not 'Aktuelle Politik'")
    slider = lf.find(pyatspi.ROLE_SLIDER, "Zoll auf in China gebaute E-Autos")
    check(abs(slider.queryValue().currentValue - 127.5) < 1e-6, "the German slider is not the China tariff")
    label = lf.summary("Anteil chinesischer Marken am US-E-Auto-Absatz, 2030")
    # German decimals use a comma: "0,0 %".
    check(re.search(r"2030: -?\d+,\d[ \u00a0]%", label) is not None,
          f"the 2030 share is not formatted the German way: {label!r}")
    lf.screenshot("window-de.png")


def error_dialog(lf, heading):
    """The message dialog with this heading, once it shows."""
    return wait_for(f"the {heading!r} dialog", lambda: [
        w for w in lf.windows() if w.getRole() in (pyatspi.ROLE_DIALOG, pyatspi.ROLE_ALERT)
        and lf.find_all(pyatspi.ROLE_LABEL, heading, root=w)] or None)[0]


def close_dialog(lf, dialog):
    # GTK 4.8 names a dialog's response button "_Close Close" (mnemonic, then label).
    button = wait_for("the dialog's Close button", lambda: [
        b for b in lf.find_all(pyatspi.ROLE_PUSH_BUTTON, root=dialog)
        if name_of(b).endswith("Close")] or None)[0]
    button.queryAction().doAction(0)
    wait_for("the dialog to close", lambda: dialog not in lf.windows() or
             not states(dialog).contains(pyatspi.STATE_VISIBLE))


def test_open_hostile_file_keeps_window(lf):
    """A scenario of 250,000 nested '[' (inside the size cap) handed to the
    running window once crashed it in json-glib's recursive parser, with the
    user's work. Now: a dialog names the problem, the window and its scenario
    stay as they were."""
    path = os.path.join(WORK, "deep.landfall")
    with open(path, "w") as f:
        f.write("[" * 250_000)
    title = lf.title()
    second = subprocess.run([BIN, path], env=app_env(), capture_output=True, timeout=30)
    check(second.returncode == 0, f"the second 'landfall FILE' exited {second.returncode}")
    dialog = error_dialog(lf, "Could Not Open the Scenario")
    lf.check_alive()
    labels = [name_of(l) for l in lf.find_all(pyatspi.ROLE_LABEL, root=dialog)]
    check(any("nested more than 64 levels deep" in l for l in labels),
          f"the dialog does not say what is wrong: {labels}")
    close_dialog(lf, dialog)
    check(lf.title() == title, f"the window title went from {title!r} to {lf.title()!r}")


def test_export_fails_on_full_disk(lf):
    """Run with little room for files (FILE_SIZE_LIMIT), an export of a chart
    fails as on a full disk: a dialog says so, nothing is left in the folder,
    and the unsaved change is still there."""
    folder = os.path.join(WORK, "full-disk")
    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(folder):
        os.unlink(os.path.join(folder, name))
    path = os.path.join(folder, "chart.png")

    slider = lf.find(pyatspi.ROLE_SLIDER, TARIFF_CHINA)
    slider.queryValue().currentValue = 40.0
    wait_for("the title to mark the change", lambda: lf.title().startswith("• "))
    title = lf.title()

    _, entry = open_export_dialog(lf)
    enter_file_name(entry, path)

    error = error_dialog(lf, "Could Not Export the Chart")
    labels = [name_of(l) for l in lf.find_all(pyatspi.ROLE_LABEL, root=error)]
    check(any("chart.png" in l for l in labels), f"the dialog does not name the file: {labels}")
    lf.screenshot("export-failed.png")
    close_dialog(lf, error)
    check(os.listdir(folder) == [], f"a failed export left {os.listdir(folder)} in the folder")
    check(lf.title() == title, f"the title went from {title!r} to {lf.title()!r}")
    check(abs(slider.queryValue().currentValue - 40.0) < 1e-6, "the changed tariff was lost")


# ---- comparing scenarios (issue 11) ----------------------------------------------------

def pin_preset(lf, name):
    """Scenarios menu → Pin to Comparison → the preset."""
    button = wait_for("the Scenarios button", lambda: [
        b for b in lf.find_all(pyatspi.ROLE_PUSH_BUTTON, "Scenarios")
        if shown(b) and b.queryAction().nActions > 0] or None)[0]
    lf.click(button)
    submenu = wait_for("the Pin to Comparison item", lambda: [
        o for o in lf.find_all(pyatspi.ROLE_MENU_ITEM, "Pin to Comparison") if shown(o)] or None)[0]
    lf.click(submenu)
    # The preset section lists the same names: the submenu's items come after it.
    item = wait_for(f"the {name!r} item of the submenu", lambda: (lambda hits: hits[-1] if len(hits) >= 2 else None)(
        [o for o in lf.find_all(pyatspi.ROLE_MENU_ITEM, name) if shown(o)]))
    lf.click(item)


def table_cell(lf, scenario, figure):
    """The accessible label of a cell of the comparison table."""
    return name_of(lf.find(pyatspi.ROLE_LABEL, prefix=f"{scenario}, {figure}:"))


def cli_share_2030(preset):
    path = os.path.join(os.environ.get("LANDFALL_SOURCE_DIR", "."), "data", "presets", preset)
    out = subprocess.run([BIN, "--project", "--scenario", path], capture_output=True, text=True,
                         check=True, timeout=60, env=dict(os.environ, LC_ALL="C.UTF-8")).stdout.splitlines()
    col = out[0].split(",").index("chinese_share_ev_pct")
    return float(next(l for l in out[1:] if l.startswith("2030,")).split(",")[col])


def test_compare_pins_presets(lf):
    """Pin two presets: the summary becomes a table by scenario, whose cells a
    screen reader reads with the differences from current policy, and whose
    figures are the command line's."""
    pin_preset(lf, "Trade deal")
    pin_preset(lf, "The Mexico route")
    cell = settled(lambda: table_cell(lf, "Trade deal", SHARE_2030), "the Trade deal cell")
    check("against Current policy" in cell, f"the cell gives no difference: {cell!r}")
    m = re.search(r"2030: (-?[\d.]+)[ \u00a0\u202f]%", cell)
    check(m is not None, f"no share in the cell {cell!r}")
    want = cli_share_2030("05-trade-deal.landfall")
    check(abs(float(m.group(1)) - want) < 0.051, f"the table says {m.group(1)} %, the command line {want:.3f} %")
    mexico = settled(lambda: table_cell(lf, "The Mexico route", SHARE_2030), "the Mexico cell")
    want = cli_share_2030("03-mexico-route.landfall")
    m = re.search(r"2030: (-?[\d.]+)", mexico)
    check(abs(float(m.group(1)) - want) < 0.051, f"the table says {m.group(1)} %, the command line {want:.3f} %")
    # The edited scenario is still current policy, whose cell has no difference.
    own = table_cell(lf, "Current policy", SHARE_2030)
    check("against" not in own, f"the reference's own cell has a difference: {own!r}")
    check(lf.title() == "Current policy", f"pinning changed the edited scenario: {lf.title()!r}")
    lf.screenshot("compare.png")


def compare_popover_open(lf):
    """Open the Compare popover, unless pinning already did. The menu button's
    accessible is a wrapper around the clickable one; either may say EXPANDED."""
    button = wait_for("the Compare button", lambda: [
        b for b in lf.find_all(pyatspi.ROLE_PUSH_BUTTON, "Compare")
        if b.queryAction().nActions > 0] or None)[0]

    def expanded():
        return any(states(o).contains(pyatspi.STATE_EXPANDED) for o in (button, button.parent) if o)
    if not expanded():
        lf.click(button)
    # GTK 4.8 names a button with a mnemonic "_Label Label".
    wait_for("the Compare popover", lambda: [
        b for b in lf.find_all(pyatspi.ROLE_PUSH_BUTTON) if name_of(b).endswith("Pin This Scenario")]
             and expanded())
    return button


def test_compare_edit_another(lf):
    """Any pinned scenario can become the edited one: the title and the
    controls follow it."""
    compare_popover_open(lf)
    edit = lf.find(pyatspi.ROLE_PUSH_BUTTON, "Trade deal")
    lf.click(edit)
    wait_for("the title to follow the edited scenario", lambda: lf.title() == "Trade deal")
    check(states(edit).contains(pyatspi.STATE_PRESSED), "the edited scenario's button is not pressed")
    lf.click(edit)  # pressing the edited one again keeps it edited
    check(lf.title() == "Trade deal", f"pressing the edited scenario again changed it: {lf.title()!r}")
    # The controls now edit the trade deal: its table cell follows them.
    before = settled(lambda: table_cell(lf, "Trade deal", SHARE_2030), "the Trade deal cell")
    key("Escape")
    # (Its China tariff is scheduled from 2027, so the credit, not the tariff, moves 2030.)
    lf.find(pyatspi.ROLE_SLIDER, "EV purchase credit").queryValue().currentValue = 7500.0
    wait_for("the Trade deal cell to follow its tariff", lambda: table_cell(lf, "Trade deal", SHARE_2030) != before)
    wait_for("the title to mark the trade deal changed", lambda: lf.title() == "• Trade deal")


def test_compare_remove(lf):
    """A pinned scenario goes with its Remove button; the table follows."""
    compare_popover_open(lf)
    remove = lf.find(pyatspi.ROLE_PUSH_BUTTON, "Remove The Mexico route")
    lf.click(remove)
    wait_for("the Mexico route to leave the table", lambda: not [
        o for o in lf.find_all(pyatspi.ROLE_LABEL, prefix="The Mexico route, ")
        if states(o).contains(pyatspi.STATE_VISIBLE)])
    check(lf.find_all(pyatspi.ROLE_PUSH_BUTTON, "Remove Trade deal"), "Trade deal's row went too")


def test_compare_file_opens(lf):
    """A comparison file handed to the running window (as the file manager
    does) replaces the comparison whole: its scenarios in the table, the one
    it says is edited in the title."""
    path = os.path.join(WORK, "briefing.landfall")
    with open(path, "w") as f:
        f.write('{"format": 1, "comparison": {"edited": 1, "scenarios": ['
                '{"name": "Open door", "values": {"rule.connected_vehicle": 0, "tariff.china": 25}},'
                '{"name": "Deal", "values": {"tariff.china@2027": 27.5, "rule.connected_vehicle@2027": 0}}]}}')
    second = subprocess.run([BIN, path], env=app_env(), capture_output=True, timeout=30)
    check(second.returncode == 0, f"the second 'landfall FILE' exited {second.returncode}")
    wait_for("the comparison's edited scenario in the title", lambda: lf.title() == "Deal")
    cell = settled(lambda: table_cell(lf, "Deal", SHARE_2030), "the Deal cell")
    check("against Open door" in cell, f"the reference is not the file's first scenario: {cell!r}")
    check(not lf.find_all(pyatspi.ROLE_LABEL, prefix="Trade deal, "), "the old comparison is still there")


def test_compare_pin_file(lf):
    """Compare → Pin a File…: a scenario file typed into the chooser joins
    the comparison beside the edited scenario."""
    path = os.path.join(WORK, "pinned-open-door.landfall")
    with open(path, "w") as f:
        f.write('{"format": 1, "name": "Pinned door", "values": {"rule.connected_vehicle": 0, "tariff.china": 25}}')
    compare_popover_open(lf)
    lf.click(wait_for("the Pin a File button", lambda: [
        b for b in lf.find_all(pyatspi.ROLE_PUSH_BUTTON) if name_of(b).endswith("Pin a File…")] or None)[0])
    dialog = wait_for("the Pin a File dialog", lambda: [
        w for w in lf.windows() if name_of(w) == "Pin a File"
        and states(w).contains(pyatspi.STATE_VISIBLE)] or None)[0]
    # Typing a path opens the chooser's location field.
    xdotool("type", "--delay", "20", path)
    entry = wait_for("the location field to take the path", lambda: [
        o for o in lf.find_all(pyatspi.ROLE_TEXT, root=dialog)
        if states(o).contains(pyatspi.STATE_EDITABLE) and text_of(o) == path] or None)[0]
    key("Return")
    cell = settled(lambda: table_cell(lf, "Pinned door", SHARE_2030), "the pinned file's cell")
    check("against" in cell, f"the pinned file's cell has no difference: {cell!r}")


def save_from_compare_popover(lf, button, title, path):
    """Press a button of the Compare popover that asks where to save, type
    @path into the dialog's name field, and wait for the file."""
    compare_popover_open(lf)
    lf.click(wait_for(f"the {button} button", lambda: [
        b for b in lf.find_all(pyatspi.ROLE_PUSH_BUTTON) if name_of(b).endswith(button)] or None)[0])
    dialog = wait_for(f"the {title} dialog", lambda: [
        w for w in lf.windows() if name_of(w) == title and states(w).contains(pyatspi.STATE_VISIBLE)] or None)[0]
    entry = wait_for("the focused file name field", lambda: [
        o for o in lf.find_all(pyatspi.ROLE_TEXT, root=dialog)
        if states(o).contains(pyatspi.STATE_EDITABLE) and states(o).contains(pyatspi.STATE_FOCUSED)] or None)[0]
    enter_file_name(entry, path)
    wait_for(f"{path} to be written", lambda: os.path.exists(path) and os.path.getsize(path))


def test_compare_export_table(lf):
    """Compare → Export Table…: the comparison as CSV, a leading scenario
    column and a block of years for each compared scenario."""
    path = os.path.join(WORK, "comparison.csv")
    if os.path.exists(path):
        os.unlink(path)
    save_from_compare_popover(lf, "Export Table…", "Export Comparison as CSV", path)
    with open(path) as f:
        lines = f.read().splitlines()
    check(lines[0].startswith("scenario,year,"), f"the table's header is {lines[0][:40]!r}")
    names = []
    for line in lines[1:]:
        name = line.split(",")[0]
        if name not in names:
            names.append(name)
    shown = len(lf.find_all(pyatspi.ROLE_PUSH_BUTTON, prefix="Remove "))
    check(len(names) == shown and len(lines) == 1 + 11 * shown,
          f"{len(names)} scenarios and {len(lines) - 1} rows for {shown} compared scenarios")


def test_compare_save(lf):
    """Compare → Save Comparison…: one .landfall file holding every compared
    scenario, which the command line reads back as a comparison."""
    path = os.path.join(WORK, "saved-comparison.landfall")
    if os.path.exists(path):
        os.unlink(path)
    save_from_compare_popover(lf, "Save Comparison…", "Save Comparison", path)
    out = subprocess.run([BIN, "--project", "--format", "json", "--compare", path], capture_output=True,
                         text=True, timeout=60, env=dict(os.environ, LC_ALL="C.UTF-8"))
    check(out.returncode == 0, f"the saved comparison does not load: {out.stderr.strip()}")
    names = [s["scenario"] for s in json.loads(out.stdout)["scenarios"]][1:]
    shown = [name_of(b).removeprefix("Remove ") for b in lf.find_all(pyatspi.ROLE_PUSH_BUTTON, prefix="Remove ")]
    check(names == shown, f"the file holds {names}, the window compares {shown}")


BUILD_DIR = os.environ.get("LANDFALL_BUILD_DIR", ".")


def restore_env():
    """Settings as a previous run left them, in a keyfile of a private config
    dir: the last scenario and a window size."""
    config = os.path.join(ARTIFACTS, "restore-config")
    os.makedirs(os.path.join(config, "glib-2.0", "settings"), exist_ok=True)
    scenario = os.path.join(os.environ.get("LANDFALL_SOURCE_DIR", "."), "data", "presets",
                            "03-mexico-route.landfall")
    with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
        f.write("[io/github/landfall/Landfall]\n"
                f"last-scenario='{scenario}'\n"
                "window-width=1000\nwindow-height=700\nwindow-maximized=false\n"
                "chart-market='jobs'\nchart-ford='ford'\n")
    return {"GSETTINGS_BACKEND": "keyfile", "XDG_CONFIG_HOME": config}


def test_restores_last_scenario_and_size(lf):
    """Started with no file, the window reopens the last scenario, unmodified,
    at the size it had."""
    check(lf.title() == "The Mexico route", f"window title is {lf.title()!r}, not the last scenario")
    xid, (x, y, width, height) = lf.xwindow()
    check(abs(width - 1000) <= 2 and abs(height - 700) <= 50,
          f"the window is {width}×{height}, not the 1000×700 it had")

def test_restores_chart_choice(lf):
    """The chart cards show the charts chosen last (issue 12)."""
    lf.find(pyatspi.ROLE_IMAGE, "Jobs at Chinese-brand plants in North America")
    lf.find(pyatspi.ROLE_IMAGE, "Ford EV sales and EBIT")


def beyond_old_ranges_env():
    """A valid scenario beyond where the controls once ended (300 % and
    1,000,000): the China tariff at 400 % and a quota of 5,000,000. Opened
    from the command line (Session args)."""
    path = os.path.join(ARTIFACTS, "beyond-old-ranges.landfall")
    os.makedirs(ARTIFACTS, exist_ok=True)
    with open(path, "w") as f:
        f.write('{"format": 1, "name": "Beyond the old ranges", "values": '
                '{"tariff.china": 400, "quota.china": 5000000}}\n')
    return {"LANDFALL_TEST_ARGS": path}


QUOTA_SIZE = "Quota size for China-built EVs"


def test_levers_show_the_models_whole_range(lf):
    """A lever shows any value the model allows (issue 10): a file with the
    China tariff at 400 % and a quota of 5,000,000 opens showing exactly
    those, unmodified, and one step down from 400 gives 397.5 (the controls
    once stopped at 300 % and 1 M, and a step down wrote 297.5)."""
    check(lf.title() == "Beyond the old ranges", f"window title is {lf.title()!r}")
    slider = lf.find(pyatspi.ROLE_SLIDER, TARIFF_CHINA)
    spin = lf.find(pyatspi.ROLE_SPIN_BUTTON, TARIFF_CHINA + ", exact value")
    for what, acc in (("slider", slider), ("exact entry", spin)):
        v = acc.queryValue()
        check(abs(v.currentValue - 400) < 1e-6,
              f"the China tariff {what} shows {v.currentValue}, not the file's 400")
        check(v.minimumValue == 0 and v.maximumValue >= 400,
              f"the China tariff {what} spans {v.minimumValue}–{v.maximumValue}")
    check(spin.queryValue().maximumValue == 500,
          f"the exact entry ends at {spin.queryValue().maximumValue}, not the model's 500")
    quota = lf.find(pyatspi.ROLE_SPIN_BUTTON, QUOTA_SIZE + ", exact value")
    quota_slider = lf.find(pyatspi.ROLE_SLIDER, QUOTA_SIZE)
    for what, acc in (("exact entry", quota), ("slider", quota_slider)):
        v = acc.queryValue().currentValue
        check(abs(v - 5_000_000) < 1e-6, f"the quota {what} shows {v}, not the file's 5,000,000")
    check(not lf.title().startswith("• "), f"opening the file changed it: {lf.title()!r}")

    # A click on the exact entry's text gives it the keyboard focus (GTK 4.8
    # offers no AT-SPI grabFocus); its position comes relative to the window.
    ex = spin.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    _, (x, y, width, height) = lf.xwindow()
    tap(f"# exact entry at {ex.x},{ex.y} {ex.width}x{ex.height} in the window")
    xdotool("mousemove", str(x + ex.x + 12), str(y + ex.y + ex.height // 2), "click", "1")
    wait_for("the China tariff's exact entry to take the focus", lambda: [
        o for o in [spin, *lf.find_all(pyatspi.ROLE_TEXT, root=spin)]
        if states(o).contains(pyatspi.STATE_FOCUSED)] or None)
    key("Down")
    wait_for("one step down from 400 to give 397.5",
             lambda: abs(spin.queryValue().currentValue - 397.5) < 1e-6)
    wait_for("the title to mark the change", lambda: lf.title().startswith("• "))


def test_schedule_popover_applies_a_later_value(lf):
    """The calendar button beside a policy lever gives it a new value from a
    later year: it starts from the lever's value and reaches the model's end
    (500 %); 25 % from 2028 on the China tariff shows under the lever's name,
    and Ctrl+Z takes it away."""
    before = lf.title()
    button = wait_for("the China tariff's calendar button", lambda: [
        b for b in lf.find_all(pyatspi.ROLE_PUSH_BUTTON, f"Change {TARIFF_CHINA} in a later year")
        if b.queryAction().nActions > 0] or None)[0]
    lf.click(button)
    year = wait_for("the From year entry", lambda: [
        o for o in lf.find_all(pyatspi.ROLE_SPIN_BUTTON, "From year")
        if states(o).contains(pyatspi.STATE_VISIBLE)] or None)[0]
    value = wait_for("the New value entry", lambda: [
        o for o in lf.find_all(pyatspi.ROLE_SPIN_BUTTON, "New value")
        if states(o).contains(pyatspi.STATE_VISIBLE)] or None)[0]
    check(abs(year.queryValue().currentValue - 2028) < 1e-6,
          f"the From year starts at {year.queryValue().currentValue}, not 2028")
    lever = lf.find(pyatspi.ROLE_SPIN_BUTTON, TARIFF_CHINA + ", exact value").queryValue().currentValue
    check(abs(value.queryValue().currentValue - lever) < 1e-6,
          f"the New value starts at {value.queryValue().currentValue}, not the lever's {lever}")
    check(value.queryValue().maximumValue == 500,
          f"the New value ends at {value.queryValue().maximumValue}, not the model's 500")
    year.queryValue().currentValue = 2028
    value.queryValue().currentValue = 25
    popover = year.parent
    while popover is not None and not lf.find_all(pyatspi.ROLE_PUSH_BUTTON, root=popover):
        popover = popover.parent
    apply = wait_for("the Apply button", lambda: [
        b for b in lf.find_all(pyatspi.ROLE_PUSH_BUTTON, root=popover)
        if name_of(b).endswith("Apply")] or None)[0]
    lf.click(apply)
    wait_for("the schedule to show under the lever", lambda: lf.find_all(
        pyatspi.ROLE_LABEL, "from 2028: 25 %"))
    wait_for("the title to mark the change", lambda: lf.title().startswith("• "))
    key("Escape")
    lf.focus_main_window()
    key("ctrl+z")
    wait_for("undo to take the schedule away", lambda: not [
        o for o in lf.find_all(pyatspi.ROLE_LABEL, "from 2028: 25 %")
        if states(o).contains(pyatspi.STATE_VISIBLE)])


# ---- the words a newcomer meets (issue 12) ------------------------------------------

WELCOME = "Under current policy, no Chinese brand sells EVs in the US"


def words_env():
    """An en_US session with settings kept in a keyfile that starts empty (a
    first launch); the next session reads what this one left."""
    config = os.path.join(ARTIFACTS, "words-config")
    if os.path.isdir(config):
        shutil.rmtree(config)
    os.makedirs(os.path.join(config, "glib-2.0", "settings"), exist_ok=True)
    return {"GSETTINGS_BACKEND": "keyfile", "XDG_CONFIG_HOME": config,
            "LC_ALL": "en_US.UTF-8", "LANGUAGE": "en"}


def words_again_env():
    return {"GSETTINGS_BACKEND": "keyfile", "XDG_CONFIG_HOME": os.path.join(ARTIFACTS, "words-config"),
            "LC_ALL": "en_US.UTF-8", "LANGUAGE": "en"}


def visible_labels(lf, text=None, prefix=None):
    """Labels shown (GTK 4.8 gives labels VISIBLE but never SHOWING)."""
    return [o for o in lf.find_all(pyatspi.ROLE_LABEL, text, prefix)
            if states(o).contains(pyatspi.STATE_VISIBLE)]


def welcome_shown(lf):
    """The introduction (a group named by its heading) is there and visible."""
    return [o for o in lf.find_all(pyatspi.ROLE_PANEL, WELCOME)
            if states(o).contains(pyatspi.STATE_VISIBLE)]


def test_welcome_shown_on_first_launch(lf):
    """A first launch says why everything is zero, citing the data's tariff,
    and offers presets to try (artifact: welcome.png)."""
    wait_for("the introduction", lambda: welcome_shown(lf) or None)
    body = wait_for("its explanation", lambda: visible_labels(lf, prefix="Today's tariffs") or None)[0]
    check("127.5" in name_of(body), f"the introduction does not cite the data's tariff: {name_of(body)!r}")
    for preset in ("Build in America", "The Mexico route"):
        lf.find(pyatspi.ROLE_PUSH_BUTTON, preset)
    lf.screenshot("welcome.png")


def test_tooltips_plain_and_about_button(lf):
    """A lever's tooltip is one plain sentence (no "Key:", no file names);
    its About button opens its meaning and source (artifact: about-popover.png)."""
    slider = lf.find(pyatspi.ROLE_SLIDER, TARIFF_CHINA)
    tip = slider.description
    check(tip and "Key:" not in tip and "data/" not in tip and "\n" not in tip,
          f"the China tariff's tooltip is {tip!r}")
    button = wait_for("the China tariff's About button", lambda: [
        b for b in lf.find_all(pyatspi.ROLE_PUSH_BUTTON, f"About {TARIFF_CHINA}")
        if b.queryAction().nActions > 0] or None)[0]
    lf.click(button)
    about = wait_for("the About popover's text", lambda: [
        o for o in lf.find_all(pyatspi.ROLE_LABEL) if "In files: tariff.china" in name_of(o)
        and states(o).contains(pyatspi.STATE_VISIBLE)] or None)[0]
    text = name_of(about)
    check("Source: Derived stack on a China-built EV" in text, f"the popover names no source: {text!r}")
    check("Today: 127.5" in text, f"the popover gives no value today: {text!r}")
    lf.screenshot("about-popover.png")
    # Closed again by its button (GTK 4.8 leaves a closed popover's text VISIBLE).
    lf.click(button)


def test_trade_deal_shows_its_scheduled_quota(lf):
    """Opened from the introduction, the trade deal's quota switch says the
    100,000 quota binds from 2027 (not "Off: no limit"), its size entry shows
    "100,000" with grouping, and the rule's schedule reads "Off", not 0."""
    lf.click(lf.find(pyatspi.ROLE_PUSH_BUTTON, "Trade deal"))
    wait_for("the window title to become 'Trade deal'", lambda: lf.title() == "Trade deal")
    wait_for("the quota switch to name the scheduled quota", lambda: visible_labels(
        lf, "Now: no limit; from 2027: 100,000 a year") or None)
    quota = lf.find(pyatspi.ROLE_SPIN_BUTTON, QUOTA_SIZE + ", exact value")
    texts = [text_of(t) for t in lf.find_all(pyatspi.ROLE_TEXT, root=quota)] or [text_of(quota)]
    check("100,000" in texts, f"the quota size shows {texts!r}, not 100,000")
    wait_for("the rule's schedule by name", lambda: visible_labels(lf, "from 2027: Off") or None)
    lf.screenshot("trade-deal-controls.png")


def test_edited_preset_says_what_changed(lf):
    """Edited, the trade deal no longer repeats its description: it says
    what changed from it."""
    slider = lf.find(pyatspi.ROLE_SLIDER, TARIFF_CHINA)
    slider.queryValue().currentValue = 0.0
    wait_for("the title to mark the change", lambda: lf.title() == "• Trade deal")
    wait_for("the description to say what changed", lambda: visible_labels(
        lf, prefix="Changed from Trade deal (1 setting differs): Tariff on China-built EVs") or None)
    check(not visible_labels(lf, prefix="A summit deal"), "the preset's description is still shown")


def test_preset_over_edits_offers_undo(lf):
    """A preset picked over unsaved changes says so in a toast, and its Undo
    brings back the edited scenario, still modified (artifact: replaced-toast.png)."""
    lf.open_preset("Build in America")
    wait_for("the toast", lambda: visible_labels(lf, "Replaced your unsaved changes") or None)
    undo = wait_for("the toast's Undo button", lambda: [
        b for b in lf.find_all(pyatspi.ROLE_PUSH_BUTTON)
        if name_of(b).endswith("Undo") and name_of(b).startswith("_")
        and states(b).contains(pyatspi.STATE_VISIBLE)] or None)[0]
    lf.screenshot("replaced-toast.png")
    lf.click(undo)
    wait_for("the edited trade deal to come back", lambda: lf.title() == "• Trade deal")
    slider = lf.find(pyatspi.ROLE_SLIDER, TARIFF_CHINA)
    wait_for("its China tariff of 0 to come back", lambda: abs(slider.queryValue().currentValue) < 1e-6)


def test_reset_over_edits_offers_undo(lf):
    """Reset to Baseline is an edit the toast offers to undo."""
    wait_for("the edited trade deal", lambda: lf.title() == "• Trade deal")
    lf.focus_main_window()
    key("shift+ctrl+r")
    wait_for("the title '• Current policy'", lambda: lf.title() == "• Current policy")
    wait_for("the toast", lambda: visible_labels(lf, "Reset to the current-policy baseline") or None)
    undo = wait_for("the toast's Undo button", lambda: [
        b for b in lf.find_all(pyatspi.ROLE_PUSH_BUTTON)
        if name_of(b).endswith("Undo") and name_of(b).startswith("_")
        and states(b).contains(pyatspi.STATE_VISIBLE)] or None)[0]
    lf.click(undo)
    wait_for("the edited trade deal to come back", lambda: lf.title() == "• Trade deal")


def test_welcome_dismissed(lf):
    """The introduction speaks of current policy: over another scenario it is
    away, back on current policy it returns; its close button hides it (and
    the next session checks that it stays hidden)."""
    check(not welcome_shown(lf), "the introduction is shown over the edited trade deal")
    lf.open_preset("Current policy")
    wait_for("the title 'Current policy'", lambda: lf.title() == "Current policy")
    wait_for("the introduction to come back", lambda: welcome_shown(lf) or None)
    lf.click(lf.find(pyatspi.ROLE_PUSH_BUTTON, "Dismiss the introduction"))
    wait_for("the introduction to go", lambda: not welcome_shown(lf))


def test_welcome_stays_dismissed(lf):
    """Started again after the introduction was dismissed: it is not shown."""
    settled(lambda: lf.summary(SHARE_2030), "the summary")
    check(not welcome_shown(lf), "the dismissed introduction is shown again")
    with open(os.path.join(ARTIFACTS, "words-config", "glib-2.0", "settings", "keyfile")) as f:
        kept = f.read()
    check("show-welcome=false" in kept, f"the settings do not keep the dismissal: {kept!r}")


def flat_rock_env():
    """Current policy with a Xiaomi plant at Ford's Flat Rock site, 200,000 a
    year from 2028: it needs the partnership and the rule waived. Opened from
    the command line (Session args)."""
    path = os.path.join(ARTIFACTS, "flat-rock.landfall")
    os.makedirs(ARTIFACTS, exist_ok=True)
    with open(path, "w") as f:
        f.write('{"format": 1, "name": "Xiaomi at Flat Rock", "values": {'
                '"plant.xiaomi-fr.maker": "xiaomi", "plant.xiaomi-fr.site": "us-mi-flat-rock", '
                '"plant.xiaomi-fr.capacity": 200000, "plant.xiaomi-fr.start_year": 2028}}\n')
    return {"LANDFALL_TEST_ARGS": path}


FLAT_ROCK_NOTE = "Xiaomi in Flat Rock"
PARTNERSHIP = "Ford hosts partner production"


def visible_names(lf, prefix):
    """The names of visible objects (a note's row, its label, a row's icon) that start with prefix."""
    def pred(o):
        try:
            return name_of(o).startswith(prefix) and states(o).contains(pyatspi.STATE_VISIBLE)
        except Exception:
            return False
    return [name_of(o) for w in lf.windows() for o in pyatspi.utils.findAllDescendants(w, pred)]


def test_notes_say_why_and_fix(lf):
    """Issue 12: the Flat Rock Xiaomi plant under current policy builds
    nothing, and the list above the charts says why (the partnership); its
    button turns the partnership on (the switch reads on, one undo step),
    and the note becomes the rule's."""
    wait_for("a note on the Flat Rock plant naming the partnership", lambda: [
        t for t in visible_names(lf, FLAT_ROCK_NOTE) if "partnership" in t] or None)
    # GTK 4.8 names this switch by its row's title and its own label: "X X".
    switch = wait_for(f"a switch named {PARTNERSHIP!r}…", lambda: [
        o for r in (pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_TOGGLE_BUTTON)
        for o in lf.find_all(r, prefix=PARTNERSHIP) if states(o).contains(pyatspi.STATE_VISIBLE)] or None)[0]
    check(not switch_on(switch), "the partnership starts on")
    # The list is short: the rest fold under "N more notes"; the China
    # tariff's own note is beside its slider.
    wait_for("the other notes folded", lambda: [
        t for t in visible_names(lf, "") if re.fullmatch(r"\d+ more notes?", t)] or None)
    wait_for("a note beside the China tariff", lambda: visible_names(
        lf, "The tariff on cars from China changes nothing") or None)
    # The map says why the plant builds nothing (its description, as its read-out).
    wait_for("the map to say why the Flat Rock plant builds nothing", lambda: [
        o for o in lf.find_all(pyatspi.ROLE_IMAGE)
        if "builds for a partner only with the partnership on" in (o.description or "")] or None)
    button = lf.find(pyatspi.ROLE_PUSH_BUTTON, "Turn on the partnership")
    lf.click(button)
    wait_for("the partnership switch to turn on", lambda: switch_on(switch))
    wait_for("the Flat Rock note to become the rule's", lambda: (
        [t for t in visible_names(lf, FLAT_ROCK_NOTE) if "connected-vehicle rule" in t]
        and not [t for t in visible_names(lf, FLAT_ROCK_NOTE) if "partnership" in t]) or None)
    lf.find(pyatspi.ROLE_PUSH_BUTTON, "Authorise Xiaomi")
    wait_for("the map to give the rule as the reason", lambda: [
        o for o in lf.find_all(pyatspi.ROLE_IMAGE)
        if "Flat Rock" in (o.description or "") and "partnership on" not in o.description
        and "the connected-vehicle rule bars Xiaomi" in o.description] or None)
    lf.screenshot("notes-fixed.png")
    lf.focus_main_window()
    key("ctrl+z")
    wait_for("undo to turn the partnership off", lambda: not switch_on(switch))
    wait_for("the partnership note to come back", lambda: [
        t for t in visible_names(lf, FLAT_ROCK_NOTE) if "partnership" in t] or None)


SESSIONS = [
    ("default", {}, [
        test_screenshot_light,
        test_tariff_control_has_accessible_names,
        test_preset_rule_waived_by_menu_button,
        test_map_marks_plants_that_build_nothing,
        test_ford_cards_show_band,
        test_summary_leads_with_ford_impact,
        test_chart_titles,
        test_chart_chooser_switches,
        test_tariff_change_moves_share,
        test_map_follows_the_projection,
        test_undo_restores_summary,
        test_authorisation_switch_undo,
        test_quota_row_by_keyboard,
        test_rule_choice_by_keyboard,
        test_preset_trade_deal_by_keyboard,
        test_export_chart,
        test_export_default_size,
        test_header_buttons_have_names,
        test_wheel_scrolls_panel_not_values,
        test_sensitivity_window,
        test_open_file_in_running_instance,
        test_open_hostile_file_keeps_window,
        test_screenshot_dark,
    ]),
    # 16 KiB for any one file: enough to start, too little for a 1600x900 chart.
    ("full-disk", {"FILE_SIZE_LIMIT": str(16 * 1024)}, [
        test_export_fails_on_full_disk,
    ]),
    ("compare", {}, [
        test_compare_pins_presets,
        test_compare_edit_another,
        test_compare_remove,
        test_compare_file_opens,
        test_compare_pin_file,
        test_compare_export_table,
        test_compare_save,
    ]),
    ("beyond-old-ranges", beyond_old_ranges_env(), [
        test_levers_show_the_models_whole_range,
        test_schedule_popover_applies_a_later_value,
    ]),
    ("attribution", {}, [
        test_sensitivity_attribution,
    ]),
    ("words", words_env(), [
        test_welcome_shown_on_first_launch,
        test_tooltips_plain_and_about_button,
        test_trade_deal_shows_its_scheduled_quota,
        test_edited_preset_says_what_changed,
        test_preset_over_edits_offers_undo,
        test_reset_over_edits_offers_undo,
        test_welcome_dismissed,
    ]),
    ("words-again", words_again_env(), [
        test_welcome_stays_dismissed,
    ]),
    ("notes", flat_rock_env(), [
        test_notes_say_why_and_fix,
    ]),
    ("restore", restore_env(), [
        test_restores_last_scenario_and_size,
        test_restores_chart_choice,
    ]),
    # The build's own catalogues (build/po/<lang>/LC_MESSAGES), in a German locale.
    ("de", {"LANGUAGE": "de", "LC_ALL": "de_DE.UTF-8",
            "LANDFALL_LOCALEDIR": os.path.join(BUILD_DIR, "po")}, [
        test_german_labels,
    ]),
]


def run_session(session, env, tests, counts):
    """Launch the program with env added, run tests in order, stop it."""
    # LANDFALL_TEST_ARGS: a file to open, given on the command line.
    env = dict(env)
    args = [env.pop("LANDFALL_TEST_ARGS")] if "LANDFALL_TEST_ARGS" in env else []
    lf = Landfall(env, args=args, log_name=session)
    broken = None
    try:
        try:
            t0 = time.monotonic()
            lf.wait_ready()
            tap(f"# session {session}: ready in {time.monotonic() - t0:.1f}s")
        except Exception as e:
            broken = f"the program did not come up: {e}"
        for t in tests:
            counts["run"] += 1
            n = counts["run"]
            desc = f"{session}: {t.__name__}"
            todo = getattr(t, "known_bug", None)
            directive = f" # TODO {todo}" if todo else ""
            if broken:
                tap(f"not ok {n} - {desc} # {broken}")
                continue
            t0 = time.monotonic()
            try:
                t(lf)
            except Exception as e:
                tap(f"not ok {n} - {desc}{directive}")
                for line in (str(e) if isinstance(e, Failure) else traceback.format_exc()).splitlines():
                    tap(f"# {line}")
                if todo:
                    counts["known"] += 1
                    continue
                try:
                    tap(f"# screenshot: {lf.screenshot(f'failed-{t.__name__}.png')}")
                except Exception:
                    pass
                if lf.proc.poll() is not None:
                    broken = f"the program exited with status {lf.proc.returncode}"
                continue
            if todo:
                counts["unexpected"] += 1
                tap(f"ok {n} - {desc}{directive}")
                tap("# passed, but is marked as a known bug: take the mark off")
            else:
                counts["passed"] += 1
                tap(f"ok {n} - {desc} ({time.monotonic() - t0:.1f}s)")
    finally:
        lf.stop()


def main(argv):
    only = argv[argv.index("-k") + 1] if "-k" in argv else None
    selected = [(session, env, [t for t in tests if only is None or only in f"{session}: {t.__name__}"])
                for session, env, tests in SESSIONS]
    selected = [s for s in selected if s[2]]
    os.makedirs(ARTIFACTS, exist_ok=True)
    tap(f"1..{sum(len(s[2]) for s in selected)}")
    counts = dict(run=0, passed=0, known=0, unexpected=0)
    started = time.monotonic()
    for session, env, tests in selected:
        run_session(session, env, tests, counts)
    failed = counts["run"] - counts["passed"] - counts["known"] - counts["unexpected"]
    tap(f"# {counts['passed']} passed, {failed} failed, {counts['known']} known bugs, "
        f"{counts['unexpected']} unexpectedly passed in {time.monotonic() - started:.0f}s")
    return 1 if failed or counts["unexpected"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
