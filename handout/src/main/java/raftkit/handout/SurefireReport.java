package raftkit.handout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The results of a test run, read from Surefire's XML reports (never from the console output): one entry per test
 * method with its time and whether it passed.
 */
final class SurefireReport {

    /** Where Surefire writes its reports, relative to the module. */
    static final String FOLDER = "target/surefire-reports";

    /** One test: its class and method, seconds taken, and whether it passed, failed (or errored) or was skipped. */
    record TestResult(String className, String name, double seconds, Outcome outcome) {
    }

    enum Outcome { PASSED, FAILED, SKIPPED }

    private SurefireReport() {
    }

    /** Every test in the {@code TEST-*.xml} files of {@code folder}, in file-name order; empty if there are none. */
    static List<TestResult> read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> reports;
        try (Stream<Path> files = Files.list(folder)) {
            reports = files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
        }
        List<TestResult> results = new ArrayList<>();
        for (Path report : reports) {
            results.addAll(readOne(report));
        }
        return List.copyOf(results);
    }

    private static List<TestResult> readOne(Path report) throws IOException {
        NodeList cases;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            cases = factory.newDocumentBuilder().parse(report.toFile()).getElementsByTagName("testcase");
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(report.getFileName() + ": not a readable Surefire report: " + e.getMessage(), e);
        }
        List<TestResult> results = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            Element test = (Element) cases.item(i);
            results.add(new TestResult(test.getAttribute("classname"), test.getAttribute("name"),
                    seconds(test.getAttribute("time")), outcome(test)));
        }
        return results;
    }

    private static Outcome outcome(Element test) {
        if (test.getElementsByTagName("failure").getLength() > 0 || test.getElementsByTagName("error").getLength() > 0) {
            return Outcome.FAILED;
        }
        return test.getElementsByTagName("skipped").getLength() > 0 ? Outcome.SKIPPED : Outcome.PASSED;
    }

    private static double seconds(String time) {
        try {
            return time.isEmpty() ? 0 : Double.parseDouble(time.replace(",", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
