package io.github.gb28181.camel.manscdp;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;


/**
 * Decodes MANSCDP bodies as real devices send them and encodes documents for them. Immutable after
 * building and safe to share between threads; build one per application. The codec itself knows no document
 * type: {@code StandardTypes} in the model package registers the GB/T 28181 ones, so this package never depends
 * on the model built on it.
 *
 * <pre>{@code
 * ManscdpCodec codec = StandardTypes.codec();
 * ManscdpMessage msg = codec.decode(body);
 * if (msg instanceof KeepaliveNotify) { ... }
 * byte[] reply = codec.encodeLike(answer, msg); // in the charset the device used
 * }</pre>
 */
public final class ManscdpCodec {

    /** Bodies larger than this are refused unless configured otherwise: MANSCDP parts are a few KiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    /** Charset for documents that have none of their own: the one GB/T 28181 itself uses. */
    public static final Charset DEFAULT_CHARSET = Charset.forName("GB2312");

    private final int maxBodyBytes;
    private final Charset defaultCharset;
    private final Map<String, Supplier<? extends ManscdpMessage>> types;
    private final TreeParser parser = new TreeParser();

    private ManscdpCodec(Builder b) {
        this.maxBodyBytes = b.maxBodyBytes;
        this.defaultCharset = b.defaultCharset;
        this.types = Map.copyOf(b.types);
    }

    /** A builder with no document types registered: everything decodes raw until some are. */
    public static Builder builder() {
        return new Builder();
    }

    public int getMaxBodyBytes() {
        return maxBodyBytes;
    }

    public Charset getDefaultCharset() {
        return defaultCharset;
    }

    /**
     * Decodes a body into its typed model, or into a {@link RawMessage} when the type is unknown.
     *
     * @throws ManscdpException if the body is empty, larger than the cap, carries a DTD, or is not
     *                          XML even after repair
     */
    public ManscdpMessage decode(byte[] body) {
        checkSize(body == null ? 0 : body.length);
        BodyDecoder.Decoded decoded = BodyDecoder.decode(body);
        return decoded(decoded.text, decoded.charset, decoded.declaredEncoding);
    }

    /**
     * Decodes a body someone already turned into text. Nothing is re-decoded; the charset its declaration names
     * (if Java knows it) is the one {@link #encode(ManscdpMessage)} answers in.
     *
     * @throws ManscdpException as {@link #decode(byte[])}, the size counted in characters
     */
    public ManscdpMessage decodeText(String text) {
        checkSize(text == null ? 0 : text.length());
        // the declaration is in the first few hundred characters, and ASCII
        String head = text.substring(0, Math.min(text.length(), 512));
        String declared = BodyDecoder.declaredEncoding(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0);
        return decoded(text, BodyDecoder.lookup(declared), declared);
    }

    private void checkSize(int length) {
        if (length == 0) {
            throw new ManscdpException(ManscdpException.Reason.EMPTY, "MANSCDP body is empty");
        }
        if (length > maxBodyBytes) {
            throw new ManscdpException(ManscdpException.Reason.TOO_LARGE,
                    "MANSCDP body of " + length + " bytes exceeds the limit of " + maxBodyBytes + " bytes");
        }
    }

    private ManscdpMessage decoded(String text, Charset charset, String declaredEncoding) {
        XmlElement root = parser.parse(text);
        ManscdpMessage message = bind(root, text);
        message.setCharset(charset);
        message.setDeclaredEncoding(declaredEncoding);
        message.setSource(root);
        return message;
    }

    /**
     * Decodes and checks the type in one step, for callers that know what they expect.
     *
     * @throws ManscdpException if the body does not decode to {@code type}
     */
    public <T extends ManscdpMessage> T decode(byte[] body, Class<T> type) {
        ManscdpMessage m = decode(body);
        if (!type.isInstance(m)) {
            throw new ManscdpException(ManscdpException.Reason.UNSUPPORTED,
                    "expected " + type.getSimpleName() + " but body is " + m.getKind() + " " + m.getCmdType());
        }
        return type.cast(m);
    }

    private ManscdpMessage bind(XmlElement root, String text) {
        RootKind kind = RootKind.fromElementName(root.name());
        String cmdType = root.string("CmdType");
        Supplier<? extends ManscdpMessage> factory = kind == null || cmdType == null ? null : types.get(key(kind, cmdType));
        if (factory != null) {
            ManscdpMessage typed = factory.get();
            try {
                typed.readHeader(root);
                typed.readBody(root);
                return typed;
            } catch (RuntimeException e) {
                // a model bug must not lose the device's message: fall through to raw
            }
        }
        RawMessage raw = new RawMessage();
        raw.readHeader(root);
        raw.readBody(root);
        raw.setXml(text);
        return raw;
    }

    /** Encodes {@code message} in {@code charset}, with a declaration naming it. */
    public byte[] encode(ManscdpMessage message, Charset charset) {
        return XmlSerializer.toBytes(message.toTree(), charset);
    }

    /** Encodes in the message's own charset (the one it arrived in), else the codec default. */
    public byte[] encode(ManscdpMessage message) {
        return encode(message, message.getCharset() != null ? message.getCharset() : defaultCharset);
    }

    /** Encodes a reply in the charset the device used for {@code received}, so it can read our answer. */
    public byte[] encodeLike(ManscdpMessage reply, ManscdpMessage received) {
        Charset cs = received != null && received.getCharset() != null ? received.getCharset() : defaultCharset;
        return encode(reply, cs);
    }

    /** The document as text, with a declaration naming {@code charset}; for logs and tests. */
    public String toXml(ManscdpMessage message, Charset charset) {
        return XmlSerializer.toText(message.toTree(), charset);
    }

    private static String key(RootKind kind, String cmdType) {
        return kind.name() + ':' + cmdType.strip().toLowerCase(Locale.ROOT);
    }

    /** Configures a codec. */
    public static final class Builder {
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private Charset defaultCharset = DEFAULT_CHARSET;
        private final Map<String, Supplier<? extends ManscdpMessage>> types = new HashMap<>();

        private Builder() {
        }

        public Builder maxBodyBytes(int maxBodyBytes) {
            if (maxBodyBytes <= 0) {
                throw new IllegalArgumentException("maxBodyBytes must be positive");
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public Builder defaultCharset(Charset defaultCharset) {
            this.defaultCharset = java.util.Objects.requireNonNull(defaultCharset);
            return this;
        }

        /**
         * Maps a root kind and CmdType (compared ignoring case) to a model, replacing any standard
         * mapping: the hook for vendor extensions such as {@code SensorCatalog}.
         */
        public Builder register(RootKind kind, String cmdType, Supplier<? extends ManscdpMessage> factory) {
            types.put(key(kind, cmdType), factory);
            return this;
        }

        public ManscdpCodec build() {
            return new ManscdpCodec(this);
        }
    }
}
