package org.hilrig.runner.station;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.hilrig.runner.station.StationFile.Right;
import org.hilrig.timing.RigFailureException;

/**
 * The operator page's web server: Javalin 7 on Jetty 12, routes declared to Javalin (no routing of our own).
 *
 * <pre>
 * GET  /                         the operator page (or to /login when not logged in)
 * GET  /login                    the login form
 * POST /login                    name, password, csrf: a new session bound to the operator, or 401 saying only
 *                                "name or password is wrong"
 * POST /logout                   csrf
 * POST /sockets/{socket}/scan    product, serial, csrf: 202 started, 422 refused (JSON {"error": ...})
 * POST /sockets/{socket}/abort   csrf: 202 aborting, 409 when nothing runs there
 * GET  /events                   server-sent events: one "socket" event (SocketView as JSON) a change
 * GET  /units/{serial}           a unit's status, every attempt at it and its rework steps, JSON
 * POST /units/{serial}/rework    note, csrf: 201 the rework step recorded, 422 refused (JSON {"error": ...})
 * GET  /products                 engineer: the products' profile revisions and retest policies, with their forms
 * POST /products/{part}/revisions  engineer: profile (a file, multipart) or path, reason, csrf: a new revision, or
 *                                422 with every problem of the file at its file:line:col
 * POST /products/{part}/retest   engineer: max_attempts, rework_after_fail, reason, csrf
 * GET  /users, POST /users       admin: the users and the audit trail; add one (name, role, password, csrf)
 * POST /users/{name}/disable, /enable, /password   admin: csrf (and password)
 * GET  /audit                    admin: the audit trail's latest entries, JSON
 * GET  /station.js, /station.css the page's script and style, from the jar
 * </pre>
 *
 * An operator runs units; an engineer also releases profiles and changes retest policies; an admin also manages
 * users ({@link StationFile.Role#may}). A request its user's role does not allow gets 403, and no page shows a
 * link or form its reader cannot use.
 *
 * Every request gets a session (cookie {@code hil_session}, HttpOnly, SameSite=Strict); every POST without the
 * session's CSRF token (form field {@code csrf} or header {@code X-CSRF-Token}) is refused with 403 before its
 * handler runs. Everything but the login form and the assets needs a logged-in session.
 */
final class StationServer implements AutoCloseable {
    static final String COOKIE = "hil_session";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Station station;
    private final Sessions sessions;
    private final Javalin app;

