package io.github.gb28181.camel.manscdp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.gb28181.camel.manscdp.model.CatalogResponse;
import io.github.gb28181.camel.manscdp.model.StandardTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One codec instance is shared by every SIP thread. */
class CodecConcurrencyTest {

    @Test
    void sharedCodecDecodesAndEncodesConcurrently() throws Exception {
        ManscdpCodec codec = StandardTypes.codec();
        byte[] seed = SeedBodiesTest.seed("dahua2024-response-catalog");
        byte[] quirky = Resources.bytes("variants/hik-response-catalog-unescaped-address.xml");
        byte[] gb = Resources.bytes("variants/dahua2024-response-catalog-chinese-gb2312.xml");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 200; i++) {
                        assertThat(codec.decode(seed, CatalogResponse.class).getItems()).hasSize(1);
                        assertThat(codec.decode(quirky, CatalogResponse.class).getItems().get(0).getAddress()).isEqualTo("A&B<C");
                        CatalogResponse r = codec.decode(gb, CatalogResponse.class);
                        assertThat(codec.decode(codec.encode(r), CatalogResponse.class).getItems().get(0).getName())
                                .isEqualTo("大华球机一号");
                    }
                }, pool));
            }
            CompletableFuture.allOf(runs.toArray(new CompletableFuture[0])).get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }
}
