package com.pagingetl.jobs.systax;

import static com.pagingetl.testing.Utf8.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.pagingetl.http.ApiCallException;
import com.pagingetl.paging.Page;
import com.pagingetl.paging.PageToken;
import com.pagingetl.paging.PagedItem;
import com.pagingetl.progress.ProgressMonitor;

class SystaxRulesPaginationTests {

    /** An in-memory rules API: rules by pair with their change sequence, paged from a pair inclusive. */
    static final class FakeApi implements RulesFetcher {
        final TreeMap<RulePair, Long> rules = new TreeMap<>();
        final List<String> requests = new ArrayList<>();
        long sequence;

        FakeApi add(long cenario, long fromProduto, int count) {
            for (int i = 0; i < count; i++) {
                rules.put(new RulePair(cenario, fromProduto + i), ++sequence);
            }
            return this;
        }

        void change(RulePair pair) {
            rules.put(pair, ++sequence);
        }

        @Override
        public byte[] fetch(RulePair start, int paginacao, String pointer) {
            requests.add(start.idCenario() + "/" + start.codigoProduto() + "|" + paginacao + "|" + pointer);
            long after = pointer.isEmpty() ? 0 : Long.parseLong(pointer);
            String regras = rules.tailMap(start, true).entrySet().stream()
                    .filter(e -> e.getValue() > after)
                    .limit(paginacao)
                    .map(e -> "{\"id_cenario\": " + e.getKey().idCenario() + ", \"codigo_produto\": " + e.getKey().codigoProduto()
                            + ", \"ponteiro_atualizacao\": \"" + e.getValue() + "\"}")
                    .collect(Collectors.joining(","));
            return ("{\"success\":true,\"ponteiro_atualizacao\":\"" + sequence + "\",\"regras\":[" + regras + "]}").getBytes();
        }
    }

    private static List<String> readAll(SystaxRulesPagination pagination) {
        List<String> all = new ArrayList<>();
        PageToken token = pagination.firstPage();
        while (token != null) {
            Page<byte[]> page = pagination.fetch(token);
            all.addAll(text(page.items()));
            token = page.next();
        }
        return all;
    }

    private static List<String> pairsOf(List<String> records) {
        return records.stream().map(r -> r.replaceAll(".*\"id_cenario\":(\\d+),\"codigo_produto\":(\\d+).*", "$1/$2")).toList();
    }

    @Test
    void theSeedExampleTakesThreeRequestsAndWritesEachOf220RulesOnce() {
        // given 220 changed rules of one scenario, after 80 unchanged ones
        FakeApi api = new FakeApi().add(1, 1, 300);
        String before = Long.toString(api.sequence);
        for (long p = 81; p <= 300; p++) {
            api.change(new RulePair(1, p));
        }
        ProcessPointer pointer = new ProcessPointer(before);

        // when
        List<String> rules = readAll(new SystaxRulesPagination(api, new RulePair(1, 1), 100, pointer));

        // then: 1-100, then 100-199, then 199-220; the boundary rules are written once
        assertThat(api.requests).containsExactly("1/1|100|300", "1/180|100|300", "1/279|100|300");
        assertThat(pairsOf(rules)).hasSize(220).doesNotHaveDuplicates().first().isEqualTo("1/81");
        assertThat(pairsOf(rules)).last().isEqualTo("1/300");
        assertThat(pointer.first()).isEqualTo("520");
    }

    @Test
    void aPageMayCrossIntoTheNextScenario() {
        // given
        FakeApi api = new FakeApi().add(1, 1, 150).add(2, 1, 30);

        // when
        List<String> rules = readAll(new SystaxRulesPagination(api, new RulePair(1, 1), 100, new ProcessPointer("")));

        // then: the second page starts at (1, 100) and runs into scenario 2
        assertThat(api.requests).containsExactly("1/1|100|", "1/100|100|");
        assertThat(pairsOf(rules)).hasSize(180).doesNotHaveDuplicates().contains("1/150", "2/1", "2/30");
    }

    @Test
    void aLastFullPageIsFollowedByABoundaryOnlyPageThatEndsTheProcess() {
        // given 199 rules: 100, then 100 (100..199), then only the boundary 199
        FakeApi api = new FakeApi().add(3, 10, 199);
        SystaxRulesPagination pagination = new SystaxRulesPagination(api, new RulePair(1, 1), 100, new ProcessPointer(""));

        // when
        Page<byte[]> first = pagination.fetch(pagination.firstPage());
        Page<byte[]> second = pagination.fetch(first.next());
        Page<byte[]> third = pagination.fetch(second.next());

        // then
        assertThat(text(first.items())).hasSize(100);
        assertThat(text(second.items())).hasSize(99);
        assertThat(second.isLast()).isFalse();
        assertThat(text(third.items())).isEmpty();
        assertThat(third.isLast()).isTrue();
        assertThat(api.requests).containsExactly("1/1|100|", "3/109|100|", "3/208|100|");
    }

    @Test
    void resumeAfterARuleStartsAtItsPairAndDropsIt() {
        // given
        FakeApi api = new FakeApi().add(1, 1, 250);
        SystaxRulesPagination pagination = new SystaxRulesPagination(api, new RulePair(1, 1), 100, new ProcessPointer(""));
        Page<byte[]> first = pagination.fetch(pagination.firstPage());
        Page<byte[]> second = pagination.fetch(first.next());

        // when: resume after the 10th rule of the second page (1/110: the page holds 1/101.. once 1/100 is dropped)
        PageToken resume = second.resumeAfter().apply(9);
        Page<byte[]> resumed = pagination.fetch(resume);

        // then
        assertThat(resume.value()).isEqualTo("after:1:110");
        assertThat(pairsOf(text(resumed.items()))).first().isEqualTo("1/111");
        assertThat(pagination.describe(resume)).isEqualTo("id_cenario 1, codigo_produto 110, boundary rule already written");
    }

