package dev.wheelsh.core.wheel;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelsh.core.vocabulary.InputException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The distribution filenames a saved simple-repository page lists: HTML as PEP 503 describes it
 * (one anchor per file, the filename is the anchor's text, or else the last path segment of its
 * href) or JSON as PEP 691 (a "files" array of objects with "filename"). Scanning is linear and
 * bounded: a page of any size yields at most {@link #MAX_FILES} names.
 */
public final class IndexPage {

    /** More files than any real project page lists; a page with more is cut there. */
    public static final int MAX_FILES = 200_000;

    private IndexPage() {
    }

    /** Filenames from page text; the format is taken from the content. */
    public static List<String> filenames(String source, String text) throws InputException {
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{")) {
            return fromJson(source, text);
        }
        return fromHtml(text);
    }

    static List<String> fromJson(String source, String text) throws InputException {
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
        List<String> out = new ArrayList<>();
        for (JsonNode f : files) {
            JsonNode name = f.get("filename");
            if (name != null && name.isTextual() && out.size() < MAX_FILES) {
                out.add(name.asText());
            }
        }
        return out;
    }

    /** Every {@code <a ...>text</a>}: the text when it looks like a filename, else the href's last segment. */
    static List<String> fromHtml(String html) {
        List<String> out = new ArrayList<>();
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
                out.add(name);
            }
            i = close + 3;
        }
        return out;
    }

    private static String hrefFilename(String tag) {
        int h = tag.toLowerCase(Locale.ROOT).indexOf("href=");
        if (h < 0) {
            return null;
        }
        int start = h + 5;
        char quote = start < tag.length() ? tag.charAt(start) : ' ';
        int end;
        if (quote == '"' || quote == '\'') {
            start++;
            end = tag.indexOf(quote, start);
        } else {
            end = tag.indexOf(' ', start);
        }
        String href = tag.substring(start, end < 0 ? tag.length() : end);
        int cut = href.length();
        for (char c : new char[] {'#', '?'}) {
            int at = href.indexOf(c);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        href = href.substring(0, cut);
        String last = href.substring(href.lastIndexOf('/') + 1);
        return URLDecoder.decode(last, StandardCharsets.UTF_8);
    }

    private static boolean looksLikeDistribution(String name) {
        return name.endsWith(".whl") || name.endsWith(".tar.gz") || name.endsWith(".zip");
    }

    private static String decodeEntities(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
