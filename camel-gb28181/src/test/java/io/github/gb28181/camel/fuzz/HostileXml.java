package io.github.gb28181.camel.fuzz;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MANSCDP bodies written to hurt: entity tricks, sizes and depths past every limit, byte sequences no charset decodes,
 * declarations that lie, and shapes that make naive repair or text accumulation quadratic.
 */
public final class HostileXml {

    private static final String KEEPALIVE = "<Notify><CmdType>Keepalive</CmdType><SN>1</SN>"
                                            + "<DeviceID>34020000001320000001</DeviceID><Status>OK</Status></Notify>";

    private HostileXml() {
    }

    /** Each body by name, for reports. */
    public static Map<String, byte[]> all() {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("xxe-file", ascii("<?xml version=\"1.0\"?><!DOCTYPE Notify [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                    + "<Notify><CmdType>Keepalive</CmdType><SN>1</SN><Status>&x;</Status></Notify>"));
        cases.put("xxe-http", ascii("<!DOCTYPE Notify SYSTEM \"http://127.0.0.1:1/evil.dtd\"><Notify/>"));
        cases.put("xxe-parameter", ascii("<!DOCTYPE r [<!ENTITY % p SYSTEM \"file:///etc/hostname\"> %p;]><r/>"));
        cases.put("xxe-late-doctype", ascii("<Notify><CmdType>Keepalive</CmdType></Notify><!DOCTYPE x [<!ENTITY y \"z\">]>"));
        cases.put("xxe-xinclude", ascii("<Notify xmlns:xi=\"http://www.w3.org/2001/XInclude\"><CmdType>Keepalive</CmdType>"
                                        + "<xi:include href=\"file:///etc/passwd\" parse=\"text\"/></Notify>"));
        cases.put("billion-laughs", ascii(billionLaughs()));
        cases.put("quadratic-blowup", ascii("<!DOCTYPE r [<!ENTITY a \"" + "x".repeat(50_000) + "\">]><r>"
                                            + "&a;".repeat(50_000) + "</r>"));
        cases.put("10MB-body", tenMegabytes());
        cases.put("1MiB-plus-1", limitPlusOne());
        cases.put("deep-10000", ascii("<a>".repeat(10_000) + "</a>".repeat(10_000)));
        cases.put("deep-10000-unclosed", ascii("<Notify>" + "<a>".repeat(10_000)));
        cases.put("deep-200000-in-1MiB", ascii("<a>".repeat(200_000)));
        cases.put("unmatched-ends", ascii("<Notify>" + "<a>".repeat(60_000) + "</b>".repeat(60_000)));
        cases.put("unmatched-ends-case", ascii("<Notify>" + "<Ab>".repeat(50_000) + "</aB>".repeat(50_000)));
        cases.put("many-lone-lt", ascii("<Notify><Status>" + "<a b".repeat(150_000) + "</Status></Notify>"));
        cases.put("lone-lt-no-gt", ascii("<Notify><Status>" + "<" + "a".repeat(900_000)));
        cases.put("attribute-flood", ascii("<Notify " + "a=\"1\" ".repeat(100_000) + "/>"));
        cases.put("duplicate-attributes", ascii("<Notify" + " a=\"1\"".repeat(100_000) + "/>"));
        cases.put("comment-interleaved-text", ascii("<Notify><Status>" + "x<!---->".repeat(120_000) + "</Status></Notify>"));
        cases.put("cdata-interleaved-text", ascii("<Notify><Status>" + "x<![CDATA[y]]>".repeat(70_000)
                                                  + "</Status></Notify>"));
        cases.put("entity-interleaved-text", ascii("<Notify><Status>" + "&amp;x".repeat(170_000) + "</Status></Notify>"));
        cases.put("pi-flood", ascii("<Notify>" + "<?x y?>".repeat(140_000) + "</Notify>"));
        cases.put("many-items", ascii("<Response><CmdType>Catalog</CmdType><SN>1</SN><DeviceID>1</DeviceID><SumNum>1"
                                      + "</SumNum><DeviceList Num=\"1\">" + "<Item><DeviceID>1</DeviceID></Item>".repeat(25_000)
                                      + "</DeviceList></Response>"));
        cases.put("long-name", ascii("<" + "N".repeat(900_000) + "/>"));
        cases.put("huge-numbers", ascii("<Notify><CmdType>Keepalive</CmdType><SN>" + "9".repeat(100_000) + "</SN>"
                                        + "<Status>OK</Status></Notify>"));
        cases.put("invalid-utf8", bytes(ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Notify><CmdType>Keepalive</CmdType>"
                                              + "<Status>"), new byte[] {(byte) 0xC0, (byte) 0x80, (byte) 0xED, (byte) 0xA0,
                                                  (byte) 0x80, (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80,
                                                  (byte) 0xFF, (byte) 0xFE}, ascii("</Status></Notify>")));
        cases.put("invalid-gb18030", bytes(ascii("<?xml version=\"1.0\" encoding=\"GB18030\"?><Notify><CmdType>Keepalive"
                                                 + "</CmdType><Status>"), new byte[] {(byte) 0x81, (byte) 0x30, (byte) 0xFF,
                                                     (byte) 0x80, (byte) 0xFF, (byte) 0x81}, ascii("</Status></Notify>")));
        cases.put("truncated-gb-char", bytes(ascii("<?xml version=\"1.0\" encoding=\"GB2312\"?><Notify><CmdType>Keepalive"
                                                   + "</CmdType><Status>OK</Status></Notify>"), new byte[] {(byte) 0xD6}));
        cases.put("utf16-declared-utf8", bytes(ascii("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
                KEEPALIVE.getBytes(StandardCharsets.UTF_16LE)));
        cases.put("utf16-bom", bytes(new byte[] {(byte) 0xFF, (byte) 0xFE}, KEEPALIVE.getBytes(StandardCharsets.UTF_16LE)));
        cases.put("utf32-declared", KEEPALIVE.replace("<Notify>", "<?xml version=\"1.0\" encoding=\"UTF-32\"?><Notify>")
                .getBytes(Charset.forName("UTF-32")));
        cases.put("declared-unknown", ascii("<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?>" + KEEPALIVE));
        cases.put("declared-illegal-name", ascii("<?xml version=\"1.0\" encoding=\"-._:\"?>" + KEEPALIVE));
        cases.put("declared-ebcdic", ascii("<?xml version=\"1.0\" encoding=\"IBM037\"?>" + KEEPALIVE));
        cases.put("declared-utf16-sent-ascii", ascii("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + KEEPALIVE));
        cases.put("declared-iso2022", ascii("<?xml version=\"1.0\" encoding=\"ISO-2022-CN\"?>" + KEEPALIVE));
        cases.put("declared-jis-autodetect", ascii("<?xml version=\"1.0\" encoding=\"JISAutoDetect\"?>" + KEEPALIVE));
        cases.put("declared-long-name", ascii("<?xml version=\"1.0\" encoding=\"" + "G".repeat(100_000) + "\"?>"
                                              + KEEPALIVE));
        cases.put("gbk-declared-utf8", ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Notify><CmdType>Keepalive</CmdType>"
                                        + "<Status>\u5728\u7ebf</Status></Notify>").getBytes(Charset.forName("GBK")));
        cases.put("nul-flood", bytes(new byte[500_000], ascii(KEEPALIVE)));
        cases.put("only-nuls", new byte[1000]);
        cases.put("bom-only", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        cases.put("control-chars", ascii("<Notify>\u0001\u0002<CmdType>\u0008Keepalive\u001f</CmdType></Notify>"));
        cases.put("surrogate-refs", ascii("<Notify><CmdType>Keepalive</CmdType><Status>&#xD800;&#xDFFF;&#0;&#x110000;"
                                          + "&#99999999999;</Status></Notify>"));
        return cases;
    }

    private static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            dtd.append("\">");
        }
        return dtd.append("]><Notify><CmdType>Keepalive</CmdType><Status>&lol9;</Status></Notify>").toString();
    }

    static byte[] tenMegabytes() {
        StringBuilder sb = new StringBuilder(10 * 1024 * 1024 + 200);
        sb.append("<?xml version=\"1.0\"?><Notify><CmdType>Keepalive</CmdType><SN>1</SN><Status>");
        while (sb.length() < 10 * 1024 * 1024) {
            sb.append("OK");
        }
        return ascii(sb.append("</Status></Notify>").toString());
    }

    private static byte[] limitPlusOne() {
        String head = "<Notify><CmdType>Keepalive</CmdType><Status>";
        String tail = "</Status></Notify>";
        return ascii(head + "x".repeat(1024 * 1024 + 1 - head.length() - tail.length()) + tail);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] bytes(byte[]... parts) {
        byte[] out = new byte[0];
        for (byte[] p : parts) {
            out = Mutator.concat(out, p);
        }
        return out;
    }
}
