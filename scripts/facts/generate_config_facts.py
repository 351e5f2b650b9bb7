#!/usr/bin/env python3
"""Write the tool facts the config checks use, read from the tools' own sources.

    python3 scripts/facts/generate_config_facts.py \
        --cibuildwheel CIBW_GIT_DIR[@TAG] --pip PIP_GIT_DIR[@TAG] --uv UV_GIT_DIR[@TAG] \
        [--out core/src/main/resources/dev/wheelsh/core/config]

Each GIT_DIR is a clone (bare or not) of github.com/pypa/cibuildwheel, github.com/pypa/pip and
github.com/astral-sh/uv; without @TAG the newest release tag is read. Files are read with
`git show TAG:path`, never from a work tree, so the facts are those of the stated release.

It writes three files, each naming its repository, tag, commit and the files it was read from:

- cibuildwheel-facts.json: options per table (top, each platform table, overrides), enable
  groups, build identifiers, pinned images per architecture, architectures per platform, whether
  architecture names are matched without regard to case, and for identifiers, enable groups and
  images the first and last release (of the x.y.0 releases since 2.0 and the stated one) that had
  them, so a finding can say which release removed a name; and per x.y.0 release since 2.0
  ("releases"), the options of each table and the architectures, so a project that pins an older
  release is judged by that release's tables.
- pip-facts.json: every long option with its aliases and the commands (config sections) that take
  it, from cli/cmdoptions.py and commands/*.py.
- uv-facts.json: every python-platform value uv accepts (names and aliases of TargetTriple), and
  the platform tag each one stands for (TargetTriple::platform(), uv's defaults for the macOS and
  iOS deployment targets and the Android API level).

Needs Python 3.11 or newer (tomllib). Exit code 2 with one line on bad input.
"""
from __future__ import annotations

import argparse
import ast
import configparser
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

GENERATOR = "scripts/facts/generate_config_facts.py"


class Bad(Exception):
    pass


class Repo:
    def __init__(self, spec: str, url: str, tag_pattern: str):
        path, _, tag = spec.partition("@")
        self.git_dir = path
        self.url = url
        if not tag:
            tags = self.git("tag", "--sort=-v:refname").split()
            tags = [t for t in tags if re.fullmatch(tag_pattern, t)]
            if not tags:
                raise Bad(f"{path}: no release tag matching {tag_pattern}")
            tag = tags[0]
        self.tag = tag
        self.commit = self.git("rev-parse", tag + "^{commit}").strip()
        self.read: list[str] = []

    def git(self, *args: str) -> str:
        r = subprocess.run(["git", "--git-dir", self.git_dir, *args], capture_output=True, text=True)
        if r.returncode != 0:
            raise Bad(f"{self.git_dir}: git {' '.join(args)}: {r.stderr.strip().splitlines()[-1:]}")
        return r.stdout

    def show(self, path: str, tag: str | None = None, record: bool = True) -> str:
        if record and tag is None and path not in self.read:
            self.read.append(path)
        return self.git("show", f"{tag or self.tag}:{path}")

    def files(self, under: str, tag: str | None = None) -> list[str]:
        return self.git("ls-tree", "-r", "--name-only", tag or self.tag, under).split()

    def source(self) -> dict:
        return {"repository": self.url, "tag": self.tag, "commit": self.commit,
                "files": sorted(self.read), "generator": GENERATOR}


# ---------------------------------------------------------------- cibuildwheel

def strings_of(node: ast.AST) -> list[str]:
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def enable_groups(repo: Repo, tag: str | None) -> list[str]:
    """The values of cibuildwheel's EnableGroup(s) enum, wherever the release defines it."""
    for path in repo.files("cibuildwheel", tag):
        if not path.endswith(".py"):
            continue
        text = repo.show(path, tag, record=False)
        if "class EnableGroup" not in text:
            continue
        if tag is None:
            repo.read.append(path)
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef) and node.name.startswith("EnableGroup"):
                return [s.value.value for s in node.body
                        if isinstance(s, ast.Assign) and isinstance(s.value, ast.Constant) and isinstance(s.value.value, str)]
    return []


