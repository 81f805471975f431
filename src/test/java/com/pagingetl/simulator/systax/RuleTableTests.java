package com.pagingetl.simulator.systax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class RuleTableTests {

    private static RuleTable table() {
        long[] keys = {RuleKey.pack(1, 1), RuleKey.pack(1, 3), RuleKey.pack(1, 4), RuleKey.pack(2, 1), RuleKey.pack(2, 7)};
        return new RuleTable(keys, new long[] {3, 1, 5, 2, 4}, new int[5], new long[5], 5);
    }

    @Test
    void aPageStartsAtTheGivenKeyInclusiveAndCrossesScenarios() {
        RuleTable.Page page = table().page(RuleKey.pack(1, 4), 3, Long.MIN_VALUE);

        assertThat(page.rows()).extracting(row -> new RuleKey(row.cenario(), row.produto()))
                .containsExactly(new RuleKey(1, 4), new RuleKey(2, 1), new RuleKey(2, 7));
        assertThat(page.currentSequence()).isEqualTo(5);
    }

    @Test
    void aPointerFiltersRulesWithoutChangingTheOrder() {
        RuleTable.Page page = table().page(RuleKey.pack(1, 1), 10, 2);

        assertThat(page.rows()).extracting(row -> new RuleKey(row.cenario(), row.produto()))
                .containsExactly(new RuleKey(1, 1), new RuleKey(1, 4), new RuleKey(2, 7));
    }

    @Test
    void additionsAreMergedInKeyOrderWithTheNextSequencesInTheOrderGiven() {
        RuleTable table = table();

        table.addAll(List.of(new RuleKey(2, 2), new RuleKey(1, 2)), 0, 0);

        assertThat(table.allKeys()).containsExactly(new RuleKey(1, 1), new RuleKey(1, 2), new RuleKey(1, 3), new RuleKey(1, 4),
                new RuleKey(2, 1), new RuleKey(2, 2), new RuleKey(2, 7));
        assertThat(table.get(new RuleKey(2, 2)).sequence()).isEqualTo(6);
        assertThat(table.get(new RuleKey(1, 2)).sequence()).isEqualTo(7);
        assertThat(table.keysChangedAfter(5)).containsExactly(new RuleKey(1, 2), new RuleKey(2, 2));
        assertThatThrownBy(() -> table.addAll(List.of(new RuleKey(9, 9), new RuleKey(9, 9)), 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(table.size()).isEqualTo(7);
    }

    @Test
    void aChangeTakesTheNextSequenceAndANewVariant() {
        RuleTable table = table();

        RuleRow changed = table.change(new RuleKey(1, 3), 42);

        assertThat(changed.sequence()).isEqualTo(6);
        assertThat(changed.variant()).isEqualTo(1);
        assertThat(changed.updatedAt()).isEqualTo(42);
        assertThat(table.currentSequence()).isEqualTo(6);
    }
}
