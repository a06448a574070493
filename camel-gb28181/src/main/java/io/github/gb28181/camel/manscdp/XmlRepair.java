package io.github.gb28181.camel.manscdp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the text that real devices send well-formed, used only after a strict parse failed so that
 * correct documents are never altered. Handles the Hikvision habit of writing {@code A&B<C} inside
 * text, end tags that differ in case from their start tag, and junk after the root element.
 *
 * <p>The approach: tokenise into markup and text, treating a {@code <} as markup only when it really
 * looks like a tag; then balance tags with a stack, and turn tags that never balance back into text.
 */
final class XmlRepair {

    private static final Pattern START_TAG = Pattern.compile("<([A-Za-z_][\\w.:\\-]*)(\\s[^<>]*?)?(/?)>");
    private static final Pattern END_TAG = Pattern.compile("</([A-Za-z_][\\w.:\\-]*)\\s*>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6}|lt|gt|amp|quot|apos);");

    private XmlRepair() {
    }

    private enum Type { TEXT, START, EMPTY, END, OTHER }

    private static final class Token {
        final Type type;
        final String raw;
        final String name;
        boolean bogus;
        boolean dropped;
        String renamed;

        Token(Type type, String raw, String name) {
            this.type = type;
            this.raw = raw;
            this.name = name;
        }
    }

    static String repair(String xml) {
        List<Token> tokens = tokenize(xml);
        balance(tokens);
        StringBuilder out = new StringBuilder(xml.length() + 32);
        for (Token t : tokens) {
            if (t.dropped) {
                continue;
            }
            if (t.type == Type.TEXT || t.bogus) {
                out.append(escapeText(t.raw));
            } else if (t.renamed != null) {
                out.append("</").append(t.renamed).append('>');
            } else if (t.type == Type.START || t.type == Type.EMPTY) {
                out.append(escapeAmpersands(t.raw));
            } else {
                out.append(t.raw);
            }
        }
        return out.toString();
    }

    private static List<Token> tokenize(String s) {
        List<Token> tokens = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c != '<') {
                text.append(c);
                i++;
                continue;
            }
            int end = markupEnd(s, i);
            if (end < 0) {
                text.append(c);
                i++;
                continue;
            }
            if (text.length() > 0) {
                tokens.add(new Token(Type.TEXT, text.toString(), null));
                text.setLength(0);
            }
            String raw = s.substring(i, end);
            tokens.add(classify(raw));
            i = end;
        }
        if (text.length() > 0) {
            tokens.add(new Token(Type.TEXT, text.toString(), null));
        }
        return tokens;
    }

    /** End index of genuine markup starting at {@code i}, or -1 when the {@code <} is just a character. */
    private static int markupEnd(String s, int i) {
        if (s.startsWith("<!--", i)) {
            int e = s.indexOf("-->", i + 4);
            return e < 0 ? -1 : e + 3;
        }
        if (s.startsWith("<![CDATA[", i)) {
            int e = s.indexOf("]]>", i + 9);
            return e < 0 ? -1 : e + 3;
        }
        if (s.startsWith("<?", i)) {
            int e = s.indexOf("?>", i + 2);
            return e < 0 ? -1 : e + 2;
        }
        Matcher m = (s.startsWith("</", i) ? END_TAG : START_TAG).matcher(s);
        m.region(i, s.length());
        return m.lookingAt() ? m.end() : -1;
    }

    private static Token classify(String raw) {
        if (raw.startsWith("</")) {
            Matcher m = END_TAG.matcher(raw);
            m.matches();
            return new Token(Type.END, raw, m.group(1));
        }
        if (raw.startsWith("<!") || raw.startsWith("<?")) {
            return new Token(Type.OTHER, raw, null);
        }
        Matcher m = START_TAG.matcher(raw);
        m.matches();
        return new Token(m.group(3).isEmpty() ? Type.START : Type.EMPTY, raw, m.group(1));
    }

    private static void balance(List<Token> tokens) {
        OpenTags open = new OpenTags();
        boolean rootOpened = false;
        boolean rootClosed = false;
        for (Token t : tokens) {
            if (rootClosed) {
                // anything after the root element is trailing junk (NULs, a second copy, log noise)
                t.dropped = true;
                continue;
            }
            if (!rootOpened && t.type == Type.TEXT) {
                t.dropped = true;
                continue;
            }
            if (t.type == Type.START || t.type == Type.EMPTY) {
                rootOpened = true;
            }
            if (t.type == Type.START) {
                open.push(t);
            } else if (t.type == Type.END) {
                Token match = open.find(t.name);
                if (match == null) {
                    t.bogus = true;
                    continue;
                }
                while (open.peek() != match) {
                    open.pop().bogus = true;
                }
                open.pop();
                if (!match.name.equals(t.name)) {
                    t.renamed = match.name;
                }
                rootClosed = open.isEmpty();
            } else if (t.type == Type.EMPTY) {
                rootClosed = open.isEmpty();
            }
        }
        open.markAllBogus();
    }

    /**
     * The stack of open start tags, counting names so that an end tag nothing matches is known at once: a search of
     * the whole stack for each of them made thousands of stray end tags under thousands of open ones take minutes.
     * Tag names are ASCII (the patterns above), so lower case is case-insensitive equality.
     */
    private static final class OpenTags {
        private final Deque<Token> stack = new ArrayDeque<>();
        private final Map<String, Integer> exact = new HashMap<>();
        private final Map<String, Integer> anyCase = new HashMap<>();

        void push(Token t) {
            stack.push(t);
            exact.merge(t.name, 1, Integer::sum);
            anyCase.merge(t.name.toLowerCase(Locale.ROOT), 1, Integer::sum);
        }

        Token peek() {
            return stack.peek();
        }

        Token pop() {
            Token t = stack.pop();
            exact.computeIfPresent(t.name, (k, n) -> n == 1 ? null : n - 1);
            anyCase.computeIfPresent(t.name.toLowerCase(Locale.ROOT), (k, n) -> n == 1 ? null : n - 1);
            return t;
        }

        boolean isEmpty() {
            return stack.isEmpty();
        }

        /** The innermost open tag of that name, else of that name in another case, else null. */
        Token find(String name) {
            // a search only runs when it will succeed, and the caller pops everything it passed: linear overall
            if (exact.containsKey(name)) {
                for (Token t : stack) {
                    if (t.name.equals(name)) {
                        return t;
                    }
                }
            }
            if (anyCase.containsKey(name.toLowerCase(Locale.ROOT))) {
                for (Token t : stack) {
                    if (t.name.equalsIgnoreCase(name)) {
                        return t;
                    }
                }
            }
            return null;
        }

        void markAllBogus() {
            for (Token t : stack) {
                t.bogus = true;
            }
        }
    }

    private static String escapeText(String raw) {
        return escapeAmpersands(raw).replace("<", "&lt;");
    }

    private static String escapeAmpersands(String raw) {
        if (raw.indexOf('&') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length() + 8);
        Matcher m = ENTITY.matcher(raw);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '&') {
                m.region(i, raw.length());
                out.append(m.lookingAt() ? "&" : "&amp;");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
