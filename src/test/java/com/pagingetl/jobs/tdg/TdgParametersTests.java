package com.pagingetl.jobs.tdg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.pagingetl.launch.UsageException;

class TdgParametersTests {

    @Test
    void snapshotIsTheDefaultAndAsOfTakesAnExactVersion() {
        assertThat(TdgParameters.of(Map.of("type", "Country")).mode()).isEqualTo(TdgMode.SNAPSHOT);
        TdgParameters asOf = TdgParameters.of(Map.of("type", "Country", "mode", "asOf", "version", "1639990000123456789"));
        assertThat(asOf.version()).isEqualTo("1639990000123456789");
    }

    @Test
    void badParametersAreUsageErrorsNamingTheParameter() {
        assertThatThrownBy(() -> TdgParameters.of(Map.of())).isInstanceOf(UsageException.class).hasMessageContaining("type=");
        assertThatThrownBy(() -> TdgParameters.of(Map.of("type", "Coun try"))).hasMessageContaining("type=Coun try");
        assertThatThrownBy(() -> TdgParameters.of(Map.of("type", "Country", "mode", "latest")))
                .hasMessageContaining("mode=latest");
        assertThatThrownBy(() -> TdgParameters.of(Map.of("type", "Country", "mode", "asOf")))
                .hasMessageContaining("mode=asOf needs version=");
        assertThatThrownBy(() -> TdgParameters.of(Map.of("type", "Country", "mode", "asOf", "version", "1.5e18")))
                .hasMessageContaining("version=1.5e18");
        assertThatThrownBy(() -> TdgParameters.of(Map.of("type", "Country", "version", "1514")))
                .hasMessageContaining("applies only to mode=asOf");
        assertThatThrownBy(() -> TdgParameters.of(Map.of("type", "Country", "fullRefresh", "yes")))
                .hasMessageContaining("fullRefresh=yes");
    }
}