def identifiers(repo: Repo, tag: str | None) -> list[str]:
    text = repo.show("cibuildwheel/resources/build-platforms.toml", tag)
    out = []
    for table in tomllib.loads(text).values():
        out += [c["identifier"] for c in table.get("python_configurations", [])]
    return out


def images(repo: Repo, tag: str | None) -> dict[str, list[str]]:
    """Pinned image names per architecture section (x86_64, pypy_x86_64, ...)."""
    cfg = configparser.ConfigParser(inline_comment_prefixes=("#",))
    cfg.read_string(repo.show("cibuildwheel/resources/pinned_docker_images.cfg", tag))
    return {s: list(cfg[s].keys()) for s in cfg.sections()}


def platform_archs(repo: Repo, tag: str | None = None) -> tuple[dict[str, list[str]], bool]:
    """all_archs_map of Architecture, values spelled as the enum's values; and the case rule."""
    text = repo.show("cibuildwheel/architecture.py", tag)
    tree = ast.parse(text)
    values: dict[str, str] = {}
    archs: dict[str, list[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == "Architecture":
            for s in node.body:
                if isinstance(s, ast.Assign) and isinstance(s.targets[0], ast.Name):
                    name = s.targets[0].id
                    values[name] = s.value.value if isinstance(s.value, ast.Constant) else name
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name) and node.targets[0].id == "all_archs_map":
            for k, v in zip(node.value.keys, node.value.values):
                archs[k.value] = sorted(values[e.attr] for e in v.elts)
    if not archs:
        # releases before 2.4 return a set per `if platform == "..."` branch of all_archs
        for node in ast.walk(tree):
            if (isinstance(node, ast.If) and isinstance(node.test, ast.Compare) and isinstance(node.test.comparators[0], ast.Constant)
                    and isinstance(node.body[0], ast.Return) and isinstance(node.body[0].value, ast.Set)):
                archs[node.test.comparators[0].value] = sorted(values[e.attr] for e in node.body[0].value.elts)
    if not archs:
        raise Bad("cibuildwheel/architecture.py: no all_archs_map")
    # since 4.1.1 names are compared after lower(); older releases compare exactly
    case_insensitive = ".lower() == arch_str.lower()" in text
    return archs, case_insensitive


def disallowed(repo: Repo, image_keys: list[str], tag: str | None = None) -> dict[str, list[str]]:
    text = repo.show("cibuildwheel/options.py", tag)
    if "DISALLOWED_OPTIONS" not in text:
        return {}   # releases before 2.1 took every option in every platform table
    tree = ast.parse(text)
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name) and node.targets[0].id == "DISALLOWED_OPTIONS":
            out = {}
            for k, v in zip(node.value.keys, node.value.values):
                names = set(strings_of(v))
                for n in ast.walk(v):
                    if isinstance(n, ast.Name) and n.id in ("MANYLINUX_OPTIONS", "MUSLLINUX_OPTIONS"):
                        family = n.id.split("_")[0].lower()
                        names |= {i for i in image_keys if i.startswith(family + "-")}
                out[k.value] = sorted(names)
            return out
    raise Bad("cibuildwheel/options.py: no DISALLOWED_OPTIONS")


def history(repo: Repo, read) -> dict[str, dict[str, str]]:
    """First and last release (x.y.0 since 2.0, and the stated one) in which read(tag) held each name."""
    tags = [t for t in repo.git("tag", "--sort=v:refname").split() if re.fullmatch(r"v[2-9]\.\d+\.0", t)]
    if repo.tag not in tags:
        tags.append(repo.tag)
    seen: dict[str, dict[str, str]] = {}
    for t in tags:
        try:
            names = read(t)
        except Bad:
            continue
        for n in names:
            entry = seen.setdefault(n, {"first": t.lstrip("v")})
            entry["last"] = t.lstrip("v")
    return seen


