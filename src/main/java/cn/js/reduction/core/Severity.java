package cn.js.reduction.core;

/** How much a finding weighs: ERROR rejects the row (or skips the file), WARNING keeps it, INFO informs. */
public enum Severity {
    ERROR, WARNING, INFO
}
