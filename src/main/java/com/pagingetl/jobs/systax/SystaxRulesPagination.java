package com.pagingetl.jobs.systax;

import java.util.List;

import com.pagingetl.http.ApiCallException;
import com.pagingetl.paging.Page;
import com.pagingetl.paging.PageToken;
import com.pagingetl.paging.PaginationStrategy;

/**
 * The Systax "ponteiro de atualização" walk. The first request starts at the lowest pair (1, 1 by default);
 * every later one changes only {@code (id_cenario, codigo_produto)}, set to the last pair of the previous
 * page, and always sends the pointer the process started with. Boundaries are inclusive: a page starts AT
 * the pair asked for, so its first record repeats the previous page's last one and is dropped here. The
 * process ends at the first page with fewer raw records (boundary included) than {@code paginacao}.
 *
 * <p>Every page offers {@link Page#resumeAfter}: after rule i the position is "at rule i's pair, dropping
 * a first record with that pair", so a restart resumes exactly after the last rule written even if the
 * data changed since. A page whose pairs go backwards, or a full page whose last pair does not advance past
 * the pair asked for, would make the walk skip or loop, and fails instead.
 *
 * <p>Stateless apart from the {@link ProcessPointer} it reports each response's pointer to; not shared
 * between step executions.
 */
final class SystaxRulesPagination implements PaginationStrategy<byte[]> {

    private final RulesFetcher fetcher;
    private final RulePair start;
    private final int paginacao;
    private final ProcessPointer pointer;

    SystaxRulesPagination(RulesFetcher fetcher, RulePair start, int paginacao, ProcessPointer pointer) {
        this.fetcher = fetcher;
        this.start = start;
        this.paginacao = paginacao;
        this.pointer = pointer;
    }

    @Override
    public PageToken firstPage() {
        return RulesToken.from(start).token();
    }

    @Override
    public Page<byte[]> fetch(PageToken token) {
        RulesToken at = RulesToken.parse(token);
        RulesResponse response = RulesResponse.parse(fetcher.fetch(at.pair(), paginacao, pointer.sent()));
        List<RulePair> pairs = response.pairs();
        int raw = pairs.size();
        boolean last = raw < paginacao;
        if (!last && !pairs.get(raw - 1).isAfter(at.pair())) {
            throw new ApiCallException("a full page of " + raw + " rules asked at " + at.pair() + " ends at "
                    + pairs.get(raw - 1) + ", which does not advance past it; the next request would repeat this page,"
                    + " so the run stops instead of looping");
        }
        checkOrder(at, pairs);
        pointer.offer(response.pointer());

        int skip = at.after() && raw > 0 && pairs.get(0).equals(at.pair()) ? 1 : 0;
        PageToken next = last ? null : RulesToken.after(pairs.get(raw - 1)).token();
        List<byte[]> rules = response.rules().subList(skip, raw);
        int offset = skip;
        return Page.of(rules, next).withResumeAfter(i -> RulesToken.after(pairs.get(offset + i)).token());
    }

    private static void checkOrder(RulesToken at, List<RulePair> pairs) {
        if (!pairs.isEmpty() && at.pair().isAfter(pairs.get(0))) {
            throw new ApiCallException("the page asked at " + at.pair() + " starts before it, at " + pairs.get(0)
                    + "; the API is not paging by (id_cenario, codigo_produto)");
        }
        for (int i = 1; i < pairs.size(); i++) {
            if (!pairs.get(i).isAfter(pairs.get(i - 1))) {
                throw new ApiCallException("rules " + i + " and " + (i + 1) + " of the page asked at " + at.pair()
                        + " are out of order or repeat a pair (" + pairs.get(i - 1) + ", then " + pairs.get(i)
                        + "); paging by (id_cenario, codigo_produto) needs each pair once, in ascending order");
            }
        }
    }

    @Override
    public String describe(PageToken token) {
        try {
            return RulesToken.parse(token).describe();
        } catch (IllegalArgumentException e) {
            return PaginationStrategy.super.describe(token);
        }
    }
}
