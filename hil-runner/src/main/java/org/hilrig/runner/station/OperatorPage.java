package org.hilrig.runner.station;

import java.util.List;

/**
 * The station's HTML, rendered on the server (the page works before its script connects; the script only keeps
 * the panels current from the server's events and sends scans and aborts). No external resources: the script and
 * style come from the jar, so the page never fetches anything from the internet. Every text from outside (serials,
 * names, messages) is HTML-escaped.
 */
final class OperatorPage {
    private OperatorPage() {
    }

    static String login(String station, String csrf, String error) {
        return head("Log in: " + station) + "<body class=\"login\"><main><h1>Station " + esc(station) + "</h1>"
                + "<form method=\"post\" action=\"/login\" class=\"login-form\">"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(csrf) + "\">"
                + (error == null ? "" : "<p class=\"refusal\" role=\"alert\" id=\"login-error\">" + esc(error) + "</p>")
                + "<label for=\"name\">Name</label><input id=\"name\" name=\"name\" autocomplete=\"username\" autofocus required>"
                + "<label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\""
                + " autocomplete=\"current-password\" required>"
                + "<button type=\"submit\" id=\"login\">Log in</button></form></main></body></html>";
    }

    static String station(StationFile file, List<SocketView> sockets, StationFile.Operator who, String csrf) {
        StringBuilder b = new StringBuilder(head("Station " + file.id()));
        b.append("<body data-csrf=\"").append(esc(csrf)).append("\">").append(header(file.id(), who, csrf, "/"));
        b.append("<section class=\"scan\"><form id=\"scan-form\" autocomplete=\"off\">")
                .append("<label for=\"product\">Product</label><select id=\"product\">");
        for (StationFile.Product p : file.products()) {
            b.append("<option value=\"").append(esc(p.partNumber())).append("\">").append(esc(p.partNumber()))
                    .append(" rev ").append(esc(p.revision())).append("</option>");
        }
        b.append("</select><fieldset><legend>Socket</legend>");
        boolean first = true;
        for (SocketView s : sockets) {
            b.append("<label class=\"socket-choice\"><input type=\"radio\" name=\"socket\" value=\"").append(esc(s.socket()))
                    .append("\"").append(first ? " checked" : "").append("> ").append(esc(s.socket())).append("</label>");
            first = false;
        }
        b.append("</fieldset><label for=\"serial\">Serial</label><input id=\"serial\" name=\"serial\" autofocus"
                + " spellcheck=\"false\" placeholder=\"scan a unit\"></form>"
                + "<p id=\"refusal\" class=\"refusal\" role=\"alert\" hidden></p></section><main class=\"sockets\">");
        for (SocketView s : sockets) {
            b.append(panel(s));
        }
        b.append("</main><section class=\"rework keeps-focus\" aria-labelledby=\"rework-title\"><h2 id=\"rework-title\">"
                + "Rework</h2><form id=\"rework-form\" autocomplete=\"off\"><label for=\"rework-serial\">Unit</label>"
                + "<input id=\"rework-serial\" name=\"serial\" spellcheck=\"false\" required><label for=\"rework-note\">"
                + "What was done</label><input id=\"rework-note\" name=\"note\" required maxlength=\"500\">"
                + "<button type=\"submit\" id=\"rework\">Record rework</button></form>"
                + "<p id=\"rework-result\" class=\"notice\" role=\"status\" hidden></p></section>"
                + "<script src=\"/station.js\"></script></body></html>");
        return b.toString();
    }

    /** One socket's panel; the script redraws its inner parts from events the same way. */
    static String panel(SocketView s) {
        String verdict = s.verdict() == null ? "" : s.verdict();
        return "<section class=\"socket state-" + esc(s.state()) + (verdict.isEmpty() ? "" : " verdict-" + esc(verdict))
                + "\" id=\"socket-" + esc(s.socket()) + "\" data-socket=\"" + esc(s.socket()) + "\">"
                + "<h2>Socket " + esc(s.socket()) + "</h2>"
                + "<p class=\"unit\">" + (s.serial() == null ? "no unit" : "Unit " + esc(s.serial())
                        + (s.unitStatus() == null ? "" : ": " + esc(s.unitStatus()))) + "</p>"
                + "<div class=\"banner\"" + (verdict.isEmpty() ? " hidden" : "") + "><p class=\"verdict\">" + esc(verdict)
                + "</p><p class=\"why\">" + esc(s.why() == null ? "" : s.why()) + "</p>"
                + "<details class=\"technical\"" + (s.detail() == null ? " hidden" : "") + "><summary>Technical details"
                + "</summary><p class=\"detail\">" + esc(s.detail()) + "</p></details></div>"
                + "<div class=\"progress\"" + ("running".equals(s.state()) || "aborting".equals(s.state()) ? "" : " hidden") + ">"
                + "<p class=\"phase\">" + esc(s.phase()) + "</p><p class=\"scenario\"></p><p class=\"step\"></p>"
                + "<p class=\"elapsed\"></p><p class=\"left\"></p></div>"
                + "<button type=\"button\" class=\"abort\"" + ("running".equals(s.state()) ? "" : " hidden")
                + ">Abort</button></section>";
    }

    /**
     * The header every logged-in page has: the station, links to the pages the user's role may use (and no other),
     * who is logged in, and the logout button.
     */
    static String header(String station, StationFile.Operator who, String csrf, String here) {
        StringBuilder b = new StringBuilder("<header><h1>Station ").append(esc(station)).append("</h1><nav>");
        b.append(link("/", "Operator page", here));
        if (who.role().may(StationFile.Right.RELEASE_PROFILES)) {
            b.append(link("/products", "Products", here));
        }
        if (who.role().may(StationFile.Right.MANAGE_USERS)) {
            b.append(link("/users", "Users", here));
        }
        return b.append("</nav><p class=\"who\">").append(esc(who.name())).append(" (").append(who.role().word())
                .append(")</p><form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf\" value=\"")
                .append(esc(csrf)).append("\"><button type=\"submit\" id=\"logout\">Log out</button></form></header>")
                .toString();
    }

    private static String link(String href, String text, String here) {
        return "<a href=\"" + href + "\"" + (href.equals(here) ? " aria-current=\"page\"" : "") + ">" + esc(text) + "</a>";
    }

    static String head(String title) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title) + "</title>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<link rel=\"stylesheet\" href=\"/station.css\"></head>";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
