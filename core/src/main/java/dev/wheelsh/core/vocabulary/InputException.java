package dev.wheelsh.core.vocabulary;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * Bad input from a user: a file that is not what it claims, an option value that does not parse.
 * Its message is one line that names the input, the place and the problem, ready to print as is;
 * the faces turn it into exit code 2 or a diagnostic and never show a stack trace for it.
 *
 * <p>A parser of a one-line value (a target, a tag, a filename, a version) also says which part of
 * the value is bad: {@link #part()} gives the value, the offset of the bad part and its length, and
 * {@link #reason()} the problem without the value around it. Callers that show the value inside a
 * larger document place their finding from these fields; nobody reads a position back out of the
 * message.
 */
public class InputException extends Exception {
    private static final long serialVersionUID = 2L;

    /** Inputs longer than this are shortened in messages, which stay one readable line. */
    private static final int SHOWN_CHARS = 4000;

    /**
     * The bad part of a one-line input: {@code input.substring(offset, offset + length)}. The
     * length may be 0 where something is missing (an extension after the last character).
     */
    public record Part(String input, int offset, int length) implements Serializable {
        public Part {
            Objects.requireNonNull(input, "input");
            if (offset < 0 || length < 0 || offset + length > input.length()) {
                throw new IllegalArgumentException("part " + offset + "+" + length + " outside an input of " + input.length());
            }
        }

        /** The offset just after the bad part. */
        public int end() {
            return offset + length;
        }

        /** The bad text itself. */
        public String text() {
            return input.substring(offset, end());
        }
    }

    private final Part part;
    private final String reason;
    private final Code code;

    public InputException(String message) {
        this(message, null, message, null);
    }

    public InputException(String message, Throwable cause) {
        this(message, null, message, cause);
    }

    protected InputException(String message, Part part, String reason, Throwable cause) {
        this(message, part, reason, null, cause);
    }

    private InputException(String message, Part part, String reason, Code code, Throwable cause) {
        // A refusal is one line whatever it quotes: a newline or an escape sequence typed into a
        // name (or fuzzed into it) is shown escaped, never passed on to the terminal.
        super(message == null ? null : TerminalText.safe(message), cause);
        this.part = part;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.code = code;
    }

    /**
     * The same error, as the finding a check reports for the same mistake in a file: a target
     * with a misspelt architecture is WH191, as the same architecture in a pip.conf platform is.
     */
    public InputException withCode(Code code) {
        InputException e = new InputException(getMessage(), part, reason, Objects.requireNonNull(code, "code"), getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** The finding code of the same mistake in a checked file, when there is one. */
    public Optional<Code> code() {
        return Optional.ofNullable(code);
    }

    /**
     * A problem with part of a one-line input; the message is {@code what 'input': reason}, e.g.
     * {@code wheel filename 'a-1.0.whl': has 2 dash-separated parts, ...}. Offsets outside the
     * input are clamped to it.
     */
    public static InputException in(String what, String input, int offset, int length, String reason) {
        Part p = clamped(input, offset, length);
        return new InputException(what + " " + shown(input) + ": " + reason, p, reason, null);
    }

    /**
     * The same, for inputs whose parts a reader has to count to find: the message also names the
     * column, one-based ({@code target 'cp313-glibc2.x-foo': at column 7: system ...}).
     */
    public static InputException atColumn(String what, String input, int offset, int length, String reason) {
        Part p = clamped(input, offset, length);
        return new InputException(what + " " + shown(input) + ": at column " + (p.offset() + 1) + ": " + reason, p, reason, null);
    }

    /** The value, the offset and the length of the bad part, when the input is a one-line value. */
    public Optional<Part> part() {
        return Optional.ofNullable(part);
    }

    /** The problem in words, without the input it was found in (the whole message when there is no part). */
    public String reason() {
        return reason;
    }

    /** The input quoted, shortened when it is too long to be a line of a message. */
    static String shown(String input) {
        return input.length() > SHOWN_CHARS ? "'" + input.substring(0, 20) + "...'" : "'" + input + "'";
    }

    private static Part clamped(String input, int offset, int length) {
        int from = Math.max(0, Math.min(offset, input.length()));
        int to = Math.max(from, Math.min(input.length(), from + Math.max(0, length)));
        return new Part(input, from, to - from);
    }
}
