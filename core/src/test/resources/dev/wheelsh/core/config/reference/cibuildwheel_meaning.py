"""What cibuildwheel makes of a project's pyproject.toml, per platform, read by its own code.

    python3 cibuildwheel_meaning.py SRC IN.json OUT.json

SRC holds cibuildwheel's package (from its source at a release) and bracex and bashlex. IN.json
is {"projects": [dir, ...], "platforms": [...], "patterns": [...]}, each dir holding a
pyproject.toml. For each pattern, OUT.json's "matches" lists the identifiers of every platform
cibuildwheel's selector_matches matches. For each project and each
platform, OUT.json holds either {"error": "..."} (cibuildwheel stops reading the options) or
what a build would use: the selection (build, skip, enable, archs, test-skip), the identifiers
`--print-build-identifiers` prints, and every build option per identifier, as repr() strings.

Only the options are read: nothing is built, no container runs, no environment variable is read
(CIBW_* are left out). The packages cibuildwheel imports for building (build, humanize,
dependency_groups, platformdirs, filelock; elftools in 3.x) are stand-ins that do nothing: reading options never
calls them.
"""
from __future__ import annotations

import dataclasses
import importlib.abc
import importlib.machinery
import json
import sys
import tempfile
import types
from pathlib import Path

sys.path.insert(0, sys.argv[1])
CACHE = Path(tempfile.mkdtemp(prefix="cibw-cache-"))


class StandIn(types.ModuleType):
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        if name in ("user_cache_path", "user_cache_dir"):
            return lambda *a, **k: CACHE
        return type(name, (), {"__init__": lambda self, *a, **k: None})


class StandIns(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    NAMES = {"build", "humanize", "dependency_groups", "platformdirs", "filelock", "elftools"}

    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in self.NAMES:
            return importlib.machinery.ModuleSpec(name, self, is_package=True)
        return None

    def create_module(self, spec):
        return StandIn(spec.name)

    def exec_module(self, module):
        module.__path__ = []


sys.meta_path.insert(0, StandIns())

import importlib  # noqa: E402

from cibuildwheel.options import CommandLineArguments, compute_options  # noqa: E402

try:  # 3.0 and newer: a package of platform modules
    from cibuildwheel.platforms import ALL_PLATFORM_MODULES, get_build_identifiers  # noqa: E402
except ImportError:  # 2.x: cibuildwheel.linux, .macos, ... and the selection in __main__
    from cibuildwheel.__main__ import get_build_identifiers  # noqa: E402

    ALL_PLATFORM_MODULES = {}
    for _name in ("linux", "macos", "windows", "pyodide"):
        try:
            ALL_PLATFORM_MODULES[_name] = importlib.import_module("cibuildwheel." + _name)
        except ImportError:
            pass
try:
    from cibuildwheel.selector import selector_matches  # noqa: E402
except ImportError:
    from cibuildwheel.util import selector_matches  # noqa: E402


def meaning(project: Path, platform: str) -> dict:
    if platform not in ALL_PLATFORM_MODULES:
        return {"error": "no platform " + platform + " in this release"}
    args = dataclasses.replace(CommandLineArguments.defaults(), platform=platform, package_dir=project,
                               allow_empty=True)
    try:
        options = compute_options(platform=platform, command_line_arguments=args, env={})
        g = options.globals
        ids = get_build_identifiers(ALL_PLATFORM_MODULES[platform], g.build_selector, g.architectures)
        options.check_for_invalid_configuration(ids)
        per_id = {}
        for i in ids:
            b = options.build_options(i)
            per_id[i] = {f.name: repr(getattr(b, f.name)) for f in dataclasses.fields(b) if f.name != "globals"}
        return {
            "build_selector": repr(g.build_selector),
            "test_selector": repr(g.test_selector),
            "architectures": sorted(a.value for a in g.architectures),
            "identifiers": ids,
            "options": per_id,
        }
    except BaseException as e:  # cibuildwheel's ConfigurationError, ValueError from a parser, SystemExit
        return {"error": type(e).__name__ + ": " + str(e)}


def main() -> None:
    data = json.loads(Path(sys.argv[2]).read_text())
    projects = [{p: meaning(Path(d), p) for p in data["platforms"]} for d in data["projects"]]
    matches = {}
    if data["patterns"]:
        ids = [c.identifier for m in ALL_PLATFORM_MODULES.values() for c in m.all_python_configurations()]
        matches = {p: [i for i in ids if selector_matches(p, i)] for p in data["patterns"]}
    Path(sys.argv[3]).write_text(json.dumps({"projects": projects, "matches": matches}))


main()
