package io.github.gb28181.camel.manscdp.model;

/**
 * Home position query ({@code Query/HomePositionQuery}, GB/T 28181-2022 A.2.4.10).
 */
public class HomePositionQuery extends HeaderOnlyQuery {

    public static final String CMD_TYPE = "HomePositionQuery";

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }
}
