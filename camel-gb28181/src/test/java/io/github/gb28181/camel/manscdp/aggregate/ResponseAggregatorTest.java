package io.github.gb28181.camel.manscdp.aggregate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.github.gb28181.camel.manscdp.ManscdpCodec;
import io.github.gb28181.camel.manscdp.RootKind;
import io.github.gb28181.camel.manscdp.model.CatalogItem;
import io.github.gb28181.camel.manscdp.model.CatalogNotify;
import io.github.gb28181.camel.manscdp.model.CatalogResponse;
import io.github.gb28181.camel.manscdp.model.KeepaliveNotify;
import io.github.gb28181.camel.manscdp.model.RecordInfoResponse;
import io.github.gb28181.camel.manscdp.model.RecordItem;
import io.github.gb28181.camel.manscdp.model.StandardTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseAggregatorTest {

    private static final String DEVICE = "34020000001320000002";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final List<Aggregated<?>> results = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private ResponseAggregator aggregator(Duration gap) {
        return new ResponseAggregator(scheduler, gap, results::add);
    }

    @Test
    void fiveHundredChannelsInOneHundredShuffledPartsWithDuplicates() throws Exception {
        ResponseAggregator agg = aggregator(Duration.ofSeconds(30));
        CompletableFuture<Aggregated<?>> answer = agg.expect(AggregationKey.response(DEVICE, "Catalog", 42));

        List<CatalogResponse> parts = new ArrayList<>();
        for (int p = 0; p < 100; p++) {
            parts.add(catalogPart(42, 500, p * 5, 5));
        }
        Random random = new Random(7);
        for (int d = 0; d < 25; d++) {
            parts.add(parts.get(random.nextInt(100))); // retransmissions
        }
        Collections.shuffle(parts, random);
        for (CatalogResponse part : parts) {
            assertThat(agg.offer(part)).isTrue();
        }

        assertThat(results).hasSize(1);
        Aggregated<?> result = answer.get(1, TimeUnit.SECONDS);
        assertThat(result).isSameAs(results.get(0));
        assertThat(result.isPartial()).isFalse();
        assertThat(result.getSumNum()).isEqualTo(500);
        CatalogResponse merged = result.getMessage(CatalogResponse.class);
        assertThat(merged.getItems()).hasSize(500);
        assertThat(merged.getItems().stream().map(CatalogItem::getDeviceId).collect(Collectors.toSet())).hasSize(500);
        assertThat(merged.getSn()).isEqualTo(42);
        assertThat(merged.getDeviceId()).isEqualTo(DEVICE);
        assertThat(result.getParts()).isLessThanOrEqualTo(125);
        assertThat(agg.pendingCount()).isZero();

        // the merged document encodes as one Catalog with every item
        ManscdpCodec codec = StandardTypes.codec();
        CatalogResponse reread = codec.decode(codec.encode(merged), CatalogResponse.class);
        assertThat(reread.getItems()).hasSize(500);
    }

    @Test
    void lateDuplicateAfterCompletionIsDropped() {
        ResponseAggregator agg = aggregator(Duration.ofSeconds(30));
        agg.offer(catalogPart(1, 4, 0, 2));
        agg.offer(catalogPart(1, 4, 2, 2));
        agg.offer(catalogPart(1, 4, 2, 2));
        assertThat(results).hasSize(1);
        assertThat(agg.pendingCount()).isZero();
    }

    @Test
    void gapTimeoutEmitsWhatArrivedMarkedPartial() throws Exception {
        ResponseAggregator agg = aggregator(Duration.ofMillis(50));
        CompletableFuture<Aggregated<?>> answer = agg.expect(AggregationKey.response(DEVICE, "Catalog", 9));
        agg.offer(catalogPart(9, 10, 0, 3));
        agg.offer(catalogPart(9, 10, 6, 2));

        Aggregated<?> result = answer.get(5, TimeUnit.SECONDS);
        assertThat(result.isPartial()).isTrue();
        assertThat(result.getItems()).hasSize(5);
        assertThat(result.getSumNum()).isEqualTo(10);
        assertThat(result.getParts()).isEqualTo(2);
        assertThat(results).containsExactly(result);
    }

    @Test
    void sumNumZeroCompletesAtOnceWithEmptyList() {
        ResponseAggregator agg = aggregator(Duration.ofSeconds(30));
        RecordInfoResponse none = new RecordInfoResponse();
        none.setDeviceId("34020000001310000001");
        none.setSn(5);
        none.setSumNum(0);
        assertThat(agg.offer(none)).isTrue();
        assertThat(results).hasSize(1);
        assertThat(results.get(0).isPartial()).isFalse();
        assertThat(results.get(0).getItems()).isEmpty();
    }

    @Test
    void missingSumNumMeansTheMessageIsTheWholeAnswer() {
        ResponseAggregator agg = aggregator(Duration.ofSeconds(30));
        CatalogResponse part = catalogPart(3, 3, 0, 3);
        part.setSumNum(null);
        agg.offer(part);
        assertThat(results).hasSize(1);
        assertThat(results.get(0).getItems()).hasSize(3);
    }

    @Test
    void messageWithoutSnStandsAlone() {
        ResponseAggregator agg = aggregator(Duration.ofSeconds(30));
        CatalogResponse part = catalogPart(3, 9, 0, 2);
        part.setSn(null);
        agg.offer(part);
        assertThat(results).hasSize(1);
        assertThat(results.get(0).getKey()).isNull();
        assertThat(results.get(0).getItems()).hasSize(2);
    }

    @Test
    void recordItemsAreDeduplicatedByFullContent() {
        ResponseAggregator agg = aggregator(Duration.ofSeconds(30));
        RecordInfoResponse a = recordPart(18, 3, record("a", 1L), record("b", 2L));
        RecordInfoResponse b = recordPart(18, 3, record("b", 2L), record("b", 3L)); // same path, other size
        agg.offer(a);
        assertThat(results).isEmpty();
        agg.offer(b);
        assertThat(results).hasSize(1);
        assertThat(results.get(0).getItems()).hasSize(3);
        RecordInfoResponse merged = results.get(0).getMessage(RecordInfoResponse.class);
        assertThat(merged.getName()).isEqualTo("IPCamera 01");
        assertThat(merged.getItems()).extracting(RecordItem::getFileSize).containsExactly(1L, 2L, 3L);
    }

    @Test
    void notifyAndResponseWithTheSameSnDoNotMix() {
        ResponseAggregator agg = aggregator(Duration.ofSeconds(30));
        CatalogNotify n = new CatalogNotify();
        n.setDeviceId(DEVICE);
        n.setSn(42);
        n.setSumNum(2);
        n.setItems(List.of(channel(0)));
        agg.offer(n);
        agg.offer(catalogPart(42, 2, 0, 1));
        assertThat(results).isEmpty();
        assertThat(agg.pendingCount()).isEqualTo(2);
        agg.close();
    }

    @Test
    void nonMultiPartMessagesAreNotTaken() {
        ResponseAggregator agg = aggregator(Duration.ofSeconds(30));
        assertThat(agg.offer(new KeepaliveNotify())).isFalse();
        assertThat(results).isEmpty();
    }

    @Test
    void closeCancelsWaitersAndTimers() {
        ResponseAggregator agg = aggregator(Duration.ofSeconds(30));
        CompletableFuture<Aggregated<?>> f = agg.expect(AggregationKey.response(DEVICE, "Catalog", 1));
        agg.offer(catalogPart(1, 10, 0, 1));
        agg.close();
        assertThat(f).isCompletedExceptionally();
        assertThatThrownBy(f::join).isInstanceOf(CancellationException.class);
        assertThat(agg.pendingCount()).isZero();
        assertThat(agg.offer(catalogPart(2, 1, 0, 1))).isFalse();
    }

    @Test
    void waiterThatTimesOutIsUnregistered() {
        ResponseAggregator agg = aggregator(Duration.ofSeconds(30));
        AggregationKey key = AggregationKey.response(DEVICE, "catalog", 77);
        CompletableFuture<Aggregated<?>> f = agg.expect(key);
        assertThat(agg.expect(key)).isSameAs(f);
        f.cancel(true);
        CompletableFuture<Aggregated<?>> again = agg.expect(key);
        assertThat(again).isNotSameAs(f);
        agg.offer(catalogPart(77, 1, 0, 1));
        assertThat(again).isCompleted();
    }

    @Test
    void failingListenerDoesNotBreakAggregation() {
        ResponseAggregator agg = new ResponseAggregator(scheduler, Duration.ofSeconds(30), r -> {
            throw new IllegalStateException("boom");
        });
        CompletableFuture<Aggregated<?>> f = agg.expect(AggregationKey.response(DEVICE, "Catalog", 1));
        agg.offer(catalogPart(1, 1, 0, 1));
        assertThat(f).isCompleted();
    }

    @Test
    void concurrentOffersForManyAnswersCompleteEachExactlyOnce() throws Exception {
        ResponseAggregator agg = aggregator(Duration.ofSeconds(30));
        int answers = 40;
        int partsPerAnswer = 10;
        int itemsPerPart = 4;
        List<CatalogResponse> all = new ArrayList<>();
        for (int sn = 0; sn < answers; sn++) {
            for (int p = 0; p < partsPerAnswer; p++) {
                CatalogResponse part = catalogPart(sn, partsPerAnswer * itemsPerPart, p * itemsPerPart, itemsPerPart);
                all.add(part);
                all.add(part); // every part twice, possibly on two threads at once
            }
        }
        Collections.shuffle(all, new Random(3));
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int slice = t;
            done.add(CompletableFuture.runAsync(() -> {
                await(start);
                for (int i = slice; i < all.size(); i += threads) {
                    agg.offer(all.get(i));
                }
            }, pool));
        }
        start.countDown();
        CompletableFuture.allOf(done.toArray(new CompletableFuture[0])).get(10, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(results).hasSize(answers);
        Set<Integer> sns = ConcurrentHashMap.newKeySet();
        for (Aggregated<?> r : results) {
            assertThat(sns.add(r.getKey().getSn())).isTrue();
            assertThat(r.isPartial()).isFalse();
            assertThat(r.getItems()).hasSize(partsPerAnswer * itemsPerPart);
        }
        assertThat(agg.pendingCount()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static CatalogResponse catalogPart(int sn, int sumNum, int from, int count) {
        CatalogResponse r = new CatalogResponse();
        r.setDeviceId(DEVICE);
        r.setSn(sn);
        r.setSumNum(sumNum);
        List<CatalogItem> items = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            items.add(channel(i));
        }
        r.setItems(items);
        assertThat(r.getKind()).isEqualTo(RootKind.RESPONSE);
        return r;
    }

    static CatalogItem channel(int i) {
        CatalogItem item = new CatalogItem();
        item.setDeviceId(String.format("340200000013100%05d", i));
        item.setName("通道" + i);
        item.setStatus("ON");
        return item;
    }

    private static RecordInfoResponse recordPart(int sn, int sumNum, RecordItem... items) {
        RecordInfoResponse r = new RecordInfoResponse();
        r.setDeviceId("34020000001310000001");
        r.setSn(sn);
        r.setName("IPCamera 01");
        r.setSumNum(sumNum);
        r.setItems(List.of(items));
        return r;
    }

    private static RecordItem record(String path, Long size) {
        RecordItem item = new RecordItem();
        item.setDeviceId("34020000001310000001");
        item.setFilePath(path);
        item.setStartTime("2024-05-04T14:43:16");
        item.setEndTime("2024-05-04T15:16:26");
        item.setType("time");
        item.setFileSize(size);
        return item;
    }
}
