"""Before Qt starts on Linux: are the system libraries its xcb platform plugin needs installed?

Without one of them Qt prints "could not load the Qt platform plugin 'xcb'" (and often blames the
wrong library) and aborts the process. We look for each library first, the way the dynamic loader
will, and name the packages to install instead. Plain Python (ctypes), no Qt: it runs before Qt.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# shared object → Debian/Ubuntu package (as .ci/run installs them; README's quick start lists them)
XCB_LIBRARIES: dict[str, str] = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}


def _loadable(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def uses_xcb(env: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will start its xcb plugin: on Linux, unless another platform is asked for or a
    Wayland session is there (Qt 6 prefers Wayland then)."""
    if not platform.startswith("linux"):
        return False
    asked = env.get("QT_QPA_PLATFORM", "")
    if asked:
        return asked.split(":")[0].split(";")[0] == "xcb"
    return not env.get("WAYLAND_DISPLAY")


def missing_packages(loadable: Callable[[str], bool] = _loadable) -> list[str]:
    """The packages whose libraries cannot be loaded, in the order of XCB_LIBRARIES."""
    return [pkg for lib, pkg in XCB_LIBRARIES.items() if not loadable(lib)]


def platform_problem(
    env: Mapping[str, str] | None = None,
    loadable: Callable[[str], bool] = _loadable,
    platform: str = sys.platform,
) -> tuple[str, dict[str, str]] | None:
    """(message key, params) saying why Qt's window cannot open here, or None when it can."""
    env = os.environ if env is None else env
    if not uses_xcb(env, platform):
        return None
    missing = missing_packages(loadable)
    if missing:
        return "ui.platform.missing", {"packages": " ".join(missing)}
    if not env.get("DISPLAY"):
        return "ui.platform.no_display", {}
    return None
