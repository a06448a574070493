package io.github.gb28181.camel.sip.command;

import io.github.gb28181.camel.manscdp.ManscdpMessage;

/**
 * A device's answer to a query or control command.
 *
 * @param response the Response document, aggregated across MESSAGEs for Catalog and RecordInfo; null when the
 *                 command did not wait for one
 * @param partial  true when a multi-message answer stopped arriving before SumNum
 */
public record QueryResult(ManscdpMessage response, boolean partial) {
}
