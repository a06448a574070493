package io.github.gb28181.camel.sip;

import javax.sip.ClientTransaction;
import javax.sip.message.Response;

/**
 * Hears what becomes of the requests the platform sends.
 */
public interface ClientTransactionListener {

    void onResponse(ClientTransaction transaction, Response response);

    void onTimeout(ClientTransaction transaction);
}
