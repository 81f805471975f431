package com.pagingetl.jobs.systax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.pagingetl.launch.UsageException;

class SystaxRulesParametersTests {

    @Test
    void defaultsAreAHundredRulesPerRequestAndTheSavedPointer() {
        assertThat(SystaxRulesParameters.of(Map.of())).isEqualTo(new SystaxRulesParameters(100, false));
        assertThat(SystaxRulesParameters.of(Map.of("paginacao", "2", "fullLoad", "true")))
                .isEqualTo(new SystaxRulesParameters(2, true));
    }

    @Test
    void paginacaoAboveTheApiLimitOrTooSmallToAdvanceIsAUsageError() {
        for (String bad : new String[] {"101", "1", "0", "-5", "abc", ""}) {
            assertThatThrownBy(() -> SystaxRulesParameters.of(Map.of("paginacao", bad)))
                    .isInstanceOf(UsageException.class).hasMessageContaining("paginacao=" + bad);
        }
    }

    @Test
    void fullLoadMustBeABoolean() {
        assertThatThrownBy(() -> SystaxRulesParameters.of(Map.of("fullLoad", "yes")))
                .isInstanceOf(UsageException.class).hasMessageContaining("fullLoad=yes");
    }
}
