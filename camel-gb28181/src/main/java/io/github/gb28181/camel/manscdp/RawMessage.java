package io.github.gb28181.camel.manscdp;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A document with no typed model (Uniview {@code SensorCatalog}, vendor extensions, an unknown
 * root): kept whole with its original text, never dropped, so routes can still see and forward it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class RawMessage extends ManscdpMessage {

    private RootKind kind;
    private String rootName;
    private String cmdType;
    private String xml;

    public RawMessage() {
    }

    @Override
    public RootKind getKind() {
        return kind;
    }

    public void setKind(RootKind kind) {
        this.kind = kind;
    }

    /** The root element name as written, useful when {@link #getKind()} is {@code null} (not one of the four). */
    public String getRootName() {
        return rootName;
    }

    public void setRootName(String rootName) {
        this.rootName = rootName;
    }

    @Override
    public String getCmdType() {
        return cmdType;
    }

    public void setCmdType(String cmdType) {
        this.cmdType = cmdType;
    }

    /** The decoded document text exactly as received. */
    public String getXml() {
        return xml;
    }

    public void setXml(String xml) {
        this.xml = xml;
    }

    @Override
    protected String rootElementName() {
        if (rootName != null) {
            return rootName;
        }
        return kind == null ? "Notify" : kind.elementName();
    }

    @Override
    protected void readBody(XmlElement root) {
        rootName = root.name();
        kind = RootKind.fromElementName(root.name());
        cmdType = root.string("CmdType");
    }

    /** Re-emits every element except the header, in the order received, so a raw message can be relayed. */
    @Override
    protected void writeBody(XmlElement root) {
        XmlElement source = getSource();
        if (source == null) {
            return;
        }
        for (XmlElement child : source.children()) {
            String n = child.name();
            if (!n.equalsIgnoreCase("CmdType") && !n.equalsIgnoreCase("SN") && !n.equalsIgnoreCase("DeviceID")) {
                root.addChild(child);
            }
        }
    }
}