    private StationServer(Station station, String bind, int port) {
        this.station = station;
        this.sessions = new Sessions(station.file().sessionTimeoutNanos(), station.users()::enabled);
        ChangeRoutes changes = new ChangeRoutes(station, sessions);
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.routes.before(this::attachSession);
            cfg.routes.get("/", this::page);
            cfg.routes.get("/login", ctx -> ctx.html(OperatorPage.login(station.file().id(), session(ctx).csrf(), null)));
            cfg.routes.post("/login", this::login);
            cfg.routes.post("/logout", ctx -> {
                if (session(ctx).loggedIn()) {
                    station.audit().record(session(ctx).operator().name(), "logout", "");
                }
                sessions.logout(session(ctx).id());
                ctx.removeCookie(COOKIE, "/");
                ctx.redirect("/login", HttpStatus.SEE_OTHER);
            });
            cfg.routes.post("/sockets/{socket}/scan", guard(Right.RUN_UNITS, this::scan));
            cfg.routes.post("/sockets/{socket}/abort", guard(Right.RUN_UNITS, this::abort));
            cfg.routes.sse("/events", this::events);
            cfg.routes.get("/units/{serial}", guard(Right.RUN_UNITS, this::unit));
            cfg.routes.post("/units/{serial}/rework", guard(Right.RUN_UNITS, this::rework));
            cfg.routes.get("/products", guard(Right.RELEASE_PROFILES, changes::products));
            cfg.routes.post("/products/{part}/revisions", guard(Right.RELEASE_PROFILES, changes::release));
            cfg.routes.post("/products/{part}/retest", guard(Right.RELEASE_PROFILES, changes::retest));
            cfg.routes.get("/users", guard(Right.MANAGE_USERS, changes::users));
            cfg.routes.post("/users", guard(Right.MANAGE_USERS, changes::addUser));
            cfg.routes.post("/users/{name}/disable", guard(Right.MANAGE_USERS, ctx -> changes.setDisabled(ctx, true)));
            cfg.routes.post("/users/{name}/enable", guard(Right.MANAGE_USERS, ctx -> changes.setDisabled(ctx, false)));
            cfg.routes.post("/users/{name}/password", guard(Right.MANAGE_USERS, changes::resetPassword));
            cfg.routes.get("/audit", guard(Right.MANAGE_USERS, ctx -> json(ctx, HttpStatus.OK, Map.of("audit",
                    station.audit().last(UsersPage.AUDIT_SHOWN)))));
            cfg.routes.get("/station.js", ctx -> asset(ctx, "station.js", "text/javascript; charset=utf-8"));
            cfg.routes.get("/station.css", ctx -> asset(ctx, "station.css", "text/css; charset=utf-8"));
        });
        try {
            app.start(bind, port);
        } catch (io.javalin.util.JavalinBindException e) {
            throw new RigFailureException("cannot serve on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Serves {@code station} on {@code bind}:{@code port} (0: a free port). */
    static StationServer start(Station station, String bind, int port) {
        return new StationServer(station, bind, port);
    }

    int port() {
        return app.port();
    }

    /** Before every request: the session of the cookie, or a new anonymous one; a POST must carry its CSRF token. */
    private void attachSession(Context ctx) {
        Sessions.Session s = sessions.find(ctx.cookie(COOKIE)).orElse(null);
        if (s == null) {
            s = sessions.anonymous();
            setCookie(ctx, s);
        }
        ctx.attribute("session", s);
        if (ctx.method() == HandlerType.POST) {
            String token = Optional.ofNullable(ctx.header("X-CSRF-Token")).orElseGet(() -> ctx.formParam("csrf"));
            if (!Sessions.csrfMatches(s, token)) {
                ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain; charset=utf-8")
                        .result("forbidden: this request does not carry the session's CSRF token");
                ctx.skipRemainingHandlers();
            }
        }
    }

    /**
     * The handler, for a logged-in user whose role has the right: a page asked for without a session goes to the
     * login form, any other request gets 401; a role without the right gets 403 (and the audit trail says who tried).
     */
    private Handler guard(Right right, Handler h) {
        return ctx -> {
            Sessions.Session s = session(ctx);
            if (!s.loggedIn()) {
                if (ctx.method() == HandlerType.GET && !ctx.path().startsWith("/units/") && !ctx.path().equals("/audit")) {
                    ctx.redirect("/login", HttpStatus.SEE_OTHER);
                } else {
                    json(ctx, HttpStatus.UNAUTHORIZED, Map.of("error", "log in first (the session ended)"));
                }
                return;
            }
            if (!s.operator().role().may(right)) {
                station.audit().record(s.operator().name(), "forbidden", ctx.method() + " " + ctx.path() + " needs the right"
                        + " to " + right.words());
                ctx.status(HttpStatus.FORBIDDEN).contentType("text/plain; charset=utf-8").result("forbidden: "
                        + s.operator().name() + " (" + s.operator().role().word() + ") may not " + right.words());
                return;
            }
            h.handle(ctx);
        };
    }

    static Sessions.Session session(Context ctx) {
        return ctx.attribute("session");
    }

    private static void setCookie(Context ctx, Sessions.Session s) {
        ctx.cookie(new Cookie(COOKIE, s.id(), "/", -1, false, true, null, SameSite.STRICT));
    }

    private void page(Context ctx) {
        Sessions.Session s = session(ctx);
        if (!s.loggedIn()) {
            ctx.redirect("/login", HttpStatus.SEE_OTHER);
            return;
        }
        ctx.html(OperatorPage.station(station.file(), station.views(), s.operator(), s.csrf()));
    }

    private void login(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        char[] password = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
        Optional<Sessions.Session> s = sessions.login(session(ctx).id(), name, password);
        if (s.isEmpty()) {
            ctx.status(HttpStatus.UNAUTHORIZED).html(OperatorPage.login(station.file().id(), session(ctx).csrf(),
                    "Name or password is wrong."));
            return;
        }
        setCookie(ctx, s.get());
        station.audit().record(name, "login", "");
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }

    private void scan(Context ctx) {
        try {
            station.scan(ctx.pathParam("socket"), ctx.formParam("product"), ctx.formParam("serial"),
                    session(ctx).operator().name());
            json(ctx, HttpStatus.ACCEPTED, Map.of("started", ctx.pathParam("socket")));
        } catch (Station.Refused e) {
            json(ctx, HttpStatus.UNPROCESSABLE_CONTENT, Map.of("error", e.getMessage()));
        }
    }

    private void abort(Context ctx) {
        if (station.abort(ctx.pathParam("socket"), session(ctx).operator().name())) {
            json(ctx, HttpStatus.ACCEPTED, Map.of("aborting", ctx.pathParam("socket")));
        } else {
            json(ctx, HttpStatus.CONFLICT, Map.of("error", "socket " + ctx.pathParam("socket") + " is not testing a unit"));
        }
    }

    private void unit(Context ctx) {
        String serial = ctx.pathParam("serial");
        json(ctx, HttpStatus.OK, Map.of("serial", serial, "status", station.status(serial).name(), "attempts",
                station.attempts(serial), "reworks", station.reworks(serial)));
    }

    /** A rework step on a failed unit: 201 with the unit's status after it, or 422 with why not. */
    private void rework(Context ctx) {
        String serial = ctx.pathParam("serial");
        try {
            org.hilrig.runner.store.ReworkRecord w = station.rework(serial, session(ctx).operator().name(),
                    ctx.formParam("note"));
            json(ctx, HttpStatus.CREATED, Map.of("rework", w, "status", station.status(serial).name(), "message",
                    "rework of " + w.serial() + " recorded: it may be scanned again (" + station.status(serial).words()
                            + ")"));
        } catch (Station.Refused e) {
            json(ctx, HttpStatus.UNPROCESSABLE_CONTENT, Map.of("error", e.getMessage()));
        }
    }

    private void events(SseClient client) {
        if (!session(client.ctx()).loggedIn()) {
            client.ctx().status(HttpStatus.UNAUTHORIZED);
            client.close();
            return;
        }
        Consumer<SocketView> send = v -> {
            synchronized (client) { // sockets report from their own threads; one event at a time on one stream
                if (!client.terminated()) {
                    client.sendEvent("socket", text(v));
                }
            }
        };
        client.keepAlive();
        client.onClose(() -> station.unwatch(send));
        station.watch(send);
        station.views().forEach(send);
    }

    static void json(Context ctx, HttpStatus status, Object body) {
        ctx.status(status).contentType("application/json").result(text(body));
    }

    static String text(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static void asset(Context ctx, String name, String type) {
        try (InputStream in = StationServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new RigFailureException(name + ": not in the jar");
            }
            ctx.contentType(type).result(in.readAllBytes());
        } catch (IOException e) {
            throw new RigFailureException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
