package io.github.gb28181.camel.manscdp.model;

import io.github.gb28181.camel.manscdp.RootKind;

/**
 * Answer to a PTZPosition query ({@code Response/PTZPosition}, GB/T 28181-2022 A.2.6.15).
 */
public class PtzPositionResponse extends PtzPositionReport {

    @Override
    public RootKind getKind() {
        return RootKind.RESPONSE;
    }
}
