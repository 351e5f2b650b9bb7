package dev.wheelsh.core.lock;

import dev.wheelsh.core.lock.LockFile.Dependency;
import dev.wheelsh.core.lock.LockFile.Format;
import dev.wheelsh.core.lock.LockFile.Package;
import dev.wheelsh.core.tags.ProjectName;
import dev.wheelsh.core.tags.SdistFilename;
import dev.wheelsh.core.tags.SpecifierSet;
import dev.wheelsh.core.tags.Version;
import dev.wheelsh.core.tags.WheelFilename;
import dev.wheelsh.core.vocabulary.InputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads pylock.toml (PEP 751, validated as packaging 26.3's {@code Pylock.from_dict} validates
 * it), uv.lock (uv 0.12's version 1 format: packages, their sources, wheels, sdist and dependency
 * edges) and pip's installation report ({@code pip install --dry-run --report}, version 1). Bad
 * input is an {@link InputException} naming the file, the place and the problem.
 */
public final class LockReader {

    /** Larger than any real lock file; a bigger one is refused before it is read. */
    public static final int MAX_CHARS = 32 * 1024 * 1024;

    private LockReader() {
    }

    /**
     * The format a file is in, from its name (pylock.toml, pylock.NAME.toml, uv.lock) or, for
     * another name, from its content: JSON is a pip report, TOML with lock-version a pylock.toml.
     */
    public static LockFile read(String source, String text) throws InputException {
        if (text.length() > MAX_CHARS) {
            throw new InputException(source + ": larger than " + (MAX_CHARS >> 20) + " MiB; not read as a lock file");
        }
        String name = source.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (name.equals("uv.lock")) {
            return uvLock(source, text);
        }
        if (name.equals("pylock.toml") || name.matches("pylock\\.[^.]+\\.toml")) {
            return pylock(source, text);
        }
        if (text.stripLeading().startsWith("{")) {
            return pipReport(source, text);
        }
        Fields root = Fields.root(source, TomlTree.read(source, text));
        if (root.has("lock-version")) {
            return pylock(source, root);
        }
        if (root.has("package") || root.has("version") && root.has("requires-python")) {
            return uvLock(source, root);
        }
        throw new InputException(source + ": neither a pylock.toml (no lock-version), a uv.lock (no [[package]]) "
                + "nor a pip report (not JSON)");
    }

    // ------------------------------------------------------------------ pylock.toml

    public static LockFile pylock(String source, String text) throws InputException {
        return pylock(source, Fields.root(source, TomlTree.read(source, text)));
    }

    private static LockFile pylock(String source, Fields root) throws InputException {
        String lockVersion = root.requiredString("lock-version");
        Version v = version(root, "lock-version", lockVersion);
        if (v.release().get(0).intValue() != 1) {
            throw root.error("lock-version", "version " + lockVersion + " is not supported (1.x is)");
        }
        root.requiredString("created-by");
        Optional<String> requiresPython = root.string("requires-python");
        if (requiresPython.isPresent()) {
            specifiers(root, "requires-python", requiresPython.get());
        }
        List<Marker> environments = new ArrayList<>();
        for (String m : root.strings("environments")) {
            environments.add(marker(root, "environments", m));
        }
        if (!root.has("packages")) {
            throw root.error("packages", "missing (an array of tables is required)");
        }
        List<Package> packages = new ArrayList<>();
        for (Fields p : root.tables("packages")) {
            packages.add(pylockPackage(p));
        }
        return new LockFile(Format.PYLOCK, source, requiresPython, environments, packages, Optional.empty(),
                root.strings("default-groups"), root.strings("extras"));
    }

