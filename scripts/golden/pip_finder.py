"""Which file pip's own PackageFinder chooses, for the differential test of `wheelsh pick`.

Usage: python pip_finder.py REQUEST.json
       PYTHONPATH=PIP_TREE/src python pip_finder.py REQUEST.json   (pip's source, e.g. its main branch)

REQUEST.json: {"index": DIR, "cases": [{"id": ID, "tags": ["cp312-cp312-linux_x86_64", ...],
"python": "3.12.3", "mode": "default" | "prefer-binary" | "only-binary", "projects": [NAME, ...],
"requirements": {NAME: "==1.2", ...} (optional)}]}
DIR is a saved simple index: DIR/PROJECT/index.html (PEP 503) or DIR/PROJECT/index.json (PEP 691).

Prints {ID: {PROJECT: FILENAME or null}} as JSON. The index is copied to a temporary directory and
read through file:// URLs by pip's LinkCollector; the target's tags are the ones given (so the
comparison is about the finder's rules, not about the tag list of the packaging pip vendors), and
the choice is what `pip install PROJECT` takes: the resolver walks the finder's applicable
candidates from the best and skips yanked files, since a bare project name pins no version. With
a requirement (`pip install 'PROJECT==1.2'`) the finder filters by its specifier, and the resolver
keeps yanked files when the requirement pins (== without a wildcard, or ===) and every applicable
candidate is yanked (resolution/resolvelib/factory.py, PEP 592).
"""

import json
import logging
import mimetypes
import os
import shutil
import sys
import tempfile
import urllib.parse
import urllib.request

from pip._internal.index import collector
from pip._internal.index.collector import LinkCollector
from pip._internal.index.package_finder import PackageFinder
from pip._internal.models.format_control import FormatControl
from pip._internal.models.link import Link
from pip._internal.models.search_scope import SearchScope
from pip._internal.models.selection_prefs import SelectionPreferences
from pip._internal.models.target_python import TargetPython
from pip._internal.network.session import PipSession
from pip._vendor.packaging.specifiers import SpecifierSet
from pip._vendor.packaging.tags import Tag

PEP691 = "application/vnd.pypi.simple.v1+json"


def serve_json_pages():
    """pip reads a file:// project directory as its index.html; let it read index.json instead."""
    mimetypes.add_type(PEP691, ".json")
    original = collector._get_index_content

    def get_index_content(link, *args, **kwargs):
        if link.scheme == "file":
            path = urllib.request.url2pathname(link.path)
            page = os.path.join(path, "index.json")
            if os.path.isdir(path) and os.path.isfile(page):
                link = Link(urllib.parse.urljoin(link.url.rstrip("/") + "/", "index.json"))
        return original(link, *args, **kwargs)

    collector._get_index_content = get_index_content


def finder_for(index_url, case):
    version = tuple(int(p) for p in case["python"].split("."))
    target = TargetPython(py_version_info=version)
    tags = [Tag(*t.split("-")) for t in case["tags"]]
    # The tags are given: set pip's cache of them before anything asks.
    target._valid_tags = tags
    if hasattr(target, "_valid_tags_set"):
        target._valid_tags_set = set(tags)
    only_binary = {":all:"} if case["mode"] == "only-binary" else set()
    options = dict(
        allow_yanked=True,
        format_control=FormatControl(set(), only_binary),
        prefer_binary=case["mode"] == "prefer-binary",
    )
    # pip 23 takes allow_all_prereleases; pip 26.3 a release_control, whose default (None) is
    # pip's default: pre-releases only when nothing else is left.
    if "allow_all_prereleases" in SelectionPreferences.__init__.__code__.co_varnames:
        options["allow_all_prereleases"] = False
    prefs = SelectionPreferences(**options)
    scope = SearchScope.create(find_links=[], index_urls=[index_url], no_index=False)
    links = LinkCollector(session=PipSession(), search_scope=scope)
    return PackageFinder.create(link_collector=links, selection_prefs=prefs, target_python=target)


def pins(specifier):
    """pip's factory is_pinned."""
    for sp in specifier:
        if sp.operator == "===":
            return True
        if sp.operator == "==" and not sp.version.endswith(".*"):
            return True
    return False


def install_choice(finder, project, requirement=None):
    specifier = SpecifierSet(requirement or "")
    result = finder.find_best_candidate(project, specifier=specifier)
    # pip 23 exposes the sorted applicable candidates as iter_applicable(), pip 26.3 as a field.
    if hasattr(result, "iter_applicable"):
        applicable = list(result.iter_applicable())
    else:
        applicable = list(result.applicable_candidates)
    take_yanked = pins(specifier) and bool(applicable) and all(c.link.is_yanked for c in applicable)
    for candidate in reversed(applicable):
        if take_yanked or not candidate.link.is_yanked:
            return candidate.link.filename
    return None


def main():
    logging.disable(logging.CRITICAL)
    with open(sys.argv[1], encoding="utf-8") as f:
        request = json.load(f)
    serve_json_pages()
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = os.path.join(tmp, "simple")
        shutil.copytree(request["index"], root)
        index_url = Link(urllib.parse.urljoin("file:", urllib.request.pathname2url(root))).url + "/"
        for case in request["cases"]:
            finder = finder_for(index_url, case)
            requirements = case.get("requirements", {})
            out[case["id"]] = {p: install_choice(finder, p, requirements.get(p)) for p in case["projects"]}
    json.dump(out, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
