package org.hilrig.runner.station;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.hilrig.runner.store.ProfileRevision;
import org.hilrig.runner.store.RetestPolicy;
import org.hilrig.timing.RigFailureException;

/**
 * The engineer's and the admin's requests ({@link StationServer} routes them and checks the role first): each
 * answers with its page, a notice of what it did (200), or why it was refused (422, every problem of a refused
 * profile at its {@code file:line:col}).
 */
final class ChangeRoutes {
    /** The largest profile upload taken. */
    static final int MAX_UPLOAD_BYTES = 1 << 20;
    private final Station station;
    private final Sessions sessions;

    ChangeRoutes(Station station, Sessions sessions) {
        this.station = station;
        this.sessions = sessions;
    }

    void products(Context ctx) {
        productsPage(ctx, HttpStatus.OK, ProductsPage.Outcome.NONE);
    }

    void release(Context ctx) {
        String part = ctx.pathParam("part");
        String by = StationServer.session(ctx).operator().name();
        String reason = ctx.formParam("reason");
        String path = Optional.ofNullable(ctx.formParam("path")).orElse("").strip();
        UploadedFile upload = ctx.uploadedFile("profile");
        try {
            ProfileRevision r;
            if (upload != null && upload.size() > 0) {
                if (!path.isEmpty()) {
                    throw new Station.Refused("give a profile file or a path, not both");
                }
                r = station.products().releaseUpload(part, upload.filename(), read(upload), by, reason);
            } else if (!path.isEmpty()) {
                r = station.products().releasePath(part, path, by, reason);
            } else {
                throw new Station.Refused("give the new profile: a file to upload, or a path under the installation");
            }
            productsPage(ctx, HttpStatus.OK, new ProductsPage.Outcome("Released " + r.revisionId() + " of " + part
                    + " (SHA-256 " + r.sha256() + "): attempts scanned from now on run against it.", null));
        } catch (Station.Refused e) {
            productsPage(ctx, HttpStatus.UNPROCESSABLE_CONTENT, new ProductsPage.Outcome(null, e));
        }
    }

    void retest(Context ctx) {
        String part = ctx.pathParam("part");
        String by = StationServer.session(ctx).operator().name();
        try {
            String max = Optional.ofNullable(ctx.formParam("max_attempts")).orElse("").strip();
            int n;
            try {
                n = Integer.parseInt(max);
            } catch (NumberFormatException e) {
                throw new Station.Refused("max attempts '" + max + "' is not a whole number (allowed: 1 to 100)");
            }
            boolean rework = "true".equals(ctx.formParam("rework_after_fail"));
            RetestPolicy p = station.products().changePolicy(part, n, rework, by, ctx.formParam("reason"));
            productsPage(ctx, HttpStatus.OK, new ProductsPage.Outcome("Retest policy of " + part + " changed: at most "
                    + p.maxAttempts() + " attempts, rework after a fail " + (p.reworkAfterFail() ? "required." : "not required."),
                    null));
        } catch (Station.Refused e) {
            productsPage(ctx, HttpStatus.UNPROCESSABLE_CONTENT, new ProductsPage.Outcome(null, e));
        }
    }

    void users(Context ctx) {
        usersPage(ctx, HttpStatus.OK, ProductsPage.Outcome.NONE);
    }

    void addUser(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        try {
            station.users().add(by(ctx), name, ctx.formParam("role"), password(ctx));
            usersPage(ctx, HttpStatus.OK, new ProductsPage.Outcome("User " + name + " added.", null));
        } catch (Station.Refused e) {
            usersPage(ctx, HttpStatus.UNPROCESSABLE_CONTENT, new ProductsPage.Outcome(null, e));
        }
    }

    void setDisabled(Context ctx, boolean disabled) {
        String name = ctx.pathParam("name");
        try {
            station.users().setDisabled(by(ctx), name, disabled);
            if (disabled) {
                sessions.endFor(name);
            }
            usersPage(ctx, HttpStatus.OK, new ProductsPage.Outcome("User " + name + (disabled ? " disabled: they can no"
                    + " longer log in." : " enabled."), null));
        } catch (Station.Refused e) {
            usersPage(ctx, HttpStatus.UNPROCESSABLE_CONTENT, new ProductsPage.Outcome(null, e));
        }
    }

    void resetPassword(Context ctx) {
        String name = ctx.pathParam("name");
        try {
            station.users().resetPassword(by(ctx), name, password(ctx));
            if (!name.equals(by(ctx))) {
                sessions.endFor(name);
            }
            usersPage(ctx, HttpStatus.OK, new ProductsPage.Outcome("Password of " + name + " reset.", null));
        } catch (Station.Refused e) {
            usersPage(ctx, HttpStatus.UNPROCESSABLE_CONTENT, new ProductsPage.Outcome(null, e));
        }
    }

    private static String by(Context ctx) {
        return StationServer.session(ctx).operator().name();
    }

    private static char[] password(Context ctx) {
        return Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
    }

    private static byte[] read(UploadedFile upload) throws Station.Refused {
        try (InputStream in = upload.content()) {
            byte[] bytes = in.readNBytes(MAX_UPLOAD_BYTES + 1);
            if (bytes.length > MAX_UPLOAD_BYTES) {
                throw new Station.Refused(upload.filename() + " is larger than " + MAX_UPLOAD_BYTES + " bytes: not a"
                        + " board profile");
            }
            return bytes;
        } catch (IOException e) {
            throw new RigFailureException("cannot read the upload " + upload.filename() + ": " + e.getMessage(), e);
        }
    }

    private void productsPage(Context ctx, HttpStatus status, ProductsPage.Outcome o) {
        Sessions.Session s = StationServer.session(ctx);
        ctx.status(status).html(ProductsPage.render(station, s.operator(), s.csrf(), o));
    }

    private void usersPage(Context ctx, HttpStatus status, ProductsPage.Outcome o) {
        Sessions.Session s = StationServer.session(ctx);
        ctx.status(status).html(UsersPage.render(station, s.operator(), s.csrf(), o));
    }
}
