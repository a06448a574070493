package io.github.gb28181.camel.manscdp;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.Charset;

/**
 * A MANSCDP document: root kind, CmdType, SN and DeviceID common to all, the rest in subclasses.
 * Instances are plain mutable beans that marshal to JSON with a plain ObjectMapper (absent fields are
 * omitted, dates stay the strings the device sent).
 *
 * <p>Subclasses map their own elements in {@link #readBody} and {@link #writeBody}; the header is
 * handled here so every document writes CmdType, SN, DeviceID first, as the standard orders them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class ManscdpMessage {

    private Integer sn;
    private String deviceId;
    private Charset charset;
    private String declaredEncoding;
    private XmlElement source;

    /** The root element kind, which together with {@link #getCmdType()} names the document type. */
    public abstract RootKind getKind();

    public abstract String getCmdType();

    /** The SN (sequence number) the sender chose; {@code null} when missing or not a number. */
    public Integer getSn() {
        return sn;
    }

    public void setSn(Integer sn) {
        this.sn = sn;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public void setDeviceId(String deviceId) {
        this.deviceId = deviceId;
    }

    /** The charset that actually decoded the incoming body, to answer in it; {@code null} for messages built locally. */
    @JsonIgnore
    public Charset getCharset() {
        return charset;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    @JsonProperty("charset")
    String charsetName() {
        return charset == null ? null : charset.name();
    }

    /** The encoding named by the body's XML declaration, spelled as the device spelled it, or {@code null}. */
    @JsonIgnore
    public String getDeclaredEncoding() {
        return declaredEncoding;
    }

    public void setDeclaredEncoding(String declaredEncoding) {
        this.declaredEncoding = declaredEncoding;
    }

    /**
     * The parsed element tree this message was decoded from, kept so vendor extensions the model
     * does not know remain reachable; {@code null} for messages built locally.
     */
    @JsonIgnore
    public XmlElement getSource() {
        return source;
    }

    void setSource(XmlElement source) {
        this.source = source;
    }

    /** Reads the document-specific elements; must tolerate any of them missing. */
    protected abstract void readBody(XmlElement root);

    /** Appends the document-specific elements in the standard's order. */
    protected abstract void writeBody(XmlElement root);

    /** The root element name to write: the kind's standard spelling unless a subclass knows better. */
    protected String rootElementName() {
        return getKind().elementName();
    }

    /** Copies SN, DeviceID and charset information, for building a message derived from this one. */
    protected final void copyHeaderTo(ManscdpMessage target) {
        target.sn = sn;
        target.deviceId = deviceId;
        target.charset = charset;
        target.declaredEncoding = declaredEncoding;
    }

    final void readHeader(XmlElement root) {
        sn = root.integer("SN");
        deviceId = root.string("DeviceID");
    }

    final XmlElement toTree() {
        XmlElement root = new XmlElement(rootElementName());
        root.add("CmdType", getCmdType());
        root.add("SN", sn);
        root.add("DeviceID", deviceId);
        writeBody(root);
        return root;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{kind=" + getKind() + ", cmdType=" + getCmdType() + ", sn=" + sn
                + ", deviceId=" + deviceId + "}";
    }
}
