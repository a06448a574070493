package io.github.gb28181.camel.manscdp.model;

/**
 * Cruise track list query ({@code Query/CruiseTrackListQuery}, GB/T 28181-2022 A.2.4.11).
 */
public class CruiseTrackListQuery extends HeaderOnlyQuery {

    public static final String CMD_TYPE = "CruiseTrackListQuery";

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }
}
