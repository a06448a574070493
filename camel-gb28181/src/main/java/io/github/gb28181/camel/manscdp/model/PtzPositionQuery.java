package io.github.gb28181.camel.manscdp.model;

/**
 * PTZ position query or subscription ({@code Query/PTZPosition}, GB/T 28181-2022 A.2.4.13).
 */
public class PtzPositionQuery extends HeaderOnlyQuery {

    public static final String CMD_TYPE = "PTZPosition";

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }
}