    private static Package pylockPackage(Fields p) throws InputException {
        String name = p.requiredString("name");
        if (!ProjectName.canonicalize(name).equals(name)) {
            throw p.error("name", "'" + name + "' is not normalized (" + ProjectName.canonicalize(name) + ")");
        }
        Optional<String> version = p.string("version");
        Optional<Version> parsedVersion = version.isPresent() ? Optional.of(version(p, "version", version.get())) : Optional.empty();
        Optional<String> requiresPython = p.string("requires-python");
        if (requiresPython.isPresent()) {
            specifiers(p, "requires-python", requiresPython.get());
        }
        Optional<Marker> marker = p.string("marker").isPresent()
                ? Optional.of(marker(p, "marker", p.string("marker").get())) : Optional.empty();
        List<String> wheels = new ArrayList<>();
        List<Fields> wheelTables = p.tables("wheels");
        for (Fields w : wheelTables) {
            String filename = fileName(w, "wheel");
            WheelFilename parsed;
            try {
                parsed = WheelFilename.parse(filename);
            } catch (InputException e) {
                throw w.error("name", "invalid wheel filename: " + e.getMessage());
            }
            if (!parsed.name().equals(name)) {
                throw w.error("name", "'" + filename + "' is not a file of " + name);
            }
            if (parsedVersion.isPresent() && parsed.version().compareTo(parsedVersion.get()) != 0) {
                throw w.error("name", "'" + filename + "' is not version " + version.get());
            }
            wheels.add(filename);
        }
        Optional<String> sdist = Optional.empty();
        Optional<Fields> sdistTable = p.table("sdist");
        if (sdistTable.isPresent()) {
            String filename = fileName(sdistTable.get(), "sdist");
            SdistFilename parsed;
            try {
                parsed = SdistFilename.parse(filename);
            } catch (InputException e) {
                throw sdistTable.get().error("name", "invalid sdist filename: " + e.getMessage());
            }
            if (!parsed.name().equals(name)) {
                throw sdistTable.get().error("name", "'" + filename + "' is not a file of " + name);
            }
            if (parsedVersion.isPresent() && parsed.version().compareTo(parsedVersion.get()) != 0) {
                throw sdistTable.get().error("name", "'" + filename + "' is not version " + version.get());
            }
            sdist = Optional.of(filename);
        }
        List<String> directKinds = new ArrayList<>();
        for (String kind : List.of("vcs", "directory", "archive")) {
            Optional<Fields> t = p.table(kind);
            if (t.isPresent()) {
                directKinds.add(kind + " " + direct(t.get(), kind));
            }
        }
        boolean distributions = sdist.isPresent() || !wheels.isEmpty();
        if (distributions && !directKinds.isEmpty()) {
            throw p.error("name", "none of vcs, directory, archive may be set when sdist or wheels are");
        }
        if (!distributions && directKinds.size() != 1) {
            throw p.error("name", "exactly one of vcs, directory, archive must be set when sdist and wheels are not");
        }
        return new Package(name, version, marker, requiresPython, wheels, sdist,
                directKinds.isEmpty() ? Optional.empty() : Optional.of(directKinds.get(0)), p.place(), false,
                List.of(), Map.of(), Map.of());
    }

    /** A pylock file entry's name: its name key, else the last part of its path or of its URL. */
    private static String fileName(Fields f, String what) throws InputException {
        Optional<String> url = f.string("url");
        Optional<String> path = f.string("path");
        if (url.isEmpty() && path.isEmpty()) {
            throw f.error("url", "a " + what + " needs a path or a url");
        }
        Optional<Fields> hashes = f.table("hashes");
        if (hashes.isEmpty() || hashes.get().keys().isEmpty()) {
            throw f.error("hashes", "at least one hash is required");
        }
        for (String algorithm : hashes.get().keys()) {
            hashes.get().requiredString(algorithm);
        }
        Optional<String> name = f.string("name");
        if (name.isPresent() && !name.get().isEmpty()) {
            return name.get();
        }
        if (path.isPresent() && !path.get().isEmpty()) {
            String p = path.get();
            int slash = Math.max(p.lastIndexOf('/'), p.indexOf('/') < 0 ? p.lastIndexOf('\\') : -1);
            return p.substring(slash + 1);
        }
        return urlName(f, "url", url.get());
    }

    private static String direct(Fields t, String kind) throws InputException {
        Optional<String> where = t.string("url").or(() -> stringOrEmpty(t, "path"));
        if (where.isEmpty()) {
            throw t.error("url", "a " + kind + " needs a path or a url");
        }
        return where.get();
    }

