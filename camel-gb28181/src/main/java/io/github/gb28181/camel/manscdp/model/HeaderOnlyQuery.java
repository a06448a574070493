package io.github.gb28181.camel.manscdp.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.XmlElement;

/**
 * A query that carries nothing but CmdType, SN and DeviceID: the subclasses only name the CmdType.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class HeaderOnlyQuery extends ManscdpMessage {

    @Override
    public RootKind getKind() {
        return RootKind.QUERY;
    }

    @Override
    protected void readBody(XmlElement root) {
        // nothing beyond the header
    }

    @Override
    protected void writeBody(XmlElement root) {
        // nothing beyond the header
    }
}
