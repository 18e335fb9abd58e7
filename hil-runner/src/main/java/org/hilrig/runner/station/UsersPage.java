package org.hilrig.runner.station;

import static org.hilrig.runner.station.OperatorPage.esc;
import static org.hilrig.runner.station.ProductsPage.csrfField;

import org.hilrig.runner.store.AuditEntry;
import org.hilrig.runner.store.StationUser;

/**
 * The admin's page ({@code GET /users}): the station's users with a form each to disable or enable them and to
 * reset their password, a form that adds a user, and the audit trail's latest entries (who did what, when).
 */
final class UsersPage {
    /** How many audit entries the page shows, newest first. */
    static final int AUDIT_SHOWN = 50;

    private UsersPage() {
    }

    static String render(Station station, StationFile.Operator who, String csrf, ProductsPage.Outcome outcome) {
        StationFile file = station.file();
        StringBuilder b = new StringBuilder(OperatorPage.head("Users: " + file.id()));
        b.append("<body class=\"desk\">").append(OperatorPage.header(file.id(), who, csrf, "/users")).append("<main>");
        ProductsPage.outcome(b, outcome);
        b.append("<section><h2>Users</h2><table class=\"users\"><thead><tr><th>Name</th><th>Role</th><th>State</th>"
                + "<th>Added by</th><th>Changed</th><th>Change</th></tr></thead><tbody>");
        for (StationUser u : station.users().all()) {
            String n = esc(u.name());
            b.append("<tr id=\"user-").append(n).append("\"><td>").append(n).append("</td><td>").append(esc(u.role()))
                    .append("</td><td class=\"state\">").append(u.disabled() ? "disabled" : "enabled").append("</td><td>")
                    .append(esc(u.createdBy())).append("</td><td>").append(esc(u.changedUtc())).append("</td><td>")
                    .append("<form method=\"post\" action=\"/users/").append(n).append(u.disabled() ? "/enable" : "/disable")
                    .append("\" class=\"inline\">").append(csrfField(csrf)).append("<button type=\"submit\">")
                    .append(u.disabled() ? "Enable" : "Disable").append("</button></form>")
                    .append("<form method=\"post\" action=\"/users/").append(n).append("/password\" class=\"inline\">")
                    .append(csrfField(csrf)).append("<label for=\"password-").append(n).append("\">New password</label>")
                    .append("<input type=\"password\" name=\"password\" id=\"password-").append(n)
                    .append("\" autocomplete=\"new-password\" required><button type=\"submit\">Reset password</button>")
                    .append("</form></td></tr>");
        }
        b.append("</tbody></table></section>");
        b.append("<section><h2>Add a user</h2><form method=\"post\" action=\"/users\" id=\"add-user\">").append(csrfField(csrf))
                .append("<label for=\"new-name\">Name</label><input name=\"name\" id=\"new-name\" required>")
                .append("<label for=\"new-role\">Role</label><select name=\"role\" id=\"new-role\">");
        for (StationFile.Role r : StationFile.Role.values()) {
            b.append("<option value=\"").append(r.word()).append("\">").append(r.word()).append("</option>");
        }
        b.append("</select><label for=\"new-password\">Password (at least ").append(StationUsers.MIN_PASSWORD)
                .append(" characters)</label><input type=\"password\" name=\"password\" id=\"new-password\"")
                .append(" autocomplete=\"new-password\" required><button type=\"submit\">Add user</button></form></section>");
        b.append("<section><h2>Audit trail</h2><table class=\"audit\"><thead><tr><th>#</th><th>When</th><th>Who</th>"
                + "<th>Action</th><th>Details</th></tr></thead><tbody>");
        for (AuditEntry e : station.audit().last(AUDIT_SHOWN)) {
            b.append("<tr><td>").append(e.seq()).append("</td><td>").append(esc(e.atUtc())).append("</td><td>")
                    .append(esc(e.who())).append("</td><td>").append(esc(e.action())).append("</td><td>")
                    .append(esc(e.details())).append("</td></tr>");
        }
        return b.append("</tbody></table></section></main></body></html>").toString();
    }
}
