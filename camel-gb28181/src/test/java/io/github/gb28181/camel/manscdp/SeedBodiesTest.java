package io.github.gb28181.camel.manscdp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.gb28181.camel.manscdp.model.CatalogItem;
import io.github.gb28181.camel.manscdp.model.CatalogQuery;
import io.github.gb28181.camel.manscdp.model.CatalogResponse;
import io.github.gb28181.camel.manscdp.model.DeviceControl;
import io.github.gb28181.camel.manscdp.model.DeviceInfoQuery;
import io.github.gb28181.camel.manscdp.model.DeviceInfoResponse;
import io.github.gb28181.camel.manscdp.model.DeviceStatusQuery;
import io.github.gb28181.camel.manscdp.model.DeviceStatusResponse;
import io.github.gb28181.camel.manscdp.model.KeepaliveNotify;
import io.github.gb28181.camel.manscdp.model.RecordInfoQuery;
import io.github.gb28181.camel.manscdp.model.RecordInfoResponse;
import io.github.gb28181.camel.manscdp.model.StandardTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every MANSCDP body of the two real captures, as the device sent it. */
class SeedBodiesTest {

    private static final Charset GB2312 = Charset.forName("GB2312");
    private final ManscdpCodec codec = StandardTypes.codec();

    @Test
    void resourcesHaveTheCapturedContentLength() {
        Map<String, Integer> contentLength = Map.ofEntries(
                Map.entry("hik2013-notify-keepalive", 150), Map.entry("hik2013-query-catalog", 124),
                Map.entry("dahua2024-notify-keepalive", 180), Map.entry("exosip2024-query-catalog", 125),
                Map.entry("dahua2024-response-catalog", 898), Map.entry("exosip2024-query-deviceinfo", 128),
                Map.entry("dahua2024-response-deviceinfo", 559), Map.entry("exosip2024-query-devicestatus", 131),
                Map.entry("dahua2024-response-devicestatus", 639), Map.entry("exosip2024-control-ptz-up", 171),
                Map.entry("exosip2024-control-ptz-stop", 171), Map.entry("exosip2024-control-fi-focus-far", 171),
                Map.entry("exosip2024-control-fi-stop", 171), Map.entry("exosip2024-query-recordinfo", 324),
                Map.entry("dvr2024-response-recordinfo", 777));
        contentLength.forEach((name, length) -> assertThat(seed(name)).as(name).hasSize(length));
    }

