package io.github.gb28181.camel.manscdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small mutable XML element tree, the common ground between the parser, the typed models and the
 * writer. MANSCDP documents are tiny and mostly flat, so a tree is cheaper to reason about than
 * streaming binding, and it lets lookups ignore case ({@code DeviceId} vs {@code DeviceID}), which
 * real devices require.
 *
 * <p>Lookups accept a path of element names separated by {@code /}, each step matched exactly first
 * and then ignoring case. Value getters never throw: a missing, empty or unparsable number is
 * {@code null}.
 */
public final class XmlElement {

    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<XmlElement> children = new ArrayList<>();
    /** The first child of each name, exact and case-folded: built on the first lookup in a wide element. */
    private Map<String, XmlElement> exactIndex;
    private Map<String, XmlElement> looseIndex;
    private String text = "";

    public XmlElement(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The element's own character content, untrimmed, as parsed. */
    public String rawText() {
        return text;
    }

    /** The element's own character content with surrounding whitespace removed (pretty printing noise). */
    public String text() {
        return text.strip();
    }

    public XmlElement setText(String text) {
        this.text = text == null ? "" : text;
        return this;
    }

    public Map<String, String> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    public String attribute(String attributeName) {
        String exact = attributes.get(attributeName);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (e.getKey().equalsIgnoreCase(attributeName)) {
                return e.getValue();
            }
        }
        return null;
    }

    public XmlElement setAttribute(String attributeName, Object value) {
        if (value != null) {
            attributes.put(attributeName, value.toString());
        }
        return this;
    }

    public List<XmlElement> children() {
        return Collections.unmodifiableList(children);
    }

    /** First element at {@code path}, or {@code null}. */
    public XmlElement child(String path) {
        if (path.indexOf('/') < 0) {
            return directChild(path);
        }
        XmlElement current = this;
        for (String step : path.split("/")) {
            current = current.directChild(step);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** All elements named by the last step of {@code path}, under the first match of the steps before it. */
    public List<XmlElement> children(String path) {
        int slash = path.lastIndexOf('/');
        XmlElement parent = slash < 0 ? this : child(path.substring(0, slash));
        if (parent == null) {
            return List.of();
        }
        String last = path.substring(slash + 1);
        // case is ignored: a device mixing spellings still meant one list
        List<XmlElement> out = new ArrayList<>();
        for (XmlElement c : parent.children) {
            if (c.name.equalsIgnoreCase(last)) {
                out.add(c);
            }
        }
        return out;
    }

    private XmlElement directChild(String step) {
        if (children.size() >= INDEXED_WIDTH) {
            return indexedChild(step);
        }
        XmlElement loose = null;
        for (XmlElement c : children) {
            if (c.name.equals(step)) {
                return c;
            }
            if (loose == null && c.name.equalsIgnoreCase(step)) {
                loose = c;
            }
        }
        return loose;
    }

    // a catalog item has some thirty children and its model asks for forty names: a scan per name costs more than
    // the parse (ManscdpCodecBenchmark)
    private static final int INDEXED_WIDTH = 8;

    /** As the scan above: the first child of that exact name, else the first whose name matches ignoring case. */
    private XmlElement indexedChild(String step) {
        if (exactIndex == null) {
            exactIndex = new HashMap<>();
            looseIndex = new HashMap<>();
            for (XmlElement c : children) {
                exactIndex.putIfAbsent(c.name, c);
                looseIndex.putIfAbsent(fold(c.name), c);
            }
        }
        XmlElement exact = exactIndex.get(step);
        if (exact != null) {
            return exact;
        }
        XmlElement loose = looseIndex.get(fold(step));
        // folding is a key, equalsIgnoreCase the rule, exactly as in the scan
        return loose != null && loose.name.equalsIgnoreCase(step) ? loose : null;
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Trimmed text at {@code path}; {@code ""} for an empty element, {@code null} when absent. */
    public String string(String path) {
        XmlElement e = child(path);
        return e == null ? null : e.text();
    }

    public Integer integer(String path) {
        return parseInteger(string(path));
    }

    public Long longValue(String path) {
        return parseLong(string(path));
    }

    public Double decimal(String path) {
        return parseDouble(string(path));
    }

    /** Trimmed texts of every element at {@code path}. */
    public List<String> strings(String path) {
        List<String> out = new ArrayList<>();
        for (XmlElement e : children(path)) {
            out.add(e.text());
        }
        return out;
    }

    public static Integer parseInteger(String s) {
        Long value = parseLong(s);
        if (value == null || value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            return null;
        }
        return value.intValue();
    }

    public static Long parseLong(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            // "1.0" style integers appear in some firmwares
            Double d = parseDouble(t);
            if (d != null && d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                return d.longValue();
            }
            return null;
        }
    }

    public static Double parseDouble(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            double d = Double.parseDouble(t);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    // ---- building ----

    /** Appends a new child and returns it. */
    public XmlElement addChild(String childName) {
        XmlElement c = new XmlElement(childName);
        children.add(c);
        exactIndex = null;
        return c;
    }

    public XmlElement addChild(XmlElement child) {
        children.add(child);
        exactIndex = null;
        return this;
    }

    /**
     * Appends a leaf at {@code path} unless {@code value} is null. Intermediate steps reuse the last
     * child of that name, so consecutive writes to {@code Info/A} and {@code Info/B} share one
     * {@code <Info>}, as the standard's layout expects.
     */
    public XmlElement add(String path, Object value) {
        if (value == null) {
            return this;
        }
        XmlElement parent = this;
        String[] steps = path.split("/");
        for (int i = 0; i < steps.length - 1; i++) {
            XmlElement last = parent.children.isEmpty() ? null : parent.children.get(parent.children.size() - 1);
            parent = last != null && last.name.equals(steps[i]) ? last : parent.addChild(steps[i]);
        }
        parent.addChild(steps[steps.length - 1]).setText(formatValue(value));
        return this;
    }

    private static String formatValue(Object value) {
        if (value instanceof Double) {
            double d = (Double) value;
            // keep "120" rather than "120.0" for integral coordinates, as devices write them
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return java.math.BigDecimal.valueOf(d).toPlainString();
        }
        return value.toString();
    }

    @Override
    public String toString() {
        return "<" + name + (children.isEmpty() ? ">" + text() + "</" + name + ">" : "> with " + children.size() + " children");
    }
}
