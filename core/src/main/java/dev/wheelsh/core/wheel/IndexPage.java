package dev.wheelsh.core.wheel;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.core.vocabulary.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The distribution files a saved simple-repository page lists: HTML as PEP 503 describes it
 * (one anchor per file, the filename is the anchor's text, or else the last path segment of its
 * href; {@code data-requires-python} and PEP 592's {@code data-yanked} on the anchor) or JSON as
 * PEP 691 (a "files" array of objects with "filename", "requires-python" and "yanked"). Scanning
 * is linear and bounded: a page of any size yields at most {@link #MAX_FILES} files.
 */
public final class IndexPage {

    /**
     * One file of a project page.
     *
     * @param filename       the file's name
     * @param requiresPython the index's requires-python for it, as written (entities decoded)
     * @param yanked         whether the index marks it yanked (PEP 592)
     * @param yankedReason   the reason given, empty when none
     */
    public record File(String filename, Optional<String> requiresPython, boolean yanked, String yankedReason) {
        public File {
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(requiresPython, "requiresPython");
            Objects.requireNonNull(yankedReason, "yankedReason");
        }

        /** A file known by name only: no requires-python, not yanked. */
        public static File named(String filename) {
            return new File(filename, Optional.empty(), false, "");
        }
    }

    /**
     * The archive suffixes pip takes as distributions (pip's SUPPORTED_EXTENSIONS in
     * utils/unpacking.py and utils/filetypes.py, pip 26.3.dev0 and 23.2.1 alike).
     */
    public static final List<String> DISTRIBUTION_SUFFIXES = List.of(".whl", ".zip", ".tar.gz", ".tgz", ".tar",
            ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma");

    /** More files than any real project page lists; a page with more is cut there. */
    public static final int MAX_FILES = 200_000;

    private IndexPage() {
    }

    /** Filenames from page text; the format is taken from the content. */
    public static List<String> filenames(String source, String text) throws InputException {
        return files(source, text).stream().map(File::filename).toList();
    }

    /** Files with their index data from page text; the format is taken from the content. */
    public static List<File> files(String source, String text) throws InputException {
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{")) {
            return fromJson(source, text);
        }
        if (!trimmed.startsWith("<")) {
            throw new InputException(source + ": not a simple-index page (neither HTML nor PEP 691 JSON)");
        }
        return fromHtml(text);
    }

    static List<File> fromJson(String source, String text) throws InputException {
        JsonNode root;
        try {
            root = new ObjectMapper().configure(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION, false).readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputException(source + ": not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new InputException(source + ": cannot read (" + e.getMessage() + ")");
        }
        JsonNode files = root.get("files");
        if (files == null || !files.isArray()) {
            throw new InputException(source + ": a PEP 691 project page needs a \"files\" array");
        }
        List<File> out = new ArrayList<>();
        for (JsonNode f : files) {
            JsonNode name = f.get("filename");
            if (name != null && name.isTextual() && out.size() < MAX_FILES) {
                JsonNode rp = f.get("requires-python");
                Optional<String> requires = rp != null && rp.isTextual() ? Optional.of(rp.asText()) : Optional.empty();
                // PEP 691: "yanked" is false, true, or a non-empty reason string (which means yanked).
                JsonNode y = f.get("yanked");
                boolean yanked = y != null && (y.isTextual() || (y.isBoolean() && y.asBoolean()));
                out.add(new File(name.asText(), requires, yanked, y != null && y.isTextual() ? y.asText() : ""));
            }
        }
        return out;
    }

    /** Every {@code <a ...>text</a>}: the text when it looks like a filename, else the href's last segment. */
    static List<File> fromHtml(String html) {
        List<File> out = new ArrayList<>();
        String lower = html.toLowerCase(Locale.ROOT);
        int i = 0;
        while (out.size() < MAX_FILES) {
            int open = lower.indexOf("<a", i);
            if (open < 0) {
                break;
            }
            int tagEnd = lower.indexOf('>', open);
            if (tagEnd < 0) {
                break;
            }
            int close = lower.indexOf("</a", tagEnd);
            if (close < 0) {
                break;
            }
            String text = decodeEntities(html.substring(tagEnd + 1, close).strip());
            String name = text;
            if (!looksLikeDistribution(name)) {
                name = hrefFilename(html.substring(open, tagEnd));
            }
            if (name != null && looksLikeDistribution(name)) {
                String tag = html.substring(open, tagEnd);
                Optional<String> requires = attribute(tag, "data-requires-python").map(IndexPage::decodeEntities);
                Optional<String> yanked = attribute(tag, "data-yanked").map(IndexPage::decodeEntities);
                out.add(new File(name, requires, yanked.isPresent(), yanked.orElse("")));
            }
            i = close + 3;
        }
        return out;
    }

    /**
     * An attribute's value in an anchor's start tag ({@code <a ...}), quoted or unquoted. An
     * attribute without a value counts as absent: pip reads anchors with Python's HTMLParser,
     * which gives such an attribute the value None, so a bare {@code data-yanked} does not yank
     * a file for pip (pip 26.3.dev0 models/link.py Link.from_element; 23.2.1 alike), while
     * {@code data-yanked=""} does.
     */
    static Optional<String> attribute(String tag, String attributeName) {
        String lower = tag.toLowerCase(Locale.ROOT);
        int from = 0;
        while (true) {
            int at = lower.indexOf(attributeName, from);
            if (at < 0) {
                return Optional.empty();
            }
            from = at + attributeName.length();
            boolean startsName = at > 0 && Character.isWhitespace(lower.charAt(at - 1));
            int i = from;
            while (i < tag.length() && Character.isWhitespace(tag.charAt(i))) {
                i++;
            }
            char after = from < tag.length() ? tag.charAt(from) : ' ';
            boolean endsName = Character.isWhitespace(after) || after == '=' || after == '/';
            if (!startsName || !endsName) {
                continue;
            }
            if (i >= tag.length() || tag.charAt(i) != '=') {
                return Optional.empty();
            }
            i++;
            while (i < tag.length() && Character.isWhitespace(tag.charAt(i))) {
                i++;
            }
            if (i >= tag.length()) {
                return Optional.of("");
            }
            char quote = tag.charAt(i);
            if (quote == '"' || quote == '\'') {
                int end = tag.indexOf(quote, i + 1);
                return Optional.of(tag.substring(i + 1, end < 0 ? tag.length() : end));
            }
            int end = i;
            while (end < tag.length() && !Character.isWhitespace(tag.charAt(end))) {
                end++;
            }
            return Optional.of(tag.substring(i, end));
        }
    }

    private static String hrefFilename(String tag) {
        Optional<String> value = attribute(tag, "href");
        if (value.isEmpty()) {
            return null;
        }
        String href = value.get();
        int cut = href.length();
        for (char c : new char[] {'#', '?'}) {
            int at = href.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        href = href.substring(0, cut);
        String last = href.substring(href.lastIndexOf('/') + 1);
        return unquote(last);
    }

    /**
     * Percent-decoding as pip does it (Python's urllib.parse.unquote): each run of valid %XX
     * escapes is decoded as UTF-8 (malformed bytes replaced), a '%' not followed by two hex digits
     * stays as it is, and '+' stays '+' (a local version, 1.0+cpu, is no space). Found by fuzzing:
     * URLDecoder threw on "%1." and turned '+' into a space.
     */
    static String unquote(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 3;
                continue;
            }
            if (bytes.size() > 0) {
                out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
                bytes.reset();
            }
            out.append(s.charAt(i));
            i++;
        }
        if (bytes.size() > 0) {
            out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
            return Character.toLowerCase(c) - 'a' + 10;
        }
        return -1;
    }

    private static boolean looksLikeDistribution(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return DISTRIBUTION_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    private static String decodeEntities(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
