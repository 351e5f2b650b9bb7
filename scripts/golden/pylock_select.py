"""What packaging's own Pylock.select installs from a pylock.toml, for the differential test of
`wheelsh lock`.

Usage: python pylock_select.py REQUEST.json   (Python 3.11+ with packaging 26.1 or newer)

REQUEST.json: {"cases": [{"id": ID, "file": PATH, "tags": ["cp312-cp312-win_amd64", ...],
"environment": {"sys_platform": "win32", ...}, "dependency_groups": [...] or null}]}

Prints {ID: {"error": MESSAGE} or {"selected": [[NAME, KIND, FILENAME_OR_NULL], ...]}} as JSON,
KIND being the class of what select yields (PackageWheel, PackageSdist, PackageDirectory, ...).
The tags and the marker environment are the ones wheelsh computes for the target, so the
comparison is about the lock file rules, not about tag generation.
"""

import json
import sys
import tomllib

from packaging.pylock import Pylock, PylockSelectError
from packaging.tags import Tag


def main() -> None:
    request = json.load(open(sys.argv[1], encoding="utf-8"))
    out = {}
    for case in request["cases"]:
        with open(case["file"], "rb") as f:
            lock = Pylock.from_dict(tomllib.load(f))
        tags = [Tag(*t.split("-")) for t in case["tags"]]
        try:
            selected = []
            for package, dist in lock.select(
                environment=case["environment"],
                tags=tags,
                dependency_groups=case.get("dependency_groups"),
            ):
                filename = getattr(dist, "filename", None)
                selected.append([package.name, type(dist).__name__, filename])
            out[case["id"]] = {"selected": selected}
        except PylockSelectError as e:
            out[case["id"]] = {"error": str(e)}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
