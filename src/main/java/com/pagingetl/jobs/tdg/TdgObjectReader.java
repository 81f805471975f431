package com.pagingetl.jobs.tdg;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
public class TdgObjectReader implements ItemStreamReader<PagedItem<String>> {

    static final String MAX_KEY = "watermark.maxUpdateValue";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private final PagingItemReader<String> delegate;
    private final String updateField;
    private String max;

    TdgObjectReader(PagingItemReader<String> delegate, String updateField) {
        this.delegate = delegate;
        this.updateField = updateField;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        max = context.containsKey(MAX_KEY) ? context.getString(MAX_KEY) : null;
        delegate.open(context);
    }

    @Override
    public PagedItem<String> read() {
        PagedItem<String> item = delegate.read();
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

    /** The field's value as text (a number's exact digits), or null when it is absent or null. */
    static String valueOf(String record, String field) {
        JsonNode node = JSON.readTree(record).get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isNumber()) {
            return node.decimalValue().toPlainString();
        }
        return node.asString();
    }

    static int compare(String a, String b) {
        if (NUMBER.matcher(a).matches() && NUMBER.matcher(b).matches()) {
            return new BigDecimal(a).compareTo(new BigDecimal(b));
        }
        return a.compareTo(b);
    }
}
