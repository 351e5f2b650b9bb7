package dev.wheelsh.core.tags;

import dev.wheelsh.core.vocabulary.InputException;

/** A compressed tag set whose dotted parts are not sorted, when sorted order was asked for. */
public class UnsortedTagsException extends InputException {
    private static final long serialVersionUID = 1L;

    public UnsortedTagsException(String message) {
        super(message);
    }
}
