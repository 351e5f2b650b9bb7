#!/usr/bin/env python3
"""delocate's own verdict on macOS wheels, for wheelsh's differential test.

For each wheel named on the command line it unpacks the wheel and asks delocate's
delocate.delocating._calculate_minimum_wheel_name twice: without a deployment target (the name
delocate-wheel would give the wheel, or the DelocationError it raises when a claimed architecture
has no binary) and with MACOSX_DEPLOYMENT_TARGET at the lowest version the wheel's tags promise
(the libraries delocate-wheel then refuses as too new). It prints one JSON object a line.

delocate and its dependencies (macholib, altgraph; packaging and typing_extensions from the
interpreter) are not installed: PYTHONPATH names their source trees, e.g. those of delocate at
d0ec232 (0.13.0+), macholib 9c2da67 (1.16.4+) and altgraph beac888 (0.17.5+). Nothing of theirs is copied here.
"""
import json
import sys
import tempfile
import warnings
import zipfile
from pathlib import Path

warnings.simplefilter("ignore")

from packaging.utils import parse_wheel_filename  # noqa: E402
from packaging.version import Version  # noqa: E402
from delocate.delocating import _calculate_minimum_wheel_name, _get_macos_min_version  # noqa: E402
from delocate.libsana import DelocationError  # noqa: E402


def promised(name):
    """The lowest macOS version the wheel's platform tags name."""
    versions = []
    for tag in parse_wheel_filename(name)[3]:
        parts = tag.platform.split("_")
        versions.append(Version(parts[1] + "." + parts[2]))
    return min(versions)


def judge(path):
    wheel = Path(path)
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(wheel) as z:
            z.extractall(tmp)
        out = {"wheel": wheel.name}
        try:
            out["renamed"], _ = _calculate_minimum_wheel_name(wheel.name, Path(tmp), None)
        except DelocationError as e:
            out["error"] = str(e)
            return out
        target = promised(wheel.name)
        _, bad = _calculate_minimum_wheel_name(wheel.name, Path(tmp), target)
        out["target"] = str(target)
        # delocate reports (library, version); the slices of that version name the architecture
        out["too_new"] = sorted(
            [str(p.relative_to(tmp)), str(v), arch.lower()]
            for p, v in bad
            for arch, version in _get_macos_min_version(p)
            if version == v
        )
        return out


for arg in sys.argv[1:]:
    print(json.dumps(judge(arg)), flush=True)