    private static Optional<String> stringOrEmpty(Fields t, String key) {
        try {
            return t.string(key);
        } catch (InputException e) {
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------ uv.lock

    public static LockFile uvLock(String source, String text) throws InputException {
        return uvLock(source, Fields.root(source, TomlTree.read(source, text)));
    }

    private static LockFile uvLock(String source, Fields root) throws InputException {
        Object version = root.values().get("version");
        if (!(version instanceof Fields.Literal l) || !l.text().equals("1")) {
            throw root.error("version", version == null ? "missing (uv.lock version 1 is read)"
                    : "uv.lock version " + (version instanceof Fields.Literal l2 ? l2.text() : version) + " is not read (version 1 is)");
        }
        Optional<String> requiresPython = root.string("requires-python");
        if (requiresPython.isPresent()) {
            specifiers(root, "requires-python", requiresPython.get());
        }
        List<String> members = new ArrayList<>();
        Optional<Fields> manifest = root.table("manifest");
        if (manifest.isPresent()) {
            for (String m : manifest.get().strings("members")) {
                members.add(ProjectName.canonicalize(m));
            }
        }
        List<Package> packages = new ArrayList<>();
        for (Fields p : root.tables("package")) {
            packages.add(uvPackage(p, members));
        }
        if (packages.isEmpty()) {
            throw root.error("package", "no [[package]] entries");
        }
        return new LockFile(Format.UV_LOCK, source, requiresPython, List.of(), packages, Optional.empty(),
                List.of("dev"), List.of());
    }

    private static Package uvPackage(Fields p, List<String> members) throws InputException {
        String name = ProjectName.canonicalize(p.requiredString("name"));
        Optional<String> version = p.string("version");
        Optional<Fields> source = p.table("source");
        Optional<String> direct = Optional.empty();
        boolean root = members.contains(name);
        if (source.isPresent()) {
            Fields s = source.get();
            boolean files = p.has("sdist") || p.has("wheels");
            for (String kind : List.of("editable", "virtual", "directory", "path", "git", "url")) {
                if (s.has(kind)) {
                    // a wheel or sdist named by path or URL is still a file judged by its name
                    if (!(files && (kind.equals("url") || kind.equals("path")))) {
                        direct = Optional.of(kind + " " + s.requiredString(kind));
                    }
                    // a lone project (no [manifest] members) is the root it was locked for
                    root |= members.isEmpty() && (kind.equals("editable") || kind.equals("virtual"));
                }
            }
            if (!s.has("registry") && direct.isEmpty() && !files) {
                throw p.error("source", "no registry, editable, virtual, directory, path, git or url");
            }
        }
        List<String> wheels = new ArrayList<>();
        for (Fields w : p.tables("wheels")) {
            wheels.add(uvFileName(w));
        }
        Optional<String> sdist = Optional.empty();
        Optional<Fields> s = p.table("sdist");
        if (s.isPresent()) {
            sdist = Optional.of(uvFileName(s.get()));
        }
        if (direct.isEmpty() && wheels.isEmpty() && sdist.isEmpty()) {
            throw p.error("name", name + " has no wheels, no sdist and no other source");
        }
        List<Dependency> deps = dependencies(p, "dependencies");
        Map<String, List<Dependency>> extras = new LinkedHashMap<>();
        Optional<Fields> optional = p.table("optional-dependencies");
        if (optional.isPresent()) {
            for (String extra : optional.get().keys()) {
                extras.put(ProjectName.canonicalize(extra), dependencies(optional.get(), extra));
            }
        }
        Map<String, List<Dependency>> groups = new LinkedHashMap<>();
        Optional<Fields> dev = p.table("dev-dependencies");
        if (dev.isPresent()) {
            for (String group : dev.get().keys()) {
                groups.put(ProjectName.canonicalize(group), dependencies(dev.get(), group));
            }
        }
        return new Package(name, version, Optional.empty(), Optional.empty(), wheels, sdist, direct, p.place(), root,
                deps, extras, groups);
    }

    private static List<Dependency> dependencies(Fields p, String key) throws InputException {
        List<Dependency> out = new ArrayList<>();
        for (Fields d : p.tables(key)) {
            Optional<String> m = d.string("marker");
            out.add(new Dependency(ProjectName.canonicalize(d.requiredString("name")), d.string("version"),
                    m.isPresent() ? Optional.of(marker(d, "marker", m.get())) : Optional.empty(),
                    d.strings("extra").stream().map(ProjectName::canonicalize).toList()));
        }
        return out;
    }

    /** A uv.lock file entry: {@code filename} when given, else the last part of its url or path. */
    private static String uvFileName(Fields f) throws InputException {
        Optional<String> filename = f.string("filename");
        if (filename.isPresent()) {
            return filename.get();
        }
        Optional<String> url = f.string("url");
        if (url.isPresent()) {
            return urlName(f, "url", url.get());
        }
        Optional<String> path = f.string("path");
        if (path.isPresent()) {
            String p = path.get();
            return p.substring(p.lastIndexOf('/') + 1);
        }
        throw f.error("url", "a file needs a url, a path or a filename");
    }

    // ------------------------------------------------------------------ pip's installation report

    public static LockFile pipReport(String source, String text) throws InputException {
        Fields root = Fields.json(source, text);
        Optional<String> version = root.string("version");
        if (version.isEmpty()) {
            throw root.error("version", "missing: not a pip installation report");
        }
        if (!version.get().equals("1")) {
            throw root.error("version", "report version " + version.get() + " is not read (version 1 is)");
        }
        if (!root.has("install")) {
            throw root.error("install", "missing: not a pip installation report");
        }
        List<Package> packages = new ArrayList<>();
        for (Fields item : root.tables("install")) {
            Fields metadata = item.table("metadata").orElseThrow(() -> item.error("metadata", "missing"));
            String name = ProjectName.canonicalize(metadata.requiredString("name"));
            Optional<String> pinned = metadata.string("version");
            Fields download = item.table("download_info").orElseThrow(() -> item.error("download_info", "missing"));
            String url = download.requiredString("url");
            Optional<String> direct = Optional.empty();
            List<String> wheels = new ArrayList<>();
            Optional<String> sdist = Optional.empty();
            if (download.has("vcs_info")) {
                direct = Optional.of("vcs " + url);
            } else if (download.has("dir_info")) {
                direct = Optional.of("directory " + url);
            } else {
                String filename = urlName(download, "url", url);
                if (filename.toLowerCase(Locale.ROOT).endsWith(".whl")) {
                    wheels.add(filename);
                } else {
                    sdist = Optional.of(filename);
                }
            }
            packages.add(new Package(name, pinned, Optional.empty(), metadata.string("requires_python"), wheels, sdist,
                    direct, item.place(), false, List.of(), Map.of(), Map.of()));
        }
        Optional<String> madeFor = Optional.empty();
        Optional<Fields> env = root.table("environment");
        if (env.isPresent()) {
            madeFor = Optional.of(env.get().string("implementation_name").orElse("python") + " "
                    + env.get().string("python_full_version").orElse("?") + " on "
                    + env.get().string("sys_platform").orElse("?") + " " + env.get().string("platform_machine").orElse("?"));
        }
        return new LockFile(Format.PIP_REPORT, source, Optional.empty(), List.of(), packages, madeFor, List.of(), List.of());
    }

    // ------------------------------------------------------------------ shared

    /** The last part of a URL's path, percent-decoded (the file's name). */
    private static String urlName(Fields f, String key, String url) throws InputException {
        String path;
        try {
            path = new URI(url).getRawPath();
        } catch (URISyntaxException e) {
            throw f.error(key, "'" + url + "' is not a URL (" + e.getReason() + ")");
        }
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            throw f.error(key, "'" + url + "' names no file");
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        try {
            return URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw f.error(key, "'" + url + "' has a bad percent-escape");
        }
    }

    private static Version version(Fields f, String key, String text) throws InputException {
        try {
            return Version.parse(text);
        } catch (InputException e) {
            throw f.error(key, "'" + text + "' is not a version");
        }
    }

    private static void specifiers(Fields f, String key, String text) throws InputException {
        try {
            SpecifierSet.parse(text);
        } catch (InputException e) {
            throw f.error(key, e.getMessage());
        }
    }

    private static Marker marker(Fields f, String key, String text) throws InputException {
        try {
            return Marker.parse(text);
        } catch (InputException e) {
            throw f.error(key, e.getMessage());
        }
    }
}
