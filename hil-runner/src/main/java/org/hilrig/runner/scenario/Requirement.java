package org.hilrig.runner.scenario;

/**
 * A requirement scenarios trace to.
 *
 * @param id e.g. {@code REQ-ILK-001}
 * @param text what the requirement says, in one or a few sentences
 * @param standard the standard clause it serves, by name only (e.g. {@code 21 CFR 1020.31(a)}), or null
 */
public record Requirement(String id, String text, String standard) {
}
