package io.github.gb28181.camel.manscdp;

import java.nio.charset.StandardCharsets;

import io.github.gb28181.camel.manscdp.model.DeviceControl;
import io.github.gb28181.camel.manscdp.model.DeviceInfoQuery;
import io.github.gb28181.camel.manscdp.model.DragZoom;
import io.github.gb28181.camel.manscdp.model.ResultResponse;
import io.github.gb28181.camel.manscdp.model.StandardTypes;
import io.github.gb28181.camel.manscdp.ptz.PtzCmd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each document type with every modelled element, in the standard's order and in our output layout:
 * decoding then encoding must reproduce it exactly, which proves every field is read, written, and
 * written in order.
 */
class FullDocumentsTest {

    private final ManscdpCodec codec = StandardTypes.codec();

    @ParameterizedTest
    @ValueSource(strings = {
            "Notify|Keepalive|<Status>OK</Status><Info><DeviceID>1</DeviceID><DeviceID>2</DeviceID></Info>",
            "Notify|Alarm|<AlarmPriority>1</AlarmPriority><AlarmMethod>2</AlarmMethod><AlarmTime>2024-05-17T14:24:54</AlarmTime>"
                    + "<AlarmDescription>越界</AlarmDescription><Longitude>120.5</Longitude><Latitude>30.25</Latitude>"
                    + "<Info><AlarmType>2</AlarmType><AlarmTypeParam><EventType>1</EventType></AlarmTypeParam></Info>",
            "Notify|MobilePosition|<Time>2024-05-17T14:24:54</Time><Longitude>120.123456</Longitude><Latitude>30</Latitude>"
                    + "<Speed>12.5</Speed><Direction>90</Direction><Altitude>8</Altitude>",
            "Notify|MediaStatus|<NotifyType>121</NotifyType>",
            "Notify|Broadcast|<SourceID>34020000002000000001</SourceID><TargetID>34020000001370000001</TargetID>",
            "Notify|Catalog|<SumNum>1</SumNum><DeviceList Num=\"1\"><Item><DeviceID>3402</DeviceID><Event>ADD</Event>"
                    + "<Name>门口</Name><Status>ON</Status></Item></DeviceList>",
            "Response|Catalog|<SumNum>1</SumNum><DeviceList Num=\"1\"><Item><DeviceID>3402</DeviceID><Name>大门</Name>"
                    + "<Manufacturer>Hikvision</Manufacturer><Model>DS-2CD</Model><Owner>Owner</Owner><CivilCode>340200</CivilCode>"
                    + "<Block>B</Block><Address>A&amp;B&lt;C</Address><Parental>0</Parental><ParentID>3402000000</ParentID>"
                    + "<SafetyWay>0</SafetyWay><RegisterWay>1</RegisterWay><CertNum>C1</CertNum><Certifiable>0</Certifiable>"
                    + "<ErrCode>400</ErrCode><EndTime>2030-01-01T00:00:00</EndTime><Secrecy>0</Secrecy>"
                    + "<IPAddress>192.168.1.2</IPAddress><Port>5060</Port><Password>p</Password><Status>OFF</Status>"
                    + "<Longitude>120.1</Longitude><Latitude>30.2</Latitude><StreamNum>2</StreamNum><Info><PTZType>1</PTZType>"
                    + "<PositionType>1</PositionType><RoomType>1</RoomType><UseType>1</UseType><SupplyLightType>1</SupplyLightType>"
                    + "<DirectionType>1</DirectionType><Resolution>6/4</Resolution><BusinessGroupID>G1</BusinessGroupID>"
                    + "<DownloadSpeed>1/2/4</DownloadSpeed><SVCSpaceSupportMode>0</SVCSpaceSupportMode>"
                    + "<SVCTimeSupportMode>0</SVCTimeSupportMode></Info></Item></DeviceList>",
            "Response|Catalog|<SumNum>0</SumNum>",
            "Response|RecordInfo|<Name>IPCamera 01</Name><SumNum>0</SumNum>",
            "Response|Catalog|<Result>OK</Result>",
            "Response|DeviceInfo|<DeviceName>n</DeviceName><Result>OK</Result><DeviceType>IPC</DeviceType>"
                    + "<Manufacturer>m</Manufacturer><Model>x</Model><Firmware>f</Firmware><MaxCamera>1</MaxCamera>"
                    + "<MaxAlarm>2</MaxAlarm><Channel>3</Channel><Port>80</Port><LoginName>admin</LoginName><Password>*</Password>",
            "Response|DeviceStatus|<Result>OK</Result><Online>ONLINE</Online><Status>OK</Status><Reason>r</Reason>"
                    + "<Encode>ON</Encode><Record>OFF</Record><DeviceTime>2024-05-17T14:24:54</DeviceTime>"
                    + "<Alarmstatus Num=\"1\"><Item><DeviceID>1</DeviceID><DutyStatus>ONDUTY</DutyStatus></Item></Alarmstatus>",
            "Response|RecordInfo|<Name>IPCamera 01</Name><SumNum>1</SumNum><RecordList Num=\"1\"><Item><DeviceID>1</DeviceID>"
                    + "<Name>n</Name><FilePath>p</FilePath><Address>a</Address><StartTime>2024-05-04T14:43:16</StartTime>"
                    + "<EndTime>2024-05-04T15:16:26</EndTime><Secrecy>0</Secrecy><Type>time</Type><RecorderID>r</RecorderID>"
                    + "<FileSize>2124794308</FileSize></Item></RecordList>",
            "Response|DeviceControl|<Result>OK</Result>",
            "Response|DeviceConfig|<Result>ERROR</Result>",
            "Response|Alarm|<Result>OK</Result>",
            "Response|PresetQuery|<PresetList Num=\"1\"><Item><PresetID>1</PresetID><PresetName>门口</PresetName></Item></PresetList>",
            "Response|ConfigDownload|<Result>OK</Result><BasicParam><Name>n</Name><DeviceID>d</DeviceID>"
                    + "<SIPServerID>s</SIPServerID><SIPServerIP>10.0.0.1</SIPServerIP><SIPServerPort>5060</SIPServerPort>"
                    + "<DomainName>3402000000</DomainName><Expiration>3600</Expiration><Password>p</Password>"
                    + "<HeartBeatInterval>60</HeartBeatInterval><HeartBeatCount>3</HeartBeatCount></BasicParam>",
            "Query|Catalog|<StartTime>2024-05-01T00:00:00</StartTime><EndTime>2024-05-02T00:00:00</EndTime>",
            "Query|DeviceInfo|",
            "Query|DeviceStatus|",
            "Query|PresetQuery|",
            "Query|RecordInfo|<StartTime>a</StartTime><EndTime>b</EndTime><FilePath></FilePath><Address></Address>"
                    + "<Secrecy>0</Secrecy><Type>all</Type><RecorderID></RecorderID><IndistinctQuery>0</IndistinctQuery>",
            "Query|ConfigDownload|<ConfigType>BasicParam/VideoParamOpt</ConfigType>",
            "Query|MobilePosition|<Interval>5</Interval>",
            "Query|Alarm|<StartAlarmPriority>0</StartAlarmPriority><EndAlarmPriority>0</EndAlarmPriority>"
                    + "<AlarmMethod>0</AlarmMethod><AlarmType>1</AlarmType><StartAlarmTime>a</StartAlarmTime>"
                    + "<EndAlarmTime>b</EndAlarmTime>",
            "Control|DeviceControl|<PTZCmd>A50F000800640020</PTZCmd><TeleBoot>Boot</TeleBoot><RecordCmd>Record</RecordCmd>"
                    + "<GuardCmd>SetGuard</GuardCmd><AlarmCmd>ResetAlarm</AlarmCmd><IFameCmd>Send</IFameCmd>"
                    + "<DragZoomIn><Length>1080</Length><Width>1920</Width><MidPointX>10</MidPointX><MidPointY>20</MidPointY>"
                    + "<LengthX>30</LengthX><LengthY>40</LengthY></DragZoomIn><DragZoomOut><Length>1</Length></DragZoomOut>"
                    + "<HomePosition><Enabled>1</Enabled><ResetTime>30</ResetTime><PresetIndex>2</PresetIndex></HomePosition>"
                    + "<Info><ControlPriority>5</ControlPriority></Info>",
            "Control|DeviceConfig|<BasicParam><Name>n</Name><Expiration>3600</Expiration>"
                    + "<HeartBeatInterval>60</HeartBeatInterval><HeartBeatCount>3</HeartBeatCount></BasicParam>" })
    void decodeThenEncodeReproducesTheDocument(String spec) {
        String[] p = spec.split("\\|", -1);
        String canonical = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + p[0] + "><CmdType>" + p[1] + "</CmdType><SN>17</SN>"
                + "<DeviceID>34020000001320000002</DeviceID>" + p[2] + "</" + p[0] + ">").replaceAll(">(?=<)", ">\r\n")
                .replaceAll("<(\\w+)([^>]*)>\r\n</\\1>", "<$1$2></$1>") + "\r\n"; // empty elements stay on one line
        ManscdpMessage m = codec.decode(canonical.getBytes(StandardCharsets.UTF_8));
        assertThat(m).as(spec).isNotInstanceOf(RawMessage.class);
        assertThat(m.getKind().elementName()).isEqualTo(p[0]);
        assertThat(codec.toXml(m, StandardCharsets.UTF_8)).isEqualTo(canonical);
    }

    @Test
    void ptzControlBuiltInCodeIsExactlyTheStandardLayout() {
        DeviceControl c = new DeviceControl();
        c.setSn(16);
        c.setDeviceId("34020000001310000001");
        c.setPtzCmd(PtzCmd.up(100).toHex());
        c.setControlPriority(5);
        assertThat(new String(codec.encode(c, StandardCharsets.US_ASCII), StandardCharsets.US_ASCII)).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"US-ASCII\"?>\r\n<Control>\r\n<CmdType>DeviceControl</CmdType>\r\n<SN>16</SN>\r\n"
                        + "<DeviceID>34020000001310000001</DeviceID>\r\n<PTZCmd>A50F000800640020</PTZCmd>\r\n"
                        + "<Info>\r\n<ControlPriority>5</ControlPriority>\r\n</Info>\r\n</Control>\r\n");
    }

    @Test
    void dragZoomAndQueriesBuiltInCode() {
        DeviceControl c = new DeviceControl();
        DragZoom z = new DragZoom();
        z.setLength(1080);
        z.setWidth(1920);
        c.setDragZoomIn(z);
        assertThat(codec.toXml(c, StandardCharsets.UTF_8)).contains("<DragZoomIn>\r\n<Length>1080</Length>\r\n<Width>1920</Width>\r\n</DragZoomIn>");
        DeviceInfoQuery q = new DeviceInfoQuery();
        q.setSn(9);
        q.setDeviceId("34020000001320000002");
        assertThat(codec.toXml(q, StandardCharsets.UTF_8)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<Query>\r\n"
                + "<CmdType>DeviceInfo</CmdType>\r\n<SN>9</SN>\r\n<DeviceID>34020000001320000002</DeviceID>\r\n</Query>\r\n");
    }

    @Test
    void resultReplyMirrorsTheRequestAndItsCharset() {
        ManscdpMessage alarm = codec.decode(("<?xml version=\"1.0\" encoding=\"GB2312\"?><Notify><CmdType>Alarm</CmdType>"
                + "<SN>5</SN><DeviceID>34020000001340000001</DeviceID></Notify>").getBytes(StandardCharsets.US_ASCII));
        ResultResponse reply = ResultResponse.replyTo(alarm, true);
        String xml = new String(codec.encodeLike(reply, alarm), StandardCharsets.US_ASCII);
        assertThat(xml).isEqualTo("<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response>\r\n<CmdType>Alarm</CmdType>\r\n"
                + "<SN>5</SN>\r\n<DeviceID>34020000001340000001</DeviceID>\r\n<Result>OK</Result>\r\n</Response>\r\n");
    }
}