def schema_types(schema: dict, node: dict) -> set[str]:
    """The JSON types the schema lets an option take, through $ref, oneOf and enum."""
    if "$ref" in node:
        target = schema
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        return schema_types(schema, target)
    out = set()
    if "type" in node:
        out |= set(node["type"] if isinstance(node["type"], list) else [node["type"]])
    for key in ("oneOf", "anyOf"):
        for sub in node.get(key, []):
            out |= schema_types(schema, sub)
    if "enum" in node:
        names = {str: "string", bool: "boolean", int: "integer"}
        out |= {names.get(type(v), "string") for v in node["enum"]}
    return out


def tables(repo: Repo, tag: str | None) -> dict:
    """Which options one release takes in each table, and its architectures per platform."""
    defaults = tomllib.loads(repo.show("cibuildwheel/resources/defaults.toml", tag))["tool"]["cibuildwheel"]
    archs, case_insensitive = platform_archs(repo, tag)
    platforms = list(archs)
    global_options = sorted(k for k in defaults if k not in platforms)
    platform_defaults = {p: sorted(defaults.get(p, {})) for p in platforms}
    image_keys = [k for k in global_options if re.fullmatch(r"(many|musl)linux-.+-image", k)]
    banned = disallowed(repo, image_keys, tag)
    out = {
        "topOptions": sorted(set(global_options) | set(platforms) | {"overrides"}),
        "platformTables": {p: sorted((set(global_options) | set(platform_defaults[p])) - set(banned.get(p, [])))
                           for p in platforms},
        "archs": archs,
        "archCaseInsensitive": case_insensitive,
    }
    try:
        schema = json.loads(repo.show("cibuildwheel/resources/cibuildwheel.schema.json", tag))
        items = schema["properties"]["overrides"]["items"]["properties"]
        out["overrideOptions"] = sorted(k for k in items if k not in ("select", "inherit"))
    except Bad:
        pass   # releases before the schema (2.17): which options an override takes is not written down as data
    return out, defaults, image_keys


def releases(repo: Repo) -> dict[str, dict]:
    """The option tables of each x.y.0 release since 2.0 (keyed x.y), for a project that pins one."""
    out = {}
    for t in [t for t in repo.git("tag", "--sort=v:refname").split() if re.fullmatch(r"v[2-9]\.\d+\.0", t)]:
        try:
            out[t.lstrip("v").rsplit(".", 1)[0]] = tables(repo, t)[0]
        except (Bad, KeyError) as e:
            raise Bad(f"cibuildwheel {t}: {e}")
    return out


def cibuildwheel(repo: Repo) -> dict:
    schema = json.loads(repo.show("cibuildwheel/resources/cibuildwheel.schema.json"))
    current, defaults, image_keys = tables(repo, None)
    archs = current["archs"]
    case_insensitive = current["archCaseInsensitive"]
    tables_now = current["platformTables"]
    override_items = schema["properties"]["overrides"]["items"]["properties"]
    inherit = sorted(override_items["inherit"]["properties"])
    overrides = current["overrideOptions"]
    pinned = images(repo, None)
    version = repo.tag.lstrip("v")
    return {
        "_source": repo.source() | {"note": (
            "options: resources/defaults.toml; a platform table takes every option of defaults.toml "
            "except options.py's DISALLOWED_OPTIONS for it; overrides: the schema's overrides items; "
            "enable groups: the EnableGroup enum; archs: Architecture.all_archs; images: "
            "resources/pinned_docker_images.cfg; identifiers: resources/build-platforms.toml; types: "
            "resources/cibuildwheel.schema.json")},
        "version": version,
        "topOptions": current["topOptions"],
        "platformTables": tables_now,
        "overrideOptions": overrides,
        "inheritOptions": inherit,
        "types": {k: sorted(schema_types(schema, v)) for k, v in sorted(schema["properties"].items())},
        "enableGroups": enable_groups(repo, None),
        "archs": archs,
        "archWords": ["auto", "auto64", "auto32", "native", "all"],
        "archCaseInsensitive": case_insensitive,
        "identifiers": identifiers(repo, None),
        "images": pinned,
        "defaultImages": {k: v for k, v in defaults.items() if k in image_keys},
        "history": {
            "identifiers": history(repo, lambda t: identifiers(repo, t)),
            "enableGroups": history(repo, lambda t: enable_groups(repo, t)),
            "images": history(repo, lambda t: sorted({i for v in images(repo, t).values() for i in v})),
        },
        "releases": releases(repo),
    }


