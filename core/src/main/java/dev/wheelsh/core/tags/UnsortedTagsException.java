package dev.wheelsh.core.tags;

import dev.wheelsh.core.vocabulary.InputException;

/** A compressed tag set whose dotted parts are not sorted, when sorted order was asked for. */
public class UnsortedTagsException extends InputException {
    private static final long serialVersionUID = 1L;

    /** The problem {@code e} describes (message, part and reason), as the unsorted-tags kind. */
    UnsortedTagsException(InputException e) {
        super(e.getMessage(), e.part().orElse(null), e.reason(), null);
    }
}
