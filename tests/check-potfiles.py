#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fail when a file with translatable strings is missing from po/POTFILES.in.

Usage: check-potfiles.py [SOURCE_ROOT]

Scans every text file under src/ and data/ for gettext markers (_(" N_(" C_(" NC_(" and
translatable="yes") and compares the result with po/POTFILES.in. A file listed in
po/POTFILES.skip is deliberately left out and is not reported. Entries in POTFILES.in that
name a file which does not exist are reported too, since xgettext would fail on them.
Standard library only.
"""

import os
import re
import sys

SCAN_DIRS = ("src", "data")

# A gettext call opens with a macro that is not the tail of a longer identifier
# (g_("...") or my_("...") are not gettext).
MARKER = re.compile(r'(?<![A-Za-z0-9_])(?:NC_|C_|N_|_)\(\s*"|translatable\s*=\s*"yes"')

# Files that cannot hold source strings; skipping them keeps the scan fast.
BINARY_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".ico", ".mo", ".gz", ".zip",
                   ".pdf", ".ttf", ".otf", ".woff", ".woff2", ".gresource", ".o", ".a", ".so")


def read_list(path):
    """Return the paths listed in a POTFILES-style file, ignoring comments and blanks."""
    entries = []
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                # xgettext accepts "[type: gettext/glade] path" and "[encoding: ...]" prefixes.
                line = re.sub(r"^(\[[^\]]*\]\s*)+", "", line)
                if line:
                    entries.append(os.path.normpath(line))
    except FileNotFoundError:
        pass
    return entries


def has_marker(path):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        print(f"# cannot read {path}: {e}", file=sys.stderr)
        return False
    if b"\0" in data:  # binary
        return False
    return MARKER.search(data.decode("utf-8", errors="replace")) is not None


def scan(root):
    found = []
    for top in SCAN_DIRS:
        base = os.path.join(root, top)
        for dirpath, dirnames, filenames in os.walk(base):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith(".") or name.lower().endswith(BINARY_SUFFIXES):
                    continue
                full = os.path.join(dirpath, name)
                if has_marker(full):
                    found.append(os.path.normpath(os.path.relpath(full, root)))
    return found


def main(argv):
    if len(argv) > 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    root = argv[1] if len(argv) == 2 else os.path.join(os.path.dirname(__file__), "..")
    root = os.path.abspath(root)

    potfiles_in = os.path.join(root, "po", "POTFILES.in")
    if not os.path.isfile(potfiles_in):
        print(f"not ok - {potfiles_in} does not exist")
        return 1
    listed = set(read_list(potfiles_in))
    skipped = set(read_list(os.path.join(root, "po", "POTFILES.skip")))

    missing = [p for p in scan(root) if p not in listed and p not in skipped]
    stale = sorted(p for p in listed if not os.path.isfile(os.path.join(root, p)))

    for p in missing:
        print(f"missing from po/POTFILES.in: {p}")
    for p in stale:
        print(f"listed in po/POTFILES.in but does not exist: {p}")
    if missing or stale:
        print(f"FAIL: {len(missing)} missing, {len(stale)} stale "
              "(add translatable files to po/POTFILES.in, or to po/POTFILES.skip on purpose)")
        return 1
    print(f"ok: po/POTFILES.in lists all {len(listed)} files with translatable strings")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
