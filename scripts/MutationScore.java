import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads PIT's mutations.xml and prints the mutation score per package and overall, as scripts/mutation-score
 * shows it: {@code java scripts/MutationScore.java MODULE REPORT.xml OVERALL_MIN PACKAGE_MIN [--survivors]}.
 *
 * <p>A mutant counts as detected when PIT says so (killed, timed out, memory error or run error, the same as
 * PIT's own score); every other status (survived, no coverage) counts against the score. Exits 1 when the
 * overall score is under OVERALL_MIN or a package's under PACKAGE_MIN (percent), 2 when the report cannot be
 * read. With --survivors, every undetected mutant is listed as class.method:line mutator (status).
 */
public final class MutationScore {
    private MutationScore() {
    }

    record Mutant(String pkg, String cls, String method, int line, String mutator, String status, boolean detected,
            String description) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: MutationScore MODULE REPORT.xml OVERALL_MIN PACKAGE_MIN [--survivors]");
            System.exit(2);
        }
        String module = args[0];
        Path report = Path.of(args[1]);
        double overallMin = Double.parseDouble(args[2]);
        double packageMin = Double.parseDouble(args[3]);
        boolean survivors = args.length > 4 && args[4].equals("--survivors");
        if (!Files.isRegularFile(report)) {
            System.err.println(report + ": no PIT report (did the mutation run fail?)");
            System.exit(2);
        }
        List<Mutant> mutants = read(report);
        Map<String, int[]> perPackage = new TreeMap<>();
        int detected = 0;
        for (Mutant m : mutants) {
            int[] c = perPackage.computeIfAbsent(m.pkg(), k -> new int[2]);
            c[1]++;
            if (m.detected()) {
                c[0]++;
                detected++;
            }
        }
        boolean ok = true;
        System.out.printf(Locale.ROOT, "%-28s %8s %8s %7s%n", module + " package", "killed", "mutants", "score");
        for (Map.Entry<String, int[]> e : perPackage.entrySet()) {
            double score = percent(e.getValue()[0], e.getValue()[1]);
            boolean low = score < packageMin;
            ok &= !low;
            System.out.printf(Locale.ROOT, "%-28s %8d %8d %6.1f%%%s%n", e.getKey(), e.getValue()[0], e.getValue()[1],
                    score, low ? "  under " + fmt(packageMin) + " %" : "");
        }
        double overall = percent(detected, mutants.size());
        boolean lowOverall = overall < overallMin;
        ok &= !lowOverall;
        System.out.printf(Locale.ROOT, "%-28s %8d %8d %6.1f%%%s%n", module + " overall", detected, mutants.size(),
                overall, lowOverall ? "  under " + fmt(overallMin) + " %" : "");
        if (survivors) {
            for (Mutant m : mutants) {
                if (!m.detected()) {
                    System.out.printf(Locale.ROOT, "  %s.%s:%d %s (%s) %s%n", m.cls(), m.method(), m.line(),
                            m.mutator(), m.status(), m.description());
                }
            }
        }
        System.exit(ok ? 0 : 1);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static double percent(int part, int whole) {
        return whole == 0 ? 100.0 : 100.0 * part / whole;
    }

    private static List<Mutant> read(Path report) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList nodes = f.newDocumentBuilder().parse(report.toFile()).getElementsByTagName("mutation");
        List<Mutant> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            String cls = text(e, "mutatedClass");
            String outer = cls.contains("$") ? cls.substring(0, cls.indexOf('$')) : cls;
            String pkg = outer.substring(0, Math.max(0, outer.lastIndexOf('.')));
            String mutator = text(e, "mutator");
            mutator = mutator.substring(mutator.lastIndexOf('.') + 1);
            out.add(new Mutant(pkg, cls.substring(cls.lastIndexOf('.') + 1), text(e, "mutatedMethod"),
                    Integer.parseInt(text(e, "lineNumber")), mutator, e.getAttribute("status"),
                    Boolean.parseBoolean(e.getAttribute("detected")), text(e, "description")));
        }
        return out;
    }

    private static String text(Element e, String tag) {
        NodeList l = e.getElementsByTagName(tag);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent().trim();
    }
}
