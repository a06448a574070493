package io.github.gb28181.camel.sip.transport;

import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

/**
 * jain-sip's factories. They hold no per-stack state, so one set serves every server in the JVM.
 */
public final class SipFactories {

    public static final AddressFactory ADDRESSES;
    public static final HeaderFactory HEADERS;
    public static final MessageFactory MESSAGES;

    static {
        try {
            SipFactory factory = SipFactory.getInstance();
            factory.setPathName("gov.nist");
            ADDRESSES = factory.createAddressFactory();
            HEADERS = factory.createHeaderFactory();
            MESSAGES = factory.createMessageFactory();
        } catch (PeerUnavailableException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SipFactories() {
    }
}
