package dev.wheelsh.core.tags;

import dev.wheelsh.core.vocabulary.InputException;
import java.util.Locale;
import java.util.Objects;

/**
 * One compatibility tag, {@code interpreter-abi-platform} (PEP 425). Components are lower-cased on
 * construction, as packaging does, so {@code CP313-cp313-Win_AMD64} equals {@code cp313-cp313-win_amd64}.
 */
public record Tag(String interpreter, String abi, String platform) {

    public Tag {
        interpreter = Objects.requireNonNull(interpreter, "interpreter").toLowerCase(Locale.ROOT);
        abi = Objects.requireNonNull(abi, "abi").toLowerCase(Locale.ROOT);
        platform = Objects.requireNonNull(platform, "platform").toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a single, uncompressed tag. For a compressed set such as {@code py2.py3-none-any}
     * use {@link TagSet#parse(String)}.
     */
    public static Tag parse(String text) throws InputException {
        TagSet set = TagSet.parse(text);
        if (set.tags().size() != 1) {
            throw InputException.in("tag", text, 0, text.length(), "is a compressed tag set of "
                    + set.tags().size() + " tags, expected one tag");
        }
        return set.tags().iterator().next();
    }

    @Override
    public String toString() {
        return interpreter + "-" + abi + "-" + platform;
    }
}
