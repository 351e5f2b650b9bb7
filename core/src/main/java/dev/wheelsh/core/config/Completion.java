package dev.wheelsh.core.config;

import dev.wheelsh.core.vocabulary.Edit;

/**
 * One completion candidate.
 *
 * @param label         what the list shows
 * @param kind          what sort of thing it is (the editor picks an icon from it)
 * @param detail        a short description shown beside the label
 * @param documentation longer Markdown text; may be empty
 * @param edit          the text to put in and the range it replaces
 */
public record Completion(String label, Kind kind, String detail, String documentation, Edit edit) {

    public enum Kind { KEY, VALUE, TAG_COMPONENT, ARCH, POLICY, OPTION, SECTION }
}
