package io.github.gb28181.camel.manscdp;

import java.util.Locale;

/** The four MANSCDP root elements of GB/T 28181-2016. */
public enum RootKind {
    NOTIFY("Notify"),
    QUERY("Query"),
    RESPONSE("Response"),
    CONTROL("Control");

    private final String elementName;

    RootKind(String elementName) {
        this.elementName = elementName;
    }

    public String elementName() {
        return elementName;
    }

    /** Devices are inconsistent about case ({@code <NOTIFY>} has been seen), so matching ignores it. */
    public static RootKind fromElementName(String name) {
        if (name == null) {
            return null;
        }
        String upper = name.strip().toUpperCase(Locale.ROOT);
        for (RootKind kind : values()) {
            if (kind.name().equals(upper)) {
                return kind;
            }
        }
        return null;
    }
}
