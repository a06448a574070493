package io.github.gb28181.camel.manscdp.aggregate;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.ManscdpMessage;
import io.github.gb28181.camel.manscdp.MultiPart;
import io.github.gb28181.camel.manscdp.model.CatalogItem;
import io.github.gb28181.camel.manscdp.model.CatalogItemInfo;
import io.github.gb28181.camel.manscdp.model.CatalogNotify;
import io.github.gb28181.camel.manscdp.model.CatalogResponse;
import io.github.gb28181.camel.manscdp.model.RecordInfoResponse;
import io.github.gb28181.camel.manscdp.model.RecordItem;
import io.github.gb28181.camel.manscdp.model.StandardTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Large answers leave in parts the way GB/T 28181-2022 Annex M wants them, and our own aggregator, which reads parts
 * the way devices send them, puts every answer back together.
 */
class AnswerSplitterTest {

    private static final String PLATFORM = "34020000002000000001";
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final ManscdpCodec codec = StandardTypes.codec();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<Aggregated<?>> results = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void partsCarryTheTotalAndComeBackTogether() throws Exception {
        CatalogResponse whole = catalog(25);
        List<MultiPart<CatalogItem>> parts = AnswerSplitter.split(whole, 10);
        assertThat(parts).extracting(p -> p.getItems().size()).containsExactly(10, 10, 5);
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.getSumNum()).isEqualTo(25);
            assertThat(((ManscdpMessage) p).getSn()).isEqualTo(77);
            assertThat(((ManscdpMessage) p).getDeviceId()).isEqualTo(PLATFORM);
        });
        assertThat(whole.getSumNum()).as("the whole is left as it was").isNull();

        CatalogResponse merged = reassemble(parts, "Catalog", CatalogResponse.class);
        assertThat(merged.getItems()).containsExactlyInAnyOrderElementsOf(whole.getItems());
    }

    @Test
    void anEmptyAnswerIsOnePartWithSumNumZeroAndNoList() {
        List<MultiPart<CatalogItem>> parts = AnswerSplitter.split(catalog(0), 100);
        assertThat(parts).singleElement().satisfies(p -> assertThat(p.getSumNum()).isZero());
        String xml = codec.toXml((ManscdpMessage) parts.get(0), StandardCharsets.UTF_8);
        assertThat(xml).contains("<SumNum>0</SumNum>").doesNotContain("DeviceList");
        assertThat(AnswerSplitter.splitToFit(catalog(0), codec, GB18030, 1000)).hasSize(1);
    }

    @Test
    void aNotificationCountsItsOwnItems() {
        CatalogNotify notify = new CatalogNotify();
        notify.setSn(5);
        notify.setDeviceId(PLATFORM);
        notify.setItems(catalog(7).getItems());
        List<MultiPart<CatalogItem>> parts = AnswerSplitter.split(notify, 3);
        // Annex N.4.3.2: in a notification SumNum equals the Num of its DeviceList
        assertThat(parts).extracting(MultiPart::getSumNum).containsExactly(3, 3, 1);
        assertThat(codec.toXml((ManscdpMessage) parts.get(2), StandardCharsets.UTF_8))
                .contains("<SumNum>1</SumNum>\r\n<DeviceList Num=\"1\">");
    }

    @Test
    void partsFitAUdpBudgetAndHanziCountInBytes() throws Exception {
        CatalogResponse whole = catalog(40);
        int budget = 900; // what a 1300-byte UDP MESSAGE leaves for the body after ~400 bytes of headers
        List<MultiPart<CatalogItem>> parts = AnswerSplitter.splitToFit(whole, codec, GB18030, budget);
        int largest = 0;
        for (MultiPart<CatalogItem> part : parts) {
            int size = codec.encode((ManscdpMessage) part, GB18030).length;
            largest = Math.max(largest, size);
            assertThat(size).isLessThanOrEqualTo(budget);
        }
        // as full as the budget allows: no two neighbouring parts would have fitted together
        for (int i = 0; i + 1 < parts.size(); i++) {
            List<CatalogItem> both = new ArrayList<>(parts.get(i).getItems());
            both.add(parts.get(i + 1).getItems().get(0));
            CatalogResponse tooMuch = whole.withItems(both);
            tooMuch.setSumNum(40);
            assertThat(codec.encode(tooMuch, GB18030).length).isGreaterThan(budget);
        }
        assertThat(parts.size()).isBetween(10, 40);
        assertThat(AnswerSplitter.needsTcp(40, largest + 400)).isFalse();
        assertThat(reassemble(parts, "Catalog", CatalogResponse.class).getItems())
                .containsExactlyInAnyOrderElementsOf(whole.getItems());
    }

    @Test
    void anItemTooLargeForTheBudgetGoesAloneAndNeedsTcp() {
        CatalogResponse whole = catalog(3);
        whole.getItems().get(1).setAddress("长".repeat(2000));
        List<MultiPart<CatalogItem>> parts = AnswerSplitter.splitToFit(whole, codec, GB18030, 900);
        assertThat(parts).extracting(p -> p.getItems().size()).containsExactly(1, 1, 1);
        int big = codec.encode((ManscdpMessage) parts.get(1), GB18030).length;
        assertThat(big).isGreaterThan(4000);
        assertThat(AnswerSplitter.needsTcp(3, big)).isTrue();
    }

    @Test
    void recordAnswersKeepTheirName() throws Exception {
        RecordInfoResponse whole = new RecordInfoResponse();
        whole.setSn(9);
        whole.setDeviceId("34020000001320000001");
        whole.setName("南门枪机");
        List<RecordItem> items = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            RecordItem r = new RecordItem();
            r.setDeviceId("34020000001320000001");
            r.setStartTime("2023-07-01T%02d:00:00".formatted(i));
            r.setEndTime("2023-07-01T%02d:59:59".formatted(i));
            r.setStreamNumber(i % 2);
            items.add(r);
        }
        whole.setItems(items);
        List<MultiPart<RecordItem>> parts = AnswerSplitter.split(whole, 5);
        assertThat(parts).allSatisfy(p -> assertThat(((RecordInfoResponse) p).getName()).isEqualTo("南门枪机"));
        assertThat(reassemble(parts, "RecordInfo", RecordInfoResponse.class).getItems())
                .containsExactlyInAnyOrderElementsOf(items);
    }

    @Test
    void annexMThresholds() {
        assertThat(AnswerSplitter.needsTcp(10_000, 1300)).isFalse();
        assertThat(AnswerSplitter.needsTcp(10_001, 500)).isTrue();
        assertThat(AnswerSplitter.needsTcp(1, 1301)).isTrue();
        assertThat(AnswerSplitter.split(catalog(10_001), 10_000)).extracting(p -> p.getItems().size())
                .containsExactly(10_000, 1);
        assertThatThrownBy(() -> AnswerSplitter.split(catalog(1), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnswerSplitter.split(catalog(1), 10_001)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Encodes each part, decodes it as a receiver would, and feeds our aggregator last part first. */
    private <M extends ManscdpMessage> M reassemble(List<? extends MultiPart<?>> parts, String cmdType, Class<M> type)
            throws Exception {
        ResponseAggregator aggregator = new ResponseAggregator(scheduler, Duration.ofSeconds(30), results::add);
        int sn = ((ManscdpMessage) parts.get(0)).getSn();
        var answer = aggregator.expect(AggregationKey.response(((ManscdpMessage) parts.get(0)).getDeviceId(), cmdType, sn));
        for (int i = parts.size() - 1; i >= 0; i--) {
            assertThat(aggregator.offer(codec.decode(codec.encode((ManscdpMessage) parts.get(i), GB18030)))).isTrue();
        }
        Aggregated<?> result = answer.get();
        assertThat(result.isPartial()).isFalse();
        return result.getMessage(type);
    }

    private static CatalogResponse catalog(int channels) {
        CatalogResponse whole = new CatalogResponse();
        whole.setSn(77);
        whole.setDeviceId(PLATFORM);
        List<CatalogItem> items = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            CatalogItem item = new CatalogItem();
            item.setDeviceId("340200000013200%05d".formatted(i));
            item.setName("通道" + i + " 南门广场");
            item.setManufacturer("Hikvision");
            item.setCivilCode("34020000");
            item.setAddress("安徽省合肥市某路" + i + "号");
            item.setParentId(PLATFORM);
            item.setStatus("ON");
            CatalogItemInfo info = new CatalogItemInfo();
            info.setPtzType(i % 4 + 1);
            info.setStreamNumberList("0/1");
            item.setInfo(info);
            items.add(item);
        }
        whole.setItems(items);
        return whole;
    }
}
