package io.github.gb28181.camel.manscdp;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

import com.ctc.wstx.stax.WstxInputFactory;
import io.github.gb28181.camel.manscdp.ManscdpException;
import io.github.gb28181.camel.manscdp.XmlElement;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses decoded body text into an {@link XmlElement} tree with DTDs refused outright. A strict
 * parse runs first; only if it fails is the text passed through {@link XmlRepair} and parsed again,
 * so documents that are already well-formed are read exactly as written.
 */
final class TreeParser {

    private static final Pattern DTD = Pattern.compile("<!\\s*(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);
    private static final int MAX_DEPTH = 32;

    private final XMLInputFactory factory;

    TreeParser() {
        // Woodstox by name, not whatever StAX the classpath offers first: the codec's tolerance is tested with it
        factory = new WstxInputFactory();
        // belt and braces: DOCTYPE is refused before parsing, and the parser is told never to resolve one
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    XmlElement parse(String text) {
        String prepared = prepare(text);
        if (prepared.contains("<!") && DTD.matcher(prepared).find()) {
            throw new ManscdpException(ManscdpException.Reason.DTD_FORBIDDEN,
                    "MANSCDP body contains a DOCTYPE/ENTITY declaration; DTDs are refused");
        }
        if (prepared.isEmpty()) {
            throw new ManscdpException(ManscdpException.Reason.EMPTY, "MANSCDP body has no XML element");
        }
        try {
            return read(prepared);
        } catch (XMLStreamException | TooDeep strictFailure) {
            String repaired = XmlRepair.repair(prepared);
            try {
                return read(repaired);
            } catch (XMLStreamException e) {
                throw new ManscdpException(ManscdpException.Reason.MALFORMED,
                        "MANSCDP body is not XML and could not be repaired: " + describe(strictFailure), e);
            } catch (TooDeep e) {
                throw new ManscdpException(ManscdpException.Reason.MALFORMED,
                        "MANSCDP body nests deeper than " + MAX_DEPTH + " elements", e);
            }
        }
    }

    /**
     * Drops what comes before the first markup (BOM, whitespace, NULs) and the XML declaration
     * itself: the text is already decoded, so a declaration that names another charset, or is
     * malformed, must not confuse the parser. Characters XML 1.0 forbids are removed.
     */
    private static String prepare(String text) {
        int start = text.indexOf('<');
        if (start < 0) {
            return "";
        }
        String s = text.substring(start);
        if (s.startsWith("<?")) {
            int end = s.indexOf("?>");
            if (end > 0 && s.regionMatches(true, 2, "xml", 0, 3)) {
                s = s.substring(end + 2);
            }
        }
        return stripInvalidChars(s);
    }

    private static String stripInvalidChars(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && isXmlChar(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder out = new StringBuilder(n);
        out.append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (isXmlChar(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isXmlChar(char c) {
        return c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
    }

    private XmlElement read(String xml) throws XMLStreamException, TooDeep {
        try {
            return readTree(xml);
        } catch (ManscdpException e) {
            throw e;
        } catch (RuntimeException e) {
            // some StAX implementations report well-formedness errors lazily as unchecked exceptions
            throw new XMLStreamException(e.getMessage(), e);
        }
    }

    private XmlElement readTree(String xml) throws XMLStreamException, TooDeep {
        XMLStreamReader r = factory.createXMLStreamReader(new StringReader(xml));
        try {
            Deque<XmlElement> stack = new ArrayDeque<>();
            // text comes in pieces wherever a comment or processing instruction cuts it; joining the pieces as they
            // come was quadratic, seconds of CPU for one 1 MiB body of x<!---->x<!---->...
            Deque<StringBuilder> texts = new ArrayDeque<>();
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD:
                        throw new ManscdpException(ManscdpException.Reason.DTD_FORBIDDEN,
                                "MANSCDP body contains a DOCTYPE; DTDs are refused");
                    case XMLStreamConstants.START_ELEMENT:
                        if (stack.size() >= MAX_DEPTH) {
                            throw new TooDeep();
                        }
                        XmlElement e = new XmlElement(r.getLocalName());
                        for (int a = 0; a < r.getAttributeCount(); a++) {
                            e.setAttribute(r.getAttributeLocalName(a), r.getAttributeValue(a));
                        }
                        if (!stack.isEmpty()) {
                            stack.peek().addChild(e);
                        }
                        stack.push(e);
                        texts.push(new StringBuilder());
                        break;
                    case XMLStreamConstants.CHARACTERS:
                    case XMLStreamConstants.CDATA:
                    case XMLStreamConstants.SPACE:
                        if (!texts.isEmpty()) {
                            texts.peek().append(r.getText());
                        }
                        break;
                    case XMLStreamConstants.ENTITY_REFERENCE:
                        throw new XMLStreamException("undeclared entity &" + r.getLocalName() + ";", r.getLocation());
                    case XMLStreamConstants.END_ELEMENT:
                        XmlElement done = stack.pop();
                        done.setText(texts.pop().toString());
                        if (stack.isEmpty()) {
                            // stop here: whatever follows the root (NULs, junk) is not our business
                            return done;
                        }
                        break;
                    default:
                        break;
                }
            }
            throw new XMLStreamException("document ended before its root element was closed");
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // nothing to release for an in-memory reader
            }
        }
    }

    private static String describe(Exception e) {
        if (e instanceof XMLStreamException) {
            XMLStreamException x = (XMLStreamException) e;
            Location loc = x.getLocation();
            String msg = x.getMessage() == null ? x.toString() : x.getMessage().replaceAll("\\s+", " ");
            return loc == null ? msg : msg + " (line " + loc.getLineNumber() + ", column " + loc.getColumnNumber() + ")";
        }
        return String.valueOf(e.getMessage());
    }

    /** Internal signal for excessive nesting, kept apart from well-formedness errors. */
    private static final class TooDeep extends Exception {
        TooDeep() {
            super("too deep", null, false, false);
        }
    }
}
