"""The tags pip accepts for `pip download --platform ... --python-version ... --implementation ...
--abi ...`, from pip's own get_supported, for the differential test of `wheelsh tags --pip-platform`.

Usage: PYTHONPATH=PIP_TREE/src python pip_supported.py REQUEST.json
       (PIP_TREE: a checkout of github.com/pypa/pip; its main branch vendors packaging 26.3)

REQUEST.json: {"cases": [{"id": ID, "platforms": [...], "version": "312", "implementation": "cp",
"abis": [...] or null}]}

Prints {"pip": VERSION, "packaging": VERSION, "cases": {ID: ["cp312-cp312-manylinux2014_x86_64", ...]}}.
"""

import json
import sys

import pip
from pip._internal.utils.compatibility_tags import get_supported
from pip._vendor import packaging


def main() -> None:
    request = json.load(open(sys.argv[1], encoding="utf-8"))
    out = {}
    for case in request["cases"]:
        tags = get_supported(
            version=case["version"],
            platforms=case["platforms"],
            impl=case["implementation"],
            abis=case["abis"],
        )
        out[case["id"]] = [str(t) for t in tags]
    print(json.dumps({"pip": pip.__version__, "packaging": packaging.__version__, "cases": out}))


if __name__ == "__main__":
    main()
