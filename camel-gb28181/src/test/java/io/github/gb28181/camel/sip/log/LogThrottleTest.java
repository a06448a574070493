package io.github.gb28181.camel.sip.log;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogThrottleTest {

    @Test
    void letsTenLinesAWindowThroughAndTellsWhatItHeldBack() {
        long[] now = {0};
        LogThrottle throttle = new LogThrottle(() -> now[0]);
        List<String> admitted = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            admitted.add(throttle.admit());
        }
        assertThat(admitted.subList(0, 10)).containsOnly("");
        assertThat(admitted.subList(10, 25)).containsOnlyNulls();

        now[0] += TimeUnit.SECONDS.toNanos(10);
        assertThat(throttle.admit()).isEqualTo(" (15 more like this not logged)");
        assertThat(throttle.admit()).isEmpty();
    }
}