# ---------------------------------------------------------------- pip

def long_options(call: ast.AST) -> list[str]:
    return [s[2:] for s in strings_of_args(call) if s.startswith("--")]


def strings_of_args(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Call):
        return [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    return []


OPTION_CLASSES = ("Option", "PipOption")
OPTION_TYPES: dict[str, str | None] = {}   # first long name -> optparse type (float, int, path, ...), of the release read last


def option_calls(node: ast.AST):
    """Option(...) and partial(Option, ...) calls below node, and add_option("--x", ...) calls."""
    for n in ast.walk(node):
        if not isinstance(n, ast.Call):
            continue
        f = n.func
        name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
        if name in OPTION_CLASSES + ("add_option",) or (name == "partial" and n.args and isinstance(n.args[0], ast.Name)
                                                       and n.args[0].id in OPTION_CLASSES):
            opts = long_options(n)
            if opts:
                kind = next((k.value.value for k in n.keywords if k.arg == "type" and isinstance(k.value, ast.Constant)), None)
                OPTION_TYPES.setdefault(opts[0], kind)
                yield opts


def cmdoption_names(node: ast.AST) -> list[str]:
    """Names of cmdoptions referenced below node (cmdoptions.no_deps, or a bare name inside cmdoptions)."""
    out = []
    for n in ast.walk(node):
        if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "cmdoptions":
            out.append(n.attr)
        elif isinstance(n, ast.Name):
            out.append(n.id)
    return out


def pip_options(repo: Repo, tag: str | None) -> tuple[list[str], dict[str, dict]]:
    """The commands of one pip release, and its long options with aliases and sections."""
    base = "src/pip/_internal"
    tree = ast.parse(repo.show(f"{base}/cli/cmdoptions.py", tag))
    defined: dict[str, list[list[str]]] = {}   # top-level name -> the options it defines
    refs: dict[str, list[str]] = {}            # top-level name -> names it refers to (groups, helpers)
    for stmt in tree.body:
        if isinstance(stmt, (ast.Assign, ast.AnnAssign)):
            target = stmt.targets[0] if isinstance(stmt, ast.Assign) else stmt.target
            if not isinstance(target, ast.Name) or stmt.value is None:
                continue
            name, body = target.id, stmt.value
        elif isinstance(stmt, ast.FunctionDef):
            name, body = stmt.name, stmt
        else:
            continue
        defined[name] = list(option_calls(body))
        refs[name] = [r for r in cmdoption_names(body) if r != name]

    def expand(name: str, seen: set[str]) -> list[list[str]]:
        if name in seen or name not in defined:
            return []
        seen.add(name)
        out = list(defined[name])
        for r in refs[name]:
            out += expand(r, seen)
        return out

    commands_src = repo.show(f"{base}/commands/__init__.py", tag)
    commands = {}
    pairs = []   # (name, CommandInfo(...)) as dict items, or as tuples of an OrderedDict in older releases
    for node in ast.walk(ast.parse(commands_src)):
        if isinstance(node, ast.Dict):
            pairs += zip(node.keys, node.values)
        elif isinstance(node, ast.Tuple) and len(node.elts) == 2:
            pairs.append((node.elts[0], node.elts[1]))
    for k, v in pairs:
        if (isinstance(k, ast.Constant) and isinstance(v, ast.Call) and getattr(v.func, "id", "") == "CommandInfo"
                and v.args and isinstance(v.args[0], ast.Constant)):
            commands[k.value] = v.args[0].value.rsplit(".", 1)[1]
    if not commands:
        raise Bad(f"{base}/commands/__init__.py: no commands_dict")
    general = [o for o in expand("general_group", set())]
    options: dict[str, dict] = {}

    def add(opts: list[str], section: str):
        name, aliases = opts[0], opts[1:]
        entry = options.setdefault(name, {"aliases": [], "sections": []})
        entry["aliases"] = sorted(set(entry["aliases"]) | set(aliases))
        if section not in entry["sections"]:
            entry["sections"].append(section)

    for opts in general:
        add(opts, "global")
    def module_options(path: str, seen_modules: set[str]) -> list[list[str]]:
        """Options a command module adds, with those its base classes in pip's cli package add."""
        if path in seen_modules:
            return []
        seen_modules.add(path)
        try:
            mod = ast.parse(repo.show(path, tag))
        except Bad:
            return []
        found = list(option_calls(mod))
        seen: set[str] = set()
        for r in cmdoption_names(mod):
            found += expand(r, seen)
        for node in ast.walk(mod):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pip._internal.cli."):
                found += module_options("src/" + node.module.replace(".", "/") + ".py", seen_modules)
        return found

    for command, module in commands.items():
        found = module_options(f"{base}/commands/{module}.py", {f"{base}/cli/cmdoptions.py"})
        for opts in general + found:
            add(opts, command)
    for entry in options.values():
        entry["sections"].sort(key=lambda s: (s != "global", s))
    return sorted(commands), dict(sorted(options.items()))


def pip(repo: Repo) -> dict:
    OPTION_TYPES.clear()
    commands, options = pip_options(repo, None)
    for name, entry in options.items():
        if OPTION_TYPES.get(name) in ("int", "float"):
            entry["type"] = OPTION_TYPES[name]
    tags = [t for t in repo.git("tag", "--sort=v:refname").split() if re.fullmatch(r"(2[0-9])\.0", t)]
    if repo.tag not in tags:
        tags.append(repo.tag)
    seen: dict[str, dict[str, str]] = {}
    for t in tags:
        _, opts = pip_options(repo, t)
        for name, entry in opts.items():
            for n in [name] + entry["aliases"]:
                e = seen.setdefault(n, {"first": t})
                e["last"] = t
    return {
        "_source": repo.source() | {"note": (
            "every long option of cli/cmdoptions.py and commands/*.py; the first long name is pip's, "
            "the others its aliases; 'global' holds the general options every command takes. pip reads "
            "[global], then the command's section, then PIP_* environment variables; a key is looked up "
            "by any of the option's long names")},
        "version": repo.tag,
        "commands": commands,
        "options": options,
        "history": {"note": "first and last of the x.0 releases since 20.0 (and the stated one) to know each long name",
                    "options": seen},
    }


# ---------------------------------------------------------------- uv

def kebab(variant: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "-", variant).lower()


def uv(repo: Repo) -> dict:
    path = "crates/uv-configuration/src/target_triple.rs"
    text = repo.show(path)
    body = text[text.index("pub enum TargetTriple"):]
    body = body[body.index("{") + 1:body.index("\n}")]
    values: dict[str, list[str]] = {}
    variants: dict[str, str] = {}
    attrs: list[str] = []
    for line in body.splitlines():
        s = line.strip()
        if s.startswith("#["):
            attrs.append(s)
            continue
        m = re.fullmatch(r"([A-Z][A-Za-z0-9]*),", s)
        if not m:
            continue
        joined = " ".join(attrs)
        renamed = re.search(r'serde\(rename = "([^"]+)"\)', joined)
        clap = re.search(r'value\(name = "([^"]+)"', joined)
        name = renamed.group(1) if renamed else clap.group(1) if clap else kebab(m.group(1))
        aliases = re.findall(r'alias = "([^"]+)"', joined)
        values[name] = sorted(set(aliases) - {name})
        variants[m.group(1)] = name
        attrs = []
    if not values:
        raise Bad(f"{path}: no TargetTriple variants")
    platforms = uv_platforms(path, text, variants)
    return {
        "_source": repo.source() | {"note": "the TargetTriple enum: serde/clap names and aliases (kebab-case when unnamed); "
                                    "platforms: the platform tag TargetTriple::platform() gives each, with uv's defaults "
                                    "where it reads a deployment target or API level from the environment"},
        "version": repo.tag,
        "pythonPlatforms": values,
        "platforms": platforms,
    }


# uv's Arch as each OS spells it in a platform tag.
UV_ARCH = {"X86_64": "x86_64", "Aarch64": "aarch64", "X86": "i686", "Riscv64": "riscv64", "Wasm32": "wasm32"}


def uv_platforms(path: str, text: str, variants: dict[str, str]) -> dict[str, str]:
    """Each TargetTriple's platform tag, from the arms of TargetTriple::platform()."""
    body = text[text.index("pub fn platform(self) -> Platform"):]
    body = body[:body.index("\n    }\n")]
    arms = re.split(r"\n\s*(?=(?:Self::\w+\s*\|\s*)*Self::\w+\s*=>)", body)
    out: dict[str, str] = {}
    for arm in arms[1:]:
        head, _, rest = arm.partition("=>")
        os_m = re.search(r"Os::(\w+)", rest)
        arch_m = re.search(r"Arch::(\w+)", rest)
        if not os_m or not arch_m or arch_m.group(1) not in UV_ARCH:
            raise Bad(f"{path}: platform() arm not understood: {head.strip()}")
        os_name, arch = os_m.group(1), UV_ARCH[arch_m.group(1)]
        pair = re.search(r"major: (\d+),\s*minor: (\d+)", rest) or re.search(r"map_or\(\((\d+), (\d+)\)", rest)
        if os_name == "Manylinux":
            tag = f"manylinux_{pair.group(1)}_{pair.group(2)}_{arch}"
        elif os_name == "Musllinux":
            tag = f"musllinux_{pair.group(1)}_{pair.group(2)}_{arch}"
        elif os_name == "Macos":
            tag = f"macosx_{pair.group(1)}_{pair.group(2)}_{'arm64' if arch == 'aarch64' else arch}"
        elif os_name == "Windows":
            tag = {"x86_64": "win_amd64", "aarch64": "win_arm64", "i686": "win32"}[arch]
        elif os_name == "Android":
            level = re.search(r"map_or\((\d+)", rest).group(1)
            tag = f"android_{level}_{'arm64_v8a' if arch == 'aarch64' else arch}"
        elif os_name == "Ios":
            simulator = "simulator: true" in rest
            tag = f"ios_{pair.group(1)}_{pair.group(2)}_{'arm64' if arch == 'aarch64' else arch}_" + (
                "iphonesimulator" if simulator else "iphoneos")
        elif os_name == "Pyodide":
            tag = f"pyodide_{pair.group(1)}_{pair.group(2)}_{arch}"
        else:
            raise Bad(f"{path}: platform() arm with an OS not understood: Os::{os_name}")
        for variant in re.findall(r"Self::(\w+)", head):
            if variant not in variants:
                raise Bad(f"{path}: platform() names {variant}, which the enum does not have")
            out[variants[variant]] = tag
    missing = sorted(set(variants.values()) - set(out))
    if missing:
        raise Bad(f"{path}: platform() gives no platform for {missing}")
    return {name: out[name] for name in variants.values()}


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--cibuildwheel", required=True)
    p.add_argument("--pip", required=True)
    p.add_argument("--uv", required=True)
    p.add_argument("--out", default="core/src/main/resources/dev/wheelsh/core/config")
    a = p.parse_args()
    try:
        out = Path(a.out)
        if not out.is_dir():
            raise Bad(f"{out}: not a directory")
        facts = {
            "cibuildwheel-facts.json": cibuildwheel(Repo(a.cibuildwheel, "https://github.com/pypa/cibuildwheel", r"v\d+\.\d+\.\d+")),
            "pip-facts.json": pip(Repo(a.pip, "https://github.com/pypa/pip", r"\d+\.\d+(\.\d+)?")),
            "uv-facts.json": uv(Repo(a.uv, "https://github.com/astral-sh/uv", r"\d+\.\d+\.\d+")),
        }
    except (Bad, KeyError, ValueError, SyntaxError) as e:
        print(f"generate_config_facts: {e}", file=sys.stderr)
        return 2
    for name, data in facts.items():
        (out / name).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
