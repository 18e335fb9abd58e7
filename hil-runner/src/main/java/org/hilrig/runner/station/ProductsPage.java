package org.hilrig.runner.station;

import static org.hilrig.runner.station.OperatorPage.esc;

import java.util.List;
import org.hilrig.runner.store.ProfileRevision;
import org.hilrig.runner.store.RetestPolicy;

/**
 * The engineer's page ({@code GET /products}): each product's profile revision in force and its history, a form that
 * releases a new revision (a file uploaded, or a path under the installation's home, and why), and its retest policy
 * with the form that changes it. Plain HTML forms (they work without the script). What a request did, or why it was
 * refused with every problem of the file at its {@code file:line:col}, shows at the top.
 */
final class ProductsPage {
    private ProductsPage() {
    }

    /** What the last request did: a notice, or a refusal with its problems; both null for none. */
    record Outcome(String notice, Station.Refused refused) {
        static final Outcome NONE = new Outcome(null, null);
    }

    static String render(Station station, StationFile.Operator who, String csrf, Outcome outcome) {
        StationFile file = station.file();
        StringBuilder b = new StringBuilder(OperatorPage.head("Products: " + file.id()));
        b.append("<body class=\"desk\">").append(OperatorPage.header(file.id(), who, csrf, "/products")).append("<main>");
        outcome(b, outcome);
        for (StationFile.Product p : file.products()) {
            String part = esc(p.partNumber());
            ProfileRevision now = station.products().current(p.partNumber());
            RetestPolicy policy = station.products().policy(p.partNumber());
            b.append("<section class=\"product\" id=\"product-").append(part).append("\"><h2>").append(part).append(" rev ")
                    .append(esc(p.revision())).append(" (").append(p.board().name()).append(")</h2>");
            b.append("<p class=\"in-force\">Profile in force: <strong>").append(esc(now.revisionId())).append("</strong>,")
                    .append(" SHA-256 <code>").append(esc(now.sha256().substring(0, 16))).append("...</code>, released by ")
                    .append(esc(now.releasedBy())).append(" at ").append(esc(now.releasedUtc())).append(": ")
                    .append(esc(now.reason())).append("</p>");
            b.append("<table class=\"history\"><caption>Profile revisions</caption><thead><tr><th>Revision</th>"
                    + "<th>SHA-256</th><th>From</th><th>By</th><th>When</th><th>Why</th></tr></thead><tbody>");
            List<ProfileRevision> history = station.products().history(p.partNumber());
            for (int i = history.size() - 1; i >= 0; i--) {
                ProfileRevision r = history.get(i);
                b.append("<tr><td>").append(esc(r.revisionId())).append("</td><td><code>").append(esc(r.sha256()
                        .substring(0, 16))).append("</code></td><td>").append(esc(r.source())).append("</td><td>")
                        .append(esc(r.releasedBy())).append("</td><td>").append(esc(r.releasedUtc())).append("</td><td>")
                        .append(esc(r.reason())).append("</td></tr>");
            }
            b.append("</tbody></table>");
            b.append("<form method=\"post\" enctype=\"multipart/form-data\" action=\"/products/").append(part)
                    .append("/revisions\" class=\"release\" id=\"release-").append(part).append("\">")
                    .append(csrfField(csrf)).append("<h3>Release a new profile revision</h3>")
                    .append("<label for=\"profile-").append(part).append("\">Profile file</label><input type=\"file\" name=\"")
                    .append("profile\" id=\"profile-").append(part).append("\" accept=\".yaml,.yml\">")
                    .append("<label for=\"path-").append(part).append("\">or a path under the installation</label>")
                    .append("<input name=\"path\" id=\"path-").append(part).append("\" placeholder=\"fixtures/boards/...\">")
                    .append("<label for=\"reason-").append(part).append("\">Why the limits change</label>")
                    .append("<input name=\"reason\" id=\"reason-").append(part).append("\" required>")
                    .append("<button type=\"submit\" class=\"release-button\">Release revision</button></form>");
            b.append("<p class=\"policy\">Retest policy in force: at most <strong>").append(policy.maxAttempts())
                    .append("</strong> attempts; a failed unit ").append(policy.reworkAfterFail()
                            ? "<strong>goes to rework</strong> before a retest" : "may be retested without rework")
                    .append(" (").append(esc(policy.changedBy())).append(" at ").append(esc(policy.changedUtc()))
                    .append(": ").append(esc(policy.reason())).append(")</p>");
            b.append("<form method=\"post\" action=\"/products/").append(part).append("/retest\" class=\"retest\" id=\"retest-")
                    .append(part).append("\">").append(csrfField(csrf)).append("<h3>Change the retest policy</h3>")
                    .append("<label for=\"max-").append(part).append("\">Max attempts</label><input type=\"number\" min=\"1\"")
                    .append(" max=\"100\" name=\"max_attempts\" id=\"max-").append(part).append("\" value=\"")
                    .append(policy.maxAttempts()).append("\" required><label class=\"check\"><input type=\"checkbox\"")
                    .append(" name=\"rework_after_fail\" value=\"true\" id=\"rework-").append(part).append("\"")
                    .append(policy.reworkAfterFail() ? " checked" : "").append("> Rework after a fail</label>")
                    .append("<label for=\"policy-reason-").append(part).append("\">Why</label><input name=\"reason\" id=\"")
                    .append("policy-reason-").append(part).append("\" required><button type=\"submit\">Change policy</button>")
                    .append("</form></section>");
        }
        return b.append("</main></body></html>").toString();
    }

    static String csrfField(String csrf) {
        return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(csrf) + "\">";
    }

    /** The notice, or the refusal with each problem on a line of its own. */
    static void outcome(StringBuilder b, Outcome o) {
        if (o.notice() != null) {
            b.append("<p class=\"notice\" role=\"status\" id=\"notice\">").append(esc(o.notice())).append("</p>");
        }
        if (o.refused() != null) {
            b.append("<div class=\"refusal\" role=\"alert\" id=\"refusal\"><p>").append(esc(o.refused().getMessage()))
                    .append("</p>");
            if (!o.refused().problems().isEmpty()) {
                b.append("<ul class=\"problems\">");
                o.refused().problems().forEach(p -> b.append("<li><code>").append(esc(p)).append("</code></li>"));
                b.append("</ul>");
            }
            b.append("</div>");
        }
    }
}
