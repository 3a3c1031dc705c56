#!/usr/bin/env python3
"""Fails when a keyboard shortcut of the program is missing from the Keyboard
Shortcuts window (src/ui/help-overlay.ui), or listed there with other keys.

Shortcuts come from gtk_widget_class_add_binding_action() in src/ui/*.c and
from the accels arrays given to gtk_application_set_accels_for_action().
Standard library only.
"""
import html
import os
import re
import sys
import xml.etree.ElementTree as ET

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
ui_dir = os.path.join(root, "src", "ui")

MODS = {"GDK_CONTROL_MASK": "<Control>", "GDK_SHIFT_MASK": "<Shift>", "GDK_ALT_MASK": "<Alt>"}


def normalise(accel):
    """'<Shift><Control>s' and '<Control><Shift>S' are the same keys."""
    mods = sorted(set(re.findall(r"<(\w+)>", accel)))
    key = re.sub(r"<\w+>", "", accel).lower()
    return "".join(f"<{m}>" for m in mods) + key


wanted = {}   # normalised accel -> where it comes from
app_accels = {}   # normalised accel -> action: the shortcuts window finds these by action name
for name in sorted(os.listdir(ui_dir)):
    if not name.endswith(".c"):
        continue
    text = open(os.path.join(ui_dir, name), encoding="utf-8").read()
    for m in re.finditer(r"gtk_widget_class_add_binding_action\s*\(\s*\w+\s*,\s*GDK_KEY_(\w+)\s*,"
                         r"\s*([\w\s|]+?)\s*,\s*\"([\w.-]+)\"", text):
        key, mods, action = m.groups()
        accel = "".join(MODS[x.strip()] for x in mods.split("|") if x.strip() in MODS) + key
        wanted[normalise(accel)] = f"{name}: {action}"
    # static arrays of accels: const char *x_accels[] = { "<Control>q", NULL };
    arrays = dict(re.findall(r"\*\s*(\w+)\[\]\s*=\s*\{\s*\"([^\"]+)\"", text))
    for m in re.finditer(r"gtk_application_set_accels_for_action\s*\([^,]+,\s*\"([\w.-]+)\"\s*,\s*(\w+)\s*\)",
                         text):
        action, array = m.groups()
        if array in arrays:
            wanted[normalise(arrays[array])] = f"{name}: {action}"
            app_accels[normalise(arrays[array])] = action

listed = set()
listed_actions = set()
tree = ET.parse(os.path.join(ui_dir, "help-overlay.ui"))
for prop in tree.iter("property"):
    if prop.get("name") == "accelerator" and prop.text:
        for accel in html.unescape(prop.text).split():
            listed.add(normalise(accel))
    if prop.get("name") == "action-name" and prop.text:
        listed_actions.add(prop.text.strip())

missing = sorted(a for a in wanted
                 if a not in listed and app_accels.get(a) not in listed_actions)
for a in missing:
    print(f"missing from the Keyboard Shortcuts window: {a} ({wanted[a]})")
if not wanted:
    print("FAIL: found no shortcuts in src/ui; the check is broken")
    sys.exit(1)
if missing:
    print(f"FAIL: {len(missing)} of {len(wanted)} shortcuts are not listed")
    sys.exit(1)
print(f"ok: all {len(wanted)} shortcuts are listed in the Keyboard Shortcuts window")
