package io.github.gb28181.camel.manscdp.model;

import io.github.gb28181.camel.manscdp.RootKind;

/**
 * PTZ position change for a PTZPosition subscription ({@code Notify/PTZPosition}, GB/T 28181-2022 9.11.2): the body
 * of the query answer under a Notify root.
 */
public class PtzPositionNotify extends PtzPositionReport {

    @Override
    public RootKind getKind() {
        return RootKind.NOTIFY;
    }
}
