package com.pagingetl.jobs.tdg;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.pagingetl.paging.JsonRecords;
import com.pagingetl.paging.PagedItem;
import com.pagingetl.paging.PagingItemReader;

/**
 * The objects of one run, read through a {@link PagingItemReader}, while keeping the highest value of the
 * type's update-time field among the objects handed out: the watermark the next run starts after.
 * Numbers are compared as numbers (exactly, as decimals), other values as strings.
 *
 * <h2>Restart contract</h2>
 * The delegate keeps its own keys ({@code reader.*}); this class adds {@value #MAX_KEY}, saved with every
 * commit, so it covers exactly the objects written. Without an update field it only delegates.
 * Not thread-safe: one instance per step execution.
 */
public class TdgObjectReader implements ItemStreamReader<PagedItem<byte[]>> {

    static final String MAX_KEY = "watermark.maxUpdateValue";

    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private final PagingItemReader<byte[]> delegate;
    private final String updateField;
    private String max;

    TdgObjectReader(PagingItemReader<byte[]> delegate, String updateField) {
        this.delegate = delegate;
        this.updateField = updateField;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        max = context.containsKey(MAX_KEY) ? context.getString(MAX_KEY) : null;
        delegate.open(context);
    }

    @Override
    public PagedItem<byte[]> read() {
        PagedItem<byte[]> item = delegate.read();
        if (item != null && updateField != null) {
            String value = valueOf(item.value(), updateField);
            if (value != null && (max == null || compare(value, max) > 0)) {
                max = value;
            }
        }
        return item;
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        delegate.update(context);
        if (max != null) {
            context.putString(MAX_KEY, max);
        }
    }

    @Override
    public void close() throws ItemStreamException {
        delegate.close();
    }

    /** The field's value as text (a number's exact digits, in plain notation), or null when it is absent or null. */
    static String valueOf(byte[] record, String field) {
        JsonRecords.Member member = JsonRecords.member(record, field);
        if (member == null || member.isNull()) {
            return null;
        }
        if (member.kind() == '0') {
            String text = member.text();
            return text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0 ? text
                    : new BigDecimal(text).toPlainString();
        }
        return member.text() == null ? "" : member.text();
    }

    static int compare(String a, String b) {
        if (isNatural(a) && isNatural(b)) {
            // The common case (epoch numbers), compared for every object: no pattern, no BigDecimal.
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (NUMBER.matcher(a).matches() && NUMBER.matcher(b).matches()) {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        }
        return a.compareTo(b);
    }

    /** Digits without a leading zero (or "0"): such numbers order by length, then as text. */
    private static boolean isNatural(String s) {
        if (s.isEmpty() || s.length() > 1 && s.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
