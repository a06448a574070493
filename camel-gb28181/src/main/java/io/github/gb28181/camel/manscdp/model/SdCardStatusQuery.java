package io.github.gb28181.camel.manscdp.model;

/**
 * Storage card status query ({@code Query/SDCardStatus}, GB/T 28181-2022 A.2.4.14).
 */
public class SdCardStatusQuery extends HeaderOnlyQuery {

    public static final String CMD_TYPE = "SDCardStatus";

    @Override
    public String getCmdType() {
        return CMD_TYPE;
    }
}
