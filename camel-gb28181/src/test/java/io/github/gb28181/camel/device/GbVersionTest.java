package io.github.gb28181.camel.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** X-GB-Ver values as GB/T 28181-2022 Annex I defines them and as devices write them. */
class GbVersionTest {

    @ParameterizedTest
    @ValueSource(strings = { "3.0", " 3.0 ", "V3.0", "v3.0", "3", "3,0", "3.0 (GB/T 28181-2022)", "3.0;vendor=x", "\t3.0\r" })
    void readsTheRevision2022HoweverSpelled(String value) {
        assertThat(GbVersion.parse(value)).isEqualTo(GbVersion.V3_0);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "abc", "3.", ".0", "3.0.1", "-3.0", "3.x", "1234.0", "GB/T 28181-2022" })
    void readsNothingFromValuesThatNameNoVersion(String value) {
        assertThat(GbVersion.parse(value)).isNull();
    }

    @Test
    void annexIVersionsAndTheirEditions() {
        assertThat(GbVersion.parse("1.0").edition()).isEqualTo("GB/T 28181-2011");
        assertThat(GbVersion.parse("1.1").edition()).isEqualTo("GB/T 28181-2011 supplement");
        assertThat(GbVersion.parse("2.0")).isEqualTo(GbVersion.V2_0);
        assertThat(GbVersion.V2_0.edition()).isEqualTo("GB/T 28181-2016");
        assertThat(GbVersion.V3_0.edition()).isEqualTo("GB/T 28181-2022");
        assertThat(GbVersion.parse("4.1").edition()).isNull();
        assertThat(GbVersion.parse(null)).isNull();
        assertThat(GbVersion.HEADER).isEqualTo("X-GB-Ver");
    }

    @Test
    void ordersByMajorThenMinor() {
        assertThat(GbVersion.V3_0.isRevision2022()).isTrue();
        assertThat(GbVersion.parse("3.1").isRevision2022()).isTrue();
        assertThat(GbVersion.V2_0.isRevision2022()).isFalse();
        assertThat(GbVersion.parse("2.10").isAtLeast(GbVersion.parse("2.9"))).isTrue();
        assertThat(GbVersion.V1_1.compareTo(GbVersion.V2_0)).isNegative();
        assertThat(GbVersion.parse("3.0").toString()).isEqualTo("3.0");
        assertThatThrownBy(() -> new GbVersion(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonIsTheHeaderValue() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(json.writeValueAsString(GbVersion.V3_0)).isEqualTo("\"3.0\"");
        assertThat(json.readValue("\"V2.0\"", GbVersion.class)).isEqualTo(GbVersion.V2_0);
        assertThat(json.readValue("\"nonsense\"", GbVersion.class)).isNull();
    }
}
