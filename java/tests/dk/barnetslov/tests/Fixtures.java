package dk.barnetslov.tests;

import dk.barnetslov.Case;
import dk.barnetslov.CaseBuilder;
import dk.barnetslov.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** What the tests share: the source tree, the examples' as-of, one engine, a case file fed to the builder. */
final class Fixtures {
    final Path root;
    final Path examples;
    final Engine engine = new Engine();
    /** examples/expected/AS_OF, the instant the expected reports are judged as of. */
    final Instant asOf;

    Fixtures(Path root) throws IOException {
        this.root = root;
        this.examples = root.resolve("examples");
        this.asOf = engine.parseTime(Files.readString(examples.resolve("expected/AS_OF")).strip());
    }

    /** The example case files, in the order of their names (the CLI's order). */
    List<Path> exampleFiles() {
        try (Stream<Path> files = Files.list(examples)) {
            return files.filter(p -> p.toString().endsWith(".xml")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Case load(String xml, String sourceName) {
        return engine.load(xml.getBytes(StandardCharsets.UTF_8), sourceName);
    }

    /**
     * A case file's case, built through the CaseBuilder as a case system would hand over its rows:
     * every attribute of the case, the child, each party and sibling and each event, in the file's
     * order, with its times as LocalDateTime and its dates as LocalDate.
     */
    Case build(Path file) throws Exception {
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        CaseBuilder b = engine.builder(file.getFileName().toString());
        NamedNodeMap caseAttributes = root.getAttributes();
        for (int i = 0; i < caseAttributes.getLength(); ++i) {
            Node a = caseAttributes.item(i);
            if (!a.getNodeName().startsWith("xmlns")) b.caseAttribute(a.getNodeName(), a.getNodeValue());
        }
        for (Element e : children(root)) {
            if (e.getTagName().equals("events")) {
                for (Element event : children(e)) attributes(b.event(event.getTagName()), event);
            } else if (e.getTagName().equals("child")) {
                attributes(b.child(), e);
            } else {
                attributes(b.person(e.getTagName()), e);
            }
        }
        return b.build();
    }

    private static final Pattern LOCAL_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static void attributes(CaseBuilder b, Element e) {
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); ++i) {
            String name = attributes.item(i).getNodeName();
            String value = attributes.item(i).getNodeValue();
            if (LOCAL_TIME.matcher(value).matches()) b.attribute(name, LocalDateTime.parse(value));
            else if (DATE.matcher(value).matches()) b.attribute(name, LocalDate.parse(value));
            else b.attribute(name, value);
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) out.add((Element) n);
        }
        return out;
    }
}
