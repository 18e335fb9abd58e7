package org.hilrig.runner.station;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.hilrig.device.board.Boards;
import org.hilrig.device.firmware.Defect;
import org.hilrig.device.profile.Board;
import org.hilrig.runner.fixture.RigFixture;
import org.hilrig.runner.fixture.RigFixtureLoader;
import org.hilrig.runner.io.TcpEndpoint;
import org.hilrig.runner.store.AttemptPurpose;
import org.hilrig.runner.yaml.YamlInput;
import org.hilrig.runner.yaml.YamlMap;
import org.hilrig.runner.yaml.YamlText;
import org.hilrig.timing.BadInputException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a station file (YAML), with {@link YamlInput} as every loader of the rig does: every problem of the file is
 * reported at once, each {@code file:line:col: message}. The shape:
 *
 * <pre>
 * station: ST-DEMO-01                    # the station's id
 * database: jdbc:sqlite:/var/hil/db      # optional: the results database (default: results.db in the rig home)
 * evidence: out/station                  # optional: where attempts' evidence folders go (default out/station)
 * session_timeout: 1800s                 # optional: a session ends after this long without a request
 * operators:
 *   - {name: olga, role: operator, password: "pbkdf2-sha256$600000$SALT$HASH"}
 * products:
 *   - part_number: GEN-3000
 *     revision: B
 *     serial: 'GEN-U[0-9]{1,6}'          # a scan must match it whole
 *     board: GEN
 *     profile: fixtures/boards/gen-reference.yaml
 *     suite: {tags: [serial], scenarios: [fixtures/stations/scenarios]}
 *     emulated_defect: {name: CRC_NOT_CHECKED, share: 25}   # optional, emulated sockets only
 *     retest: {max_attempts: 3, rework_after_fail: false}
 *     purpose: production                # optional: production (default), golden, engineering or ci
 * sockets:
 *   - {name: A, fixture: fixtures/rigs/emulate-gen-tcp.yaml, emulate: GEN}
 * </pre>
 *
 * Paths are relative to the installation's home. An emulated socket's fixture must be a TCP fixture without
 * GPIO lines (its port is replaced by the emulator's). {@code operators}, {@code profile} and {@code retest} are
 * where a station starts: the first start on a results database adds the operators as its users, makes the profile
 * revision 1 and the retest policy policy 1; from then on admins keep the users and engineers release revisions and
 * change the policy ({@link StationUsers}, {@link ProductRevisions}), and the file's values are not read again.
 */
public final class StationFileLoader {
    private static final List<String> TOP = List.of("station", "database", "evidence", "session_timeout", "operators",
            "products", "sockets");
    private static final List<String> OPERATOR = List.of("name", "role", "password");
    private static final List<String> PRODUCT = List.of("part_number", "revision", "serial", "board", "profile", "suite",
            "emulated_defect", "retest", "purpose");
    private static final List<String> SUITE = List.of("tags", "scenarios");
    private static final List<String> DEFECT = List.of("name", "share");
    private static final List<String> RETEST = List.of("max_attempts", "rework_after_fail");
    private static final List<String> SOCKET = List.of("name", "fixture", "emulate");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");

    private final YamlInput in;
    private final Path home;

    private StationFileLoader(String source, Path home) {
        this.in = new YamlInput(source);
        this.home = home;
    }

    /**
     * @param home the installation's home, against which the file's paths are resolved
     * @throws BadInputException with every problem of the file, each at its line and column
     */
    public static StationFile load(Path file, Path home) {
        return new StationFileLoader(file.toString(), home).read(YamlText.read(file, file.toString()));
    }

    private StationFile read(String text) {
        Node root = in.compose(text).orElse(null);
        if (!(root instanceof MappingNode)) {
            throw new BadInputException(in.source(), 1, 1, "a station file is a mapping with station, operators, products"
                    + " and sockets, found " + (root == null ? "an empty file" : YamlInput.describe(root)));
        }
        YamlMap top = in.mapping(root, "station file", TOP);
        String id = name(in.required(top, "station"), "'station'");
        String database = top.containsKey("database") ? in.scalar(top.value("database"), "'database'") : null;
        if (database != null && !database.startsWith("jdbc:sqlite:") && !database.startsWith("jdbc:postgresql:")) {
            in.problem(top.value("database"), "'database' is '" + database + "' (allowed: jdbc:sqlite:FILE or"
                    + " jdbc:postgresql://HOST[:PORT]/DB)");
        }
        Path evidence = home.resolve("out/station");
        if (top.containsKey("evidence")) {
            String e = in.scalar(top.value("evidence"), "'evidence'");
            evidence = e == null ? evidence : home.resolve(e);
        }
        Long timeout = top.containsKey("session_timeout") ? in.duration(top.value("session_timeout"), "'session_timeout'")
                : Long.valueOf(30L * 60 * 1_000_000_000L);
        List<StationFile.Operator> operators = list(top, "operators", this::operator);
        List<StationFile.Product> products = list(top, "products", this::product);
        List<StationFile.Socket> sockets = list(top, "sockets", this::socket);
        unique(top, "operators", operators.stream().map(StationFile.Operator::name).toList());
        unique(top, "products", products.stream().map(StationFile.Product::partNumber).toList());
        unique(top, "sockets", sockets.stream().map(StationFile.Socket::name).toList());
        in.throwIfAnyInFileOrder();
        return new StationFile(id, database, evidence, timeout, sockets, products, operators);
    }

    private interface Item<T> {
        T read(Node node, String what);
    }

    private <T> List<T> list(YamlMap top, String key, Item<T> item) {
        Node n = in.required(top, key);
        List<T> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (!(n instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            in.problem(n, "'" + key + "' must be a list of one or more, found " + YamlInput.describe(n));
            return out;
        }
        for (int i = 0; i < seq.getValue().size(); i++) {
            T t = item.read(seq.getValue().get(i), key + "[" + (i + 1) + "]");
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private void unique(YamlMap top, String key, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                in.problem(top.value(key), "'" + key + "' names '" + n + "' twice");
            }
        }
    }

    private String name(Node n, String what) {
        String s = n == null ? null : in.scalar(n, what);
        if (s != null && !NAME.matcher(s).matches()) {
            in.problem(n, what + " is '" + s + "', not a name (allowed: letters, digits, '_', '.', '-'; 1 to 32)");
            return null;
        }
        return s;
    }

    private StationFile.Operator operator(Node node, String what) {
        YamlMap m = in.mapping(node, what, OPERATOR);
        if (m == null) {
            return null;
        }
        String name = name(in.required(m, "name"), what + " 'name'");
        Node r = in.required(m, "role");
        StationFile.Role role = r == null ? null : in.enumValue(r, what + " 'role'", StationFile.Role.class,
                x -> x.name().toLowerCase(Locale.ROOT));
        Node p = in.required(m, "password");
        String hash = p == null ? null : in.scalar(p, what + " 'password'");
        if (hash != null && !PasswordHash.isHash(hash)) {
            in.problem(p, what + " 'password' is not a password hash (allowed: " + PasswordHash.FORMAT
                    + ", as 'hil station --hash-password' prints it; a password is never written in clear)");
            hash = null;
        }
        return name == null || role == null || hash == null ? null : new StationFile.Operator(name, role, hash);
    }

    private StationFile.Product product(Node node, String what) {
        YamlMap m = in.mapping(node, what, PRODUCT);
        if (m == null) {
            return null;
        }
        String part = name(in.required(m, "part_number"), what + " 'part_number'");
        String revision = name(in.required(m, "revision"), what + " 'revision'");
        Pattern serial = null;
        Node s = in.required(m, "serial");
        String regex = s == null ? null : in.scalar(s, what + " 'serial'");
        if (regex != null) {
            try {
                serial = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                in.problem(s, what + " 'serial': '" + regex + "' is not a regular expression: " + e.getDescription());
            }
        }
        Node b = in.required(m, "board");
        Board board = b == null ? null : in.enumValue(b, what + " 'board'", Board.class, Board::name);
        Path profile = file(in.required(m, "profile"), what + " 'profile'");
        List<String> tags = new ArrayList<>();
        List<Path> scenarios = new ArrayList<>();
        Node suiteNode = in.required(m, "suite");
        YamlMap suite = suiteNode == null ? null : in.mapping(suiteNode, what + " 'suite'", SUITE);
        if (suite != null) {
            tags.addAll(in.names(suite.value("tags"), "tags", null, "tag", null));
            for (String p : in.names(suite.value("scenarios"), "scenarios", null, "scenario path", null)) {
                Path f = home.resolve(p);
                if (!Files.exists(f)) {
                    in.problem(suite.value("scenarios"), what + " 'suite': no scenario file or folder " + p);
                }
                scenarios.add(f);
            }
            if (tags.isEmpty() && scenarios.isEmpty()) {
                in.problem(suiteNode, what + " 'suite' names no tags and no scenarios: an empty suite passes nothing");
            }
        }
        String defect = null;
        double share = 0;
        if (m.containsKey("emulated_defect")) {
            YamlMap d = in.mapping(m.value("emulated_defect"), what + " 'emulated_defect'", DEFECT);
            if (d != null) {
                Node dn = in.required(d, "name");
                defect = dn == null ? null : in.word(dn, what + " 'emulated_defect' 'name'",
                        Boards.defects().stream().map(Defect::name).toList());
                Node sh = in.required(d, "share");
                Double v = sh == null ? null : in.number(sh, what + " 'emulated_defect' 'share'");
                if (v != null && (v < 0 || v > 100)) {
                    in.problem(sh, what + " 'emulated_defect' 'share' is " + v + ", out of range (allowed: 0 to 100 %)");
                }
                share = v == null ? 0 : v;
            }
        }
        int maxAttempts = 3;
        boolean rework = false;
        if (m.containsKey("retest")) {
            YamlMap r = in.mapping(m.value("retest"), what + " 'retest'", RETEST);
            if (r != null) {
                Integer n = r.containsKey("max_attempts") ? in.integer(r.value("max_attempts"), what + " 'max_attempts'", 1, 100)
                        : Integer.valueOf(3);
                Boolean f = r.containsKey("rework_after_fail") ? in.flag(r.value("rework_after_fail"),
                        what + " 'rework_after_fail'") : Boolean.FALSE;
                maxAttempts = n == null ? 3 : n;
                rework = f != null && f;
            }
        }
        AttemptPurpose purpose = m.containsKey("purpose") ? in.enumValue(m.value("purpose"), what + " 'purpose'",
                AttemptPurpose.class, AttemptPurpose::word) : AttemptPurpose.PRODUCTION;
        if (part == null || revision == null || serial == null || board == null || profile == null || purpose == null) {
            return null;
        }
        return new StationFile.Product(part, revision, serial, board, profile, tags, scenarios, defect, share,
                maxAttempts, rework, purpose);
    }

    private StationFile.Socket socket(Node node, String what) {
        YamlMap m = in.mapping(node, what, SOCKET);
        if (m == null) {
            return null;
        }
        String name = name(in.required(m, "name"), what + " 'name'");
        Node f = in.required(m, "fixture");
        Path fixture = file(f, what + " 'fixture'");
        Board emulate = m.containsKey("emulate") ? in.enumValue(m.value("emulate"), what + " 'emulate'", Board.class,
                Board::name) : null;
        if (fixture != null) {
            try {
                RigFixture fx = RigFixtureLoader.load(fixture);
                if (emulate != null && (!(fx.link() instanceof TcpEndpoint) || !fx.lines().isEmpty())) {
                    in.problem(f, what + " 'fixture': an emulated socket needs a TCP fixture without GPIO lines (such as"
                            + " fixtures/rigs/emulate-gen-tcp.yaml), found " + fx.name());
                } else if (emulate != null && fx.board() != emulate) {
                    in.problem(f, what + " 'fixture': its board is " + fx.board() + ", the socket emulates " + emulate);
                }
            } catch (BadInputException e) {
                in.addAll(e);
            }
        }
        return name == null || fixture == null ? null : new StationFile.Socket(name, fixture, emulate);
    }

    private Path file(Node n, String what) {
        String s = n == null ? null : in.scalar(n, what);
        if (s == null) {
            return null;
        }
        Path p = home.resolve(s);
        if (!Files.isRegularFile(p)) {
            in.problem(n, what + ": no such file " + s + " (paths are relative to " + home + ")");
            return null;
        }
        return p;
    }
}
