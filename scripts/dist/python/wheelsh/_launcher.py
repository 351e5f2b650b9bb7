"""The `wheelsh` console script: runs the bundled jar with a Java 17 or newer.

Java is found as the VS Code extension and the ./wheelsh launcher find it: WHEELSH_JAVA, else
$JAVA_HOME/bin/java, else java on PATH. Its version is checked once per Java (real path, size and
modification time) and remembered under $XDG_CACHE_HOME/wheelsh, beside the start-up archive made
by a training run: a static class-data-sharing archive on JDK 17 to 24, the AOT cache on JDK 25 and newer. The
shell launcher does the same in sh; the two are kept in step by the release test.
"""
import hashlib
import os
import re
import shlex
import shutil
import subprocess
import sys

MINIMUM_JAVA = 17
JAR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "wheelsh.jar")
TRAINING = ("tags --python 3.13 --arch x86_64 --glibc 2.38; "
            "explain py3-none-any --target cp313-glibc2.38-x86_64; version")


class NoJava(Exception):
    """No Java that can run wheelsh; the message is the one line to print."""


def find_java(env):
    """The java to run and what named it."""
    exe = "java.exe" if os.name == "nt" else "java"
    if env.get("WHEELSH_JAVA"):
        java, source = env["WHEELSH_JAVA"], "WHEELSH_JAVA"
        found = shutil.which(java) or (java if os.path.isfile(java) else None)
        if found is None:
            raise NoJava(f"cannot run {java} (named by WHEELSH_JAVA): no such executable; "
                         f"install Java {MINIMUM_JAVA} or newer, or name it in WHEELSH_JAVA")
        return found, source
    home = env.get("JAVA_HOME")
    if home and os.path.isfile(os.path.join(home, "bin", exe)):
        return os.path.join(home, "bin", exe), "JAVA_HOME"
    found = shutil.which(exe, path=env.get("PATH"))
    if found is None:
        raise NoJava(f"no Java found (looked at WHEELSH_JAVA, JAVA_HOME and PATH); "
                     f"install Java {MINIMUM_JAVA} or newer, or name it in WHEELSH_JAVA")
    return found, "PATH"


def java_major(version_output):
    """The major version in what `java -version` prints: "17.0.9" is 17, "1.8.0_392" is 8, "25-ea" 25."""
    m = re.search(r'version "([^"]+)"', version_output)
    if not m:
        return None
    parts = re.split(r"[.\-+_]", m.group(1))
    if not parts[0].isdigit():
        return None
    if parts[0] == "1" and len(parts) > 1 and parts[1].isdigit():
        return int(parts[1])
    return int(parts[0])


def identity(path):
    """What a file is for the cache key: its real path, size and modification time."""
    real = os.path.realpath(path)
    st = os.stat(real)
    return f"{real} {st.st_size} {int(st.st_mtime)}"


def cache_dir(env):
    base = env.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "wheelsh")


def prepare(java, source, env, err):
    """Checks the Java once per (jar, java) and makes the start-up archive; returns its JVM options."""
    key = hashlib.sha256(f"{identity(JAR)}\n{identity(java)}".encode()).hexdigest()[:16]
    cache = cache_dir(env)
    stem = os.path.join(cache, f"py-start-{key}")
    if not os.path.isfile(stem + ".major"):
        try:
            run = subprocess.run([java, "-version"], capture_output=True, text=True)
        except OSError as e:
            raise NoJava(f"cannot run {java} (named by {source}): {e.strerror}; install Java {MINIMUM_JAVA} "
                         f"or newer, or name it in WHEELSH_JAVA")
        major = java_major(run.stderr + run.stdout)
        if major is None:
            raise NoJava(f"{java} (named by {source}) printed no Java version; wheelsh needs Java "
                         f"{MINIMUM_JAVA} or newer (WHEELSH_JAVA names another)")
        if major < MINIMUM_JAVA:
            raise NoJava(f"{java} (named by {source}) is Java {major}; wheelsh needs Java {MINIMUM_JAVA} "
                         f"or newer (set WHEELSH_JAVA or JAVA_HOME)")
        try:
            os.makedirs(cache, exist_ok=True)
        except OSError as e:
            err.write(f"wheelsh: cannot create the cache directory {cache} ({e.strerror}); "
                      f"running without a start-up archive, which starts slower\n")
            return []
        made = stem + (".aot" if major >= 25 else ".jsa")
        quiet = ["-Xlog:disable", "-Xlog:all=error:stderr"]
        with open(stem + ".log", "w") as log:
            def jvm(*args):
                subprocess.run([java, *args], stdout=subprocess.DEVNULL, stderr=log, stdin=subprocess.DEVNULL)
            if major >= 25:
                jvm(f"-XX:AOTCacheOutput={made}", *quiet, "-jar", JAR, "-c", TRAINING)
            else:
                # A static archive from the classes a training run loads: it holds picocli's
                # Java 5 class files too, which JDK 17's dynamic archive skips.
                jvm(f"-XX:DumpLoadedClassList={stem}.classes", *quiet, "-jar", JAR, "-c", TRAINING)
                if os.path.isfile(stem + ".classes"):
                    jvm("-Xshare:dump", f"-XX:SharedClassListFile={stem}.classes", f"-XX:SharedArchiveFile={made}",
                        *quiet, "-cp", JAR)
                    os.remove(stem + ".classes")
        if os.path.isfile(made) and os.path.getsize(made) > 0:
            os.remove(stem + ".log")
        else:
            if os.path.exists(made):
                os.remove(made)
            err.write(f"wheelsh: could not make the start-up archive (see {stem}.log); "
                      f"running without it, which starts slower\n")
        with open(stem + ".major.tmp", "w") as f:
            f.write(f"{major}\n")
        os.replace(stem + ".major.tmp", stem + ".major")
    if os.path.isfile(stem + ".aot"):
        return [f"-XX:AOTCache={stem}.aot"]
    if os.path.isfile(stem + ".jsa"):
        return [f"-XX:SharedArchiveFile={stem}.jsa", "-Xshare:auto"]
    return []


def command_line(java, archive, args, env):
    """The JVM's command line: the same options as the ./wheelsh launcher gives."""
    # A short command stops the JIT at C1; the language server runs for hours, so it gets the
    # full JIT and the heap cap an editor's server needs.
    # as ./wheelsh: short commands on C1 and the serial collector with a 256 MiB heap, the server with the full JIT and 512 MiB
    jit = ["-Xmx512m", "-XX:+ExitOnOutOfMemoryError"] if args[:1] == ["lsp"] else ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m"]
    # The JVM's warnings go to standard error, never into a command's output.
    log = ["-Xlog:disable", "-Xlog:all=warning:stderr"]
    extra = shlex.split(env.get("WHEELSH_JAVA_OPTS", ""))
    return [java, *archive, *log, *jit, *extra, "-jar", JAR, *args]


def main(argv=None):
    args = sys.argv[1:] if argv is None else argv
    env = os.environ
    try:
        java, source = find_java(env)
        archive = prepare(java, source, env, sys.stderr)
    except NoJava as e:
        sys.stderr.write(f"wheelsh: {e}\n")
        return 2
    cmd = command_line(java, archive, args, env)
    if os.name == "nt":
        return subprocess.run(cmd).returncode
    sys.stdout.flush()
    os.execv(java, cmd)