    @Test
    void aRestartedReaderContinuesAfterTheLastCommittedRuleAndKeepsTheFirstPointer() {
        // given a reader that committed 150 of 250 rules
        FakeApi api = new FakeApi().add(1, 1, 250);
        ProcessPointer pointer = new ProcessPointer("");
        SystaxRulesReader reader = new SystaxRulesReader("test", new SystaxRulesPagination(api, new RulePair(1, 1), 100, pointer),
                pointer, ProgressMonitor.SILENT);
        ExecutionContext context = new ExecutionContext();
        reader.open(context);
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            written.add(text(reader.read().value()));
        }
        reader.update(context);
        reader.close();
        // rules change meanwhile: the pointer moves, and a changed rule ahead is still read in this process
        api.change(new RulePair(1, 200));
        api.requests.clear();

        // when
        ProcessPointer again = new ProcessPointer("");
        SystaxRulesReader restarted = new SystaxRulesReader("test", new SystaxRulesPagination(api, new RulePair(1, 1), 100, again),
                again, ProgressMonitor.SILENT);
        restarted.open(context);
        PagedItem<byte[]> item;
        while ((item = restarted.read()) != null) {
            written.add(text(item.value()));
        }

        // then
        assertThat(pairsOf(written)).hasSize(250).doesNotHaveDuplicates();
        assertThat(api.requests).first().isEqualTo("1/150|100|");
        assertThat(context.getString(ProcessPointer.FIRST_KEY)).isEqualTo("250");
        assertThat(again.first()).isEqualTo("250");
    }

    @Test
    void aFullPageThatDoesNotAdvanceFailsInsteadOfLooping() {
        // given a server that ignores the pair and answers the same full page again
        FakeApi api = new FakeApi().add(1, 1, 100);
        RulesFetcher stuck = (start, paginacao, pointer) -> api.fetch(new RulePair(1, 1), paginacao, pointer);
        SystaxRulesPagination pagination = new SystaxRulesPagination(stuck, new RulePair(1, 1), 100, new ProcessPointer(""));
        Page<byte[]> first = pagination.fetch(pagination.firstPage());

        // when / then
        assertThatThrownBy(() -> pagination.fetch(first.next()))
                .isInstanceOf(ApiCallException.class)
                .hasMessageContaining("does not advance past it")
                .hasMessageContaining("id_cenario 1, codigo_produto 100");
    }

    @Test
    void aFullPageOfOnePairFailsInsteadOfLooping() {
        // given
        String rule = "{\"id_cenario\":1,\"codigo_produto\":5}";
        RulesFetcher samePair = (start, paginacao, pointer) ->
                ("{\"ponteiro_atualizacao\":\"9\",\"regras\":[" + rule + "," + rule + "]}").getBytes();
        SystaxRulesPagination pagination = new SystaxRulesPagination(samePair, new RulePair(1, 5), 2, new ProcessPointer(""));

        // when / then
        assertThatThrownBy(() -> pagination.fetch(RulesToken.after(new RulePair(1, 5)).token()))
                .isInstanceOf(ApiCallException.class).hasMessageContaining("does not advance");
    }

    @Test
    void rulesOutOfOrderFailTheRun() {
        // given
        RulesFetcher unordered = (start, paginacao, pointer) -> ("{\"regras\":[{\"id_cenario\":2,\"codigo_produto\":1},"
                + "{\"id_cenario\":1,\"codigo_produto\":7}]}").getBytes();
        SystaxRulesPagination pagination = new SystaxRulesPagination(unordered, new RulePair(1, 1), 100, new ProcessPointer(""));

        // when / then
        assertThatThrownBy(() -> pagination.fetch(pagination.firstPage()))
                .isInstanceOf(ApiCallException.class).hasMessageContaining("out of order");
    }

    @Test
    void onlyTheFirstResponsesPointerIsKept() {
        // given
        ProcessPointer pointer = new ProcessPointer("7");

        // when
        pointer.offer("10");
        pointer.offer("12");
        ExecutionContext context = new ExecutionContext();
        pointer.update(context);
        ProcessPointer restarted = new ProcessPointer("7");
        restarted.open(context);
        restarted.offer("15");

        // then
        assertThat(restarted.first()).isEqualTo("10");
        assertThat(ProcessPointer.saved(context)).isEqualTo("10");
        assertThat(ProcessPointer.sent(context)).isEqualTo("7");
    }

    @Test
    void withoutAPointerInTheFirstResponseTheSentPointerIsSavedAgain() {
        // given
        ProcessPointer pointer = new ProcessPointer("7");
        ExecutionContext context = new ExecutionContext();

        // when
        pointer.offer(null);
        pointer.update(context);

        // then
        assertThat(ProcessPointer.saved(context)).isEqualTo("7");
    }

    @Test
    void tokensRoundTripAndBadOnesAreRefused() {
        assertThat(RulesToken.parse(RulesToken.from(new RulePair(1, 1)).token())).isEqualTo(RulesToken.from(new RulePair(1, 1)));
        assertThat(RulesToken.parse(PageToken.of("after:12:345"))).isEqualTo(RulesToken.after(new RulePair(12, 345)));
        assertThatThrownBy(() -> RulesToken.parse(PageToken.of("next:1:2"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RulesToken.parse(PageToken.of("after:x:2"))).isInstanceOf(IllegalArgumentException.class);
    }
}
