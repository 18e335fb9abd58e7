package org.hilrig.runner.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A junit.xml read back with the JDK's XML parser (DOM) and validated against the Jenkins JUnit schema the rig
 * writes to ({@code /schema/jenkins-junit.xsd}), as a CI server would read it.
 */
final class JunitDocument {
    private final Element root;

    private JunitDocument(Element root) {
        this.root = root;
    }

    /** Parses and validates {@code file}; throws the parser's or the validator's exception when it is not valid. */
    static JunitDocument read(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document doc = f.newDocumentBuilder().parse(Files.newInputStream(file));
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(JunitDocument.class.getResource("/schema/jenkins-junit.xsd")).newValidator()
                .validate(new DOMSource(doc));
        return new JunitDocument(doc.getDocumentElement());
    }

    Element root() {
        return root;
    }

    List<Element> suites() {
        return children(root, "testsuite");
    }

    /** A suite's properties by name, in document order. */
    static Map<String, String> properties(Element suite) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Element props : children(suite, "properties")) {
            for (Element p : children(props, "property")) {
                out.put(p.getAttribute("name"), p.getAttribute("value"));
            }
        }
        return out;
    }

    static List<Element> testcases(Element suite) {
        return children(suite, "testcase");
    }

    /** The text of the element's own {@code system-out} child, or null. */
    static String systemOut(Element e) {
        List<Element> out = children(e, "system-out");
        return out.isEmpty() ? null : out.get(0).getTextContent();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }
}
