package io.github.gb28181.camel;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;

import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.model.StandardTypes;
import org.apache.camel.Exchange;
import org.apache.camel.spi.DataFormat;
import org.apache.camel.spi.DataFormatName;
import org.apache.camel.spi.annotations.Dataformat;
import org.apache.camel.support.service.ServiceSupport;

/**
 * MANSCDP documents as a Camel data format, {@code gb28181-manscdp}: the component's own tolerant codec, for routes
 * that read or write MANSCDP XML themselves (a file, a queue, an upper platform over HTTP). Unmarshal takes bytes
 * (the charset from the declaration, GB18030 when it lies, the repairs real devices need) or text, and gives the
 * typed document, or a {@code RawMessage} with the XML for a CmdType the model does not know. Marshal writes a
 * document in the charset it arrived in (or {@link #setCharset}, else GB2312), with a declaration naming it.
 */
@Dataformat("gb28181-manscdp")
public class ManscdpDataFormat extends ServiceSupport implements DataFormat, DataFormatName {

    private final ManscdpCodec codec = StandardTypes.codec();
    private String charset;

    @Override
    public String getDataFormatName() {
        return "gb28181-manscdp";
    }

    @Override
    public void marshal(Exchange exchange, Object graph, OutputStream stream) throws Exception {
        ManscdpMessage document = exchange.getContext().getTypeConverter().mandatoryConvertTo(ManscdpMessage.class,
                exchange, graph);
        stream.write(charset != null ? codec.encode(document, Charset.forName(charset)) : codec.encode(document));
    }

    @Override
    public Object unmarshal(Exchange exchange, Object body) throws Exception {
        if (body instanceof String text) {
            return codec.decodeText(text);
        }
        return codec.decode(exchange.getContext().getTypeConverter().mandatoryConvertTo(byte[].class, exchange, body));
    }

    @Override
    public Object unmarshal(Exchange exchange, InputStream stream) throws Exception {
        return codec.decode(stream.readAllBytes());
    }

    /** The charset to write every document in, instead of the one it arrived in. */
    public String getCharset() {
        return charset;
    }

    public void setCharset(String charset) {
        this.charset = charset;
    }
}
