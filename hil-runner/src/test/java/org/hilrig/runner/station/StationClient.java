package org.hilrig.runner.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real HTTP client of a station at {@code base} (http://127.0.0.1:PORT), with its own cookies. */
final class StationClient {
    private static final Pattern CSRF = Pattern.compile("(?:name=\"csrf\" value|data-csrf)=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    StationClient(String base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String csrf, String... fields) throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            form.append(form.length() == 0 ? "" : "&").append(fields[i]).append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        if (csrf != null) {
            form.append(form.length() == 0 ? "" : "&").append("csrf=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        }
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in %s", html).isTrue();
        return m.group(1);
    }

    /** Logs olga in; returns the logged-in session's CSRF token. */
    String login() throws IOException, InterruptedException {
        return login("olga", "olga-demo-1");
    }

    /** Logs a user in; returns the logged-in session's CSRF token. */
    String login(String name, String password) throws IOException, InterruptedException {
        String token = csrf(get("/login").body());
        HttpResponse<String> r = post("/login", token, "name", name, "password", password);
        assertThat(r.statusCode()).as("login of %s: %s", name, r.body()).isEqualTo(303);
        return csrf(get("/").body());
    }

    /**
     * A multipart/form-data POST, as a browser sends a form with a file: {@code fields} as name-value pairs, and
     * one file part {@code fileField} named {@code fileName} (none when null).
     */
    HttpResponse<String> postFile(String path, String csrf, String fileField, String fileName, byte[] content,
            String... fields) throws IOException, InterruptedException {
        String boundary = "----hil-test-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(fields));
        if (csrf != null) {
            all.add("csrf");
            all.add(csrf);
        }
        for (int i = 0; i + 1 < all.size(); i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + all.get(i) + "\"\r\n\r\n"
                    + all.get(i + 1) + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (fileName != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/x-yaml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Scans {@code serial} on {@code socket} as the demo's product and expects it to start. */
    void scan(String token, String socket, String serial) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/sockets/" + socket + "/scan", token, "product", "GEN-3000", "serial", serial);
        assertThat(r.statusCode()).as("scan %s on %s: %s", serial, socket, r.body()).isEqualTo(202);
    }
}
