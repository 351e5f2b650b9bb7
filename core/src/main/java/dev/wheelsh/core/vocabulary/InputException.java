package dev.wheelsh.core.vocabulary;

/**
 * Bad input from a user: a file that is not what it claims, an option value that does not parse.
 * Its message is one line that names the input, the place and the problem, ready to print as is;
 * the faces turn it into exit code 2 or a diagnostic and never show a stack trace for it.
 */
public class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
