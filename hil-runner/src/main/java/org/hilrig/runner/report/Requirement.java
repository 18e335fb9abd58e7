package org.hilrig.runner.report;

/**
 * A requirement scenarios are traced to.
 *
 * @param id e.g. {@code REQ-ILK-001}
 * @param text what it requires, as the requirement list says it
 * @param clause where it comes from (a standard's clause, a product specification section), or null
 */
public record Requirement(String id, String text, String clause) {
}