    @Test
    void hikvisionKeepaliveWithoutDeclarationAndTrailingNul() {
        KeepaliveNotify k = codec.decode(seed("hik2013-notify-keepalive"), KeepaliveNotify.class);
        assertThat(k.getKind()).isEqualTo(RootKind.NOTIFY);
        assertThat(k.getSn()).isEqualTo(2749);
        assertThat(k.getDeviceId()).isEqualTo("130909113319427420");
        assertThat(k.getStatus()).isEqualTo("OK");
        assertThat(k.getStatusFlag()).isEqualTo(StatusFlag.ON);
        assertThat(k.getFaultDeviceIds()).isNull();
        assertThat(k.getDeclaredEncoding()).isNull();
        assertThat(k.getCharset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void hikvisionCatalogQuery() {
        CatalogQuery q = codec.decode(seed("hik2013-query-catalog"), CatalogQuery.class);
        assertThat(q.getSn()).isEqualTo(471);
        assertThat(q.getDeviceId()).isEqualTo("130909113319427420");
        assertThat(q.getStartTime()).isNull();
    }

    @Test
    void dahuaKeepaliveDeclaredGb2312() {
        KeepaliveNotify k = codec.decode(seed("dahua2024-notify-keepalive"), KeepaliveNotify.class);
        assertThat(k.getSn()).isEqualTo(539);
        assertThat(k.getDeviceId()).isEqualTo("34020000001320000002");
        assertThat(k.getStatusFlag()).isEqualTo(StatusFlag.ON);
        assertThat(k.getDeclaredEncoding()).isEqualTo("GB2312");
        assertThat(k.getCharset()).isEqualTo(GB2312);
    }

    @Test
    void dahuaCatalogResponse() {
        CatalogResponse r = codec.decode(seed("dahua2024-response-catalog"), CatalogResponse.class);
        assertThat(r.getSn()).isEqualTo(7);
        assertThat(r.getDeviceId()).isEqualTo("34020000001320000002");
        assertThat(r.getSumNum()).isEqualTo(1);
        assertThat(r.getItems()).hasSize(1);
        CatalogItem item = r.getItems().get(0);
        assertThat(item.getDeviceId()).isEqualTo("34020000001310000001");
        assertThat(item.getName()).isEqualTo("DH71");
        assertThat(item.getManufacturer()).isEqualTo("Dahua");
        assertThat(item.getModel()).isEqualTo("DH-SD-6C3230UE-HN");
        assertThat(item.getOwner()).isEqualTo("0");
        assertThat(item.getCivilCode()).isEqualTo("340200");
        assertThat(item.getAddress()).isEqualTo("axy");
        assertThat(item.getParental()).isZero();
        assertThat(item.getParentId()).isEqualTo("34020000001320000002");
        assertThat(item.getRegisterWay()).isEqualTo(1);
        assertThat(item.getSecrecy()).isZero();
        assertThat(item.getStreamNum()).isEqualTo(2);
        assertThat(item.getStatus()).isEqualTo("ON");
        assertThat(item.getStatusFlag()).isEqualTo(StatusFlag.ON);
        assertThat(item.getInfo().getPtzType()).isEqualTo(3);
        assertThat(item.getInfo().getDownloadSpeed()).isEqualTo("1/2/4/8");
        assertThat(r.getCharset()).isEqualTo(GB2312);
    }

    @Test
    void dahuaDeviceInfoResponse() {
        DeviceInfoResponse r = codec.decode(seed("dahua2024-response-deviceinfo"), DeviceInfoResponse.class);
        assertThat(r.getSn()).isEqualTo(9);
        assertThat(r.getDeviceName()).isEqualTo("DH-SD-6C3230UE-HN");
        assertThat(r.getResultFlag()).isEqualTo(StatusFlag.ON);
        assertThat(r.getDeviceType()).isEqualTo("SD");
        assertThat(r.getManufacturer()).isEqualTo("Dahua");
        assertThat(r.getModel()).isEqualTo("DH-SD-6C3230UE-HN");
        assertThat(r.getFirmware()).isEqualTo("2.623.0000000.17.R,2019-01-19");
        assertThat(r.getMaxCamera()).isEqualTo(1);
        assertThat(r.getMaxAlarm()).isEqualTo(2);
        assertThat(r.getChannel()).isEqualTo(1);
        assertThat(r.getPort()).isEqualTo(80);
        assertThat(r.getLoginName()).isEqualTo("admin");
        assertThat(r.getPassword()).isEqualTo("******");
    }

    @Test
    void dahuaDeviceStatusResponse() {
        DeviceStatusResponse r = codec.decode(seed("dahua2024-response-devicestatus"), DeviceStatusResponse.class);
        assertThat(r.getSn()).isEqualTo(10);
        assertThat(r.getResultFlag()).isEqualTo(StatusFlag.ON);
        assertThat(r.getOnline()).isEqualTo("ONLINE");
        assertThat(r.getOnlineFlag()).isEqualTo(StatusFlag.ON);
        assertThat(r.getStatusFlag()).isEqualTo(StatusFlag.ON);
        assertThat(r.getDeviceTime()).isEqualTo("2024-05-17T14:24:54");
        assertThat(r.getEncodeFlag()).isEqualTo(StatusFlag.ON);
        assertThat(r.getRecord()).isEqualTo("OFF");
        assertThat(r.getRecordFlag()).isEqualTo(StatusFlag.OFF);
        assertThat(r.getAlarmStatus()).hasSize(2);
        assertThat(r.getAlarmStatus().get(1).getDeviceId()).isEqualTo("34020000001340000002");
        assertThat(r.getAlarmStatus().get(1).getDutyStatus()).isEqualTo("ONDUTY");
    }

    @Test
    void platformQueries() {
        assertThat(codec.decode(seed("exosip2024-query-catalog"), CatalogQuery.class).getSn()).isEqualTo(7);
        assertThat(codec.decode(seed("exosip2024-query-deviceinfo"), DeviceInfoQuery.class).getSn()).isEqualTo(9);
        DeviceStatusQuery s = codec.decode(seed("exosip2024-query-devicestatus"), DeviceStatusQuery.class);
        assertThat(s.getDeviceId()).isEqualTo("34020000001320000002");

        RecordInfoQuery q = codec.decode(seed("exosip2024-query-recordinfo"), RecordInfoQuery.class);
        assertThat(q.getSn()).isEqualTo(18);
        assertThat(q.getDeviceId()).isEqualTo("34020000001310000001");
        assertThat(q.getStartTime()).isEqualTo("2024-05-01T00:00:00");
        assertThat(q.getEndTime()).isEqualTo("2024-05-04T15:41:00");
        assertThat(q.getFilePath()).isEmpty();
        assertThat(q.getAddress()).isEmpty();
        assertThat(q.getSecrecy()).isZero();
        assertThat(q.getType()).isEqualTo("all");
        assertThat(q.getRecorderId()).isEmpty();
        assertThat(q.getIndistinctQuery()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ptz-up:16:A50F000800640020", "ptz-stop:17:A50F0000000000B4",
            "fi-focus-far:24:A50F004100640059", "fi-stop:25:A50F0000000000B4" })
    void platformControls(String spec) {
        String[] p = spec.split(":");
        DeviceControl c = codec.decode(seed("exosip2024-control-" + p[0]), DeviceControl.class);
        assertThat(c.getKind()).isEqualTo(RootKind.CONTROL);
        assertThat(c.getSn()).isEqualTo(Integer.parseInt(p[1]));
        assertThat(c.getDeviceId()).isEqualTo("34020000001310000001");
        assertThat(c.getPtzCmd()).isEqualTo(p[2]);
    }

    @Test
    void dvrRecordInfoResponseLowercaseGb2312() {
        RecordInfoResponse r = codec.decode(seed("dvr2024-response-recordinfo"), RecordInfoResponse.class);
        assertThat(r.getDeclaredEncoding()).isEqualTo("gb2312");
        assertThat(r.getCharset()).isEqualTo(GB2312);
        assertThat(r.getSn()).isEqualTo(18);
        assertThat(r.getName()).isEqualTo("IPCamera 01");
        assertThat(r.getSumNum()).isEqualTo(2);
        assertThat(r.getItems()).hasSize(2);
        assertThat(r.getItems().get(0).getFilePath()).isEqualTo("1714804996_1714806986");
        assertThat(r.getItems().get(0).getStartTime()).isEqualTo("2024-05-04T14:43:16");
        assertThat(r.getItems().get(1).getEndTime()).isEqualTo("2024-05-04T15:49:37");
        assertThat(r.getItems().get(1).getType()).isEqualTo("time");
        assertThat(r.getItems().get(1).getAddress()).isEqualTo("Address 1");
    }

    /** The capture shows LF only; the same bodies with LF line ends (and no NUL) must read the same. */
    @ParameterizedTest
    @ValueSource(strings = { "hik2013-notify-keepalive", "hik2013-query-catalog", "exosip2024-query-recordinfo",
            "dvr2024-response-recordinfo", "dahua2024-response-catalog" })
    void sameAsCapturedText(String name) {
        String text = new String(seed(name), StandardCharsets.US_ASCII).replace("\r\n", "\n").replace("\0", "");
        ManscdpMessage a = codec.decode(seed(name));
        ManscdpMessage b = codec.decode(text.getBytes(StandardCharsets.US_ASCII));
        assertThat(codec.toXml(b, GB2312)).isEqualTo(codec.toXml(a, GB2312));
    }

    /** Declared-GB2312 seeds in real GB2312 bytes (ASCII content, so identical bytes) decode the same. */
    @ParameterizedTest
    @ValueSource(strings = { "dahua2024-notify-keepalive", "dahua2024-response-catalog", "dahua2024-response-deviceinfo",
            "dahua2024-response-devicestatus", "dvr2024-response-recordinfo" })
    void declaredGb2312SeedsInGb2312Bytes(String name) {
        byte[] gb = new String(seed(name), GB2312).getBytes(GB2312);
        assertThat(gb).isEqualTo(seed(name));
        assertThat(codec.decode(gb).getCharset()).isEqualTo(GB2312);
    }

    /** Decode, encode in the device's charset, decode again: nothing is lost. */
    @ParameterizedTest
    @ValueSource(strings = { "hik2013-notify-keepalive", "hik2013-query-catalog", "dahua2024-notify-keepalive",
            "exosip2024-query-catalog", "dahua2024-response-catalog", "exosip2024-query-deviceinfo",
            "dahua2024-response-deviceinfo", "exosip2024-query-devicestatus", "dahua2024-response-devicestatus",
            "exosip2024-control-ptz-up", "exosip2024-control-ptz-stop", "exosip2024-control-fi-focus-far",
            "exosip2024-control-fi-stop", "exosip2024-query-recordinfo", "dvr2024-response-recordinfo" })
    void roundTrip(String name) {
        ManscdpMessage first = codec.decode(seed(name));
        assertThat(first).isNotInstanceOf(RawMessage.class);
        byte[] encoded = codec.encode(first);
        ManscdpMessage second = codec.decode(encoded);
        assertThat(second.getClass()).isEqualTo(first.getClass());
        assertThat(codec.toXml(second, GB2312)).isEqualTo(codec.toXml(first, GB2312));
        assertThat(second.getCharset()).isEqualTo(first.getCharset());
    }

    static byte[] seed(String name) {
        return Resources.bytes("seeds/" + name + ".xml");
    }
}
