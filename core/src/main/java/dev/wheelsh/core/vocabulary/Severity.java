package dev.wheelsh.core.vocabulary;

/** How much a finding matters. Ordered from most to least severe. */
public enum Severity {
    /** The check failed: the wheel will not run, the file is wrong, the policy is violated. */
    ERROR,
    /** Probably wrong, or works today only by accident. */
    WARNING,
    /** A fact worth knowing that changes no verdict. */
    INFO,
    /** A suggestion (a clearer spelling, a newer name). */
    HINT
}
