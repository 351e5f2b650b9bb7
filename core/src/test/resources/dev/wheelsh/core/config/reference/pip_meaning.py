"""What pip makes of a pip.conf, per command, read by pip's own ConfigOptionParser.

    python3 pip_meaning.py IN.json OUT.json

IN.json is {"files": [path, ...]}. pip reads each file alone (no site or user files, no PIP_*
variables). For each file OUT.json holds either {"error": "..."} (pip stops) or, per command,
every option value pip's parser ends with (repr() strings), the tags pip would accept with the
file's target options (install and download: make_target_python), and for each key of the file
the option it sets (its dest), or null when no command takes it.
"""
import json
import os
import sys

for k in list(os.environ):
    if k.startswith("PIP_"):
        del os.environ[k]

from pip._internal import configuration  # noqa: E402
from pip._internal.cli.cmdoptions import make_target_python  # noqa: E402
from pip._internal.commands import commands_dict, create_command  # noqa: E402
from pip._internal.configuration import kinds  # noqa: E402

TARGETED = ("install", "download")


def read(path):
    configuration.Configuration.iter_config_files = lambda self, p=path: iter(
        [(kinds.ENV, []), (kinds.GLOBAL, []), (kinds.USER, [p]), (kinds.SITE, [])])
    out = {"commands": {}, "tags": {}, "dests": {}}
    for name in commands_dict:
        cmd = create_command(name)
        options, _ = cmd.parse_args([])
        out["commands"][name] = {k: repr(v) for k, v in sorted(vars(options).items())}
        if name in TARGETED:
            out["tags"][name] = [str(t) for t in make_target_python(options).get_tags()]
    conf = configuration.Configuration(isolated=False)
    conf.load()
    parsers = [create_command(n).parser for n in commands_dict]
    for key, _ in conf.items():
        option = next((o for o in (p.get_option("--" + key.split(".", 1)[1]) for p in parsers) if o is not None), None)
        out["dests"][key] = option.dest if option is not None else None
    return out


def main():
    data = json.load(open(sys.argv[1]))
    result = []
    for path in data["files"]:
        try:
            result.append(read(path))
        except BaseException as e:  # pip's ConfigurationError, configparser's errors, SystemExit from optparse
            result.append({"error": type(e).__name__ + ": " + str(e)})
    json.dump(result, open(sys.argv[2], "w"))


main()
