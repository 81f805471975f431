package com.pagingetl.simulator.rapid;

import static com.pagingetl.simulator.Locks.locked;
import static com.pagingetl.simulator.SampleData.weighted;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The simulated property catalogue as compact per-property metadata arrays (id, country, category, chain,
 * ratings, dates, inactive day), generated deterministically from the templates and a seed. Full JSON is never
 * held; {@link PropertyRenderer} renders a property from these fields on demand.
 *
 * <p>Thread safety: reads take a read lock, the test mutations ({@link #touch}, {@link #deactivate}) a write lock,
 * so a page is always computed from one consistent state.
 */
final class RapidDataSet {

    static final int ACTIVE = Integer.MIN_VALUE;
    static final int FLAG_VRBO = 1;
    static final int FLAG_MULTI_UNIT = 2;
    static final int FLAG_EXPEDIA_COLLECT = 4;
    static final int FLAG_PROPERTY_COLLECT = 8;
    private static final long EARLIEST_ADDED = LocalDate.of(1998, 1, 1).toEpochDay();

    /** A page of matching properties (array indexes) plus the total number of matches of the whole query. */
    record Page(int[] indexes, int total, boolean more) {
    }

    final RapidTemplates templates;
    final long seed;
    final long generatedDay;
    private final int size;
    private final int[] ids;
    private final short[] country;
    private final byte[] category;
    private final short[] chain;      // 0 = independent, else chain index + 1
    private final byte[] brand;
    private final byte[] ratingHalves; // star rating x2, 0 = no star rating
    private final byte[] flags;
    private final int[] addedDay;
    private final int[] updatedDay;
    private final int[] updatedMillisOfDay;
    private final int[] inactiveDay;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    RapidDataSet(RapidTemplates templates, int size, long seed, double inactiveShare, Instant now) {
        this.templates = templates;
        this.seed = seed;
        this.size = size;
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        this.generatedDay = today.toEpochDay();
        int nowMillisOfDay = (int) (now.toEpochMilli() - today.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        ids = new int[size];
        country = new short[size];
        category = new byte[size];
        chain = new short[size];
        brand = new byte[size];
        ratingHalves = new byte[size];
        flags = new byte[size];
        addedDay = new int[size];
        updatedDay = new int[size];
        updatedMillisOfDay = new int[size];
        inactiveDay = new int[size];
        int[] countryWeights = templates.countries.stream().mapToInt(RapidTemplates.Country::weight).toArray();
        int[] categoryWeights = templates.categories.stream().mapToInt(RapidTemplates.Category::weight).toArray();
        int[] chainWeights = templates.chains.stream().mapToInt(RapidTemplates.Chain::weight).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        int id = 10_000 + random.nextInt(5_000);
        for (int i = 0; i < size; i++) {
            id += 1 + (random.nextInt(10) == 0 ? random.nextInt(2_000) : random.nextInt(60));
            ids[i] = id;
            country[i] = (short) weighted(random, countryWeights);
            int cat = templates.categories.get(weighted(random, categoryWeights)).id();
            category[i] = (byte) cat;
            boolean vacationRental = templates.vacationRentalCategories.contains(cat);
            int f = 0;
            if (vacationRental && random.nextInt(3) > 0) {
                f |= FLAG_VRBO | FLAG_PROPERTY_COLLECT;
            }
            if (vacationRental || random.nextInt(8) == 0) {
                f |= FLAG_MULTI_UNIT;
            }
            if ((f & FLAG_VRBO) == 0 || random.nextBoolean()) {
                f |= FLAG_EXPEDIA_COLLECT;
            }
            if ((f & FLAG_VRBO) == 0 && random.nextInt(5) == 0) {
                f |= FLAG_PROPERTY_COLLECT;
            }
            flags[i] = (byte) f;
            if (!vacationRental && random.nextDouble() >= templates.independentShare) {
                int c = weighted(random, chainWeights);
                chain[i] = (short) (c + 1);
                brand[i] = (byte) random.nextInt(templates.chains.get(c).brands().size());
            }
            ratingHalves[i] = (byte) ((f & FLAG_VRBO) != 0 ? 0 : 2 + random.nextInt(9));
            // Skewed towards recent updates so that "updated today" is a small but non-empty set.
            int age = (int) (Math.pow(random.nextDouble(), 1.2) * 1095);
            updatedDay[i] = (int) (generatedDay - age);
            int millis = random.nextInt(86_400_000);
            updatedMillisOfDay[i] = age == 0 ? Math.min(millis, Math.max(0, nowMillisOfDay - 1)) : millis;
            addedDay[i] = (int) Math.max(EARLIEST_ADDED, updatedDay[i] - (long) (random.nextDouble() * 7300));
            inactiveDay[i] = random.nextDouble() < inactiveShare ? updatedDay[i] + random.nextInt(age + 1) : ACTIVE;
        }
    }

    int id(int i) {
        return ids[i];
    }

    RapidTemplates.Country country(int i) {
        return templates.countries.get(country[i]);
    }

    int categoryId(int i) {
        return category[i];
    }

    /** Chain template or null for independents. */
    RapidTemplates.Chain chain(int i) {
        return chain[i] == 0 ? null : templates.chains.get(chain[i] - 1);
    }

    RapidTemplates.Brand brand(int i) {
        RapidTemplates.Chain c = chain(i);
        return c == null ? null : c.brands().get(brand[i]);
    }

    /** Star rating, or 0 when the property has none. */
    double starRating(int i) {
        return ratingHalves[i] / 2.0;
    }

    int flags(int i) {
        return flags[i];
    }

    long addedDay(int i) {
        return addedDay[i];
    }

    /** Last update as epoch millis; read under the lock because {@link #touch} may change it. */
    long updatedMillis(int i) {
        return read(() -> updatedDay[i] * 86_400_000L + updatedMillisOfDay[i]);
    }

    /** Array index of a property id, or -1. */
    int indexOf(int propertyId) {
        int i = Arrays.binarySearch(ids, propertyId);
        return i >= 0 ? i : -1;
    }

    /** Matches of {@code query} with an id greater than {@code afterId}, at most {@code limit}, in id order. */
    Page page(RapidQuery query, int afterId, int limit) {
        if (!query.paginated()) {
            return read(() -> {
                int[] wanted = query.propertyIds().clone();
                Arrays.sort(wanted);
                int[] out = Arrays.stream(wanted).distinct().map(this::indexOf)
                        .filter(i -> i >= 0 && matches(query, i)).toArray();
                return new Page(out, out.length, false);
            });
        }
        return select(i -> matches(query, i), afterId, limit);
    }

    /** Inactive properties deactivated on or after {@code sinceDay}, with an id greater than {@code afterId}. */
    Page inactivePage(long sinceDay, int afterId, int limit) {
        return select(i -> inactiveDay[i] != ACTIVE && inactiveDay[i] >= sinceDay, afterId, limit);
    }

    private Page select(IntPredicate matches, int afterId, int limit) {
        return read(() -> {
            int total = 0;
            int n = 0;
            boolean more = false;
            int[] out = new int[Math.min(limit, size)];
            for (int i = 0; i < size; i++) {
                if (!matches.test(i)) {
                    continue;
                }
                total++;
                if (ids[i] > afterId) {
                    if (n < limit) {
                        out[n++] = i;
                    } else {
                        more = true;
                    }
                }
            }
            return new Page(Arrays.copyOf(out, n), total, more);
        });
    }

    private boolean matches(RapidQuery q, int i) {
        if (!active(i, q.supplySource())) {
            return false;
        }
        if (q.countries() != null && !q.countries().contains(templates.countries.get(country[i]).code())) {
            return false;
        }
        if (q.categories() != null && !q.categories().contains((int) category[i])) {
            return false;
        }
        if (q.excludes() != null && q.excludes().contains((int) category[i])) {
            return false;
        }
        if (q.updatedStart() != null && updatedDay[i] < q.updatedStart()
                || q.updatedEnd() != null && updatedDay[i] > q.updatedEnd()
                || q.addedStart() != null && addedDay[i] < q.addedStart()
                || q.addedEnd() != null && addedDay[i] > q.addedEnd()) {
            return false;
        }
        if (q.ratingMin() != null && (ratingHalves[i] == 0 || ratingHalves[i] / 2.0 < q.ratingMin())
                || q.ratingMax() != null && (ratingHalves[i] == 0 || ratingHalves[i] / 2.0 > q.ratingMax())) {
            return false;
        }
        if (q.multiUnit() != null && q.multiUnit() != ((flags[i] & FLAG_MULTI_UNIT) != 0)) {
            return false;
        }
        if (q.businessModels() != null
                && !(q.businessModels().contains("expedia_collect") && (flags[i] & FLAG_EXPEDIA_COLLECT) != 0
                || q.businessModels().contains("property_collect") && (flags[i] & FLAG_PROPERTY_COLLECT) != 0)) {
            return false;
        }
        return (q.chainIds() == null || q.chainIds().contains(RapidTemplates.idOf(chain(i))))
                && (q.brandIds() == null || q.brandIds().contains(RapidTemplates.idOf(brand(i))));
    }

    // ---- test and admin views ------------------------------------------------------------------------------

    private boolean active(int i, String supplySource) {
        return inactiveDay[i] == ACTIVE && ((flags[i] & FLAG_VRBO) != 0) == "vrbo".equals(supplySource);
    }

    /** Active property ids of one supply source in the given countries (all countries when null), in id order. */
    TreeSet<String> activeIds(Collection<String> countries, String supplySource) {
        return read(() -> {
            TreeSet<String> out = new TreeSet<>(Comparator.comparingInt(Integer::parseInt));
            for (int i = 0; i < size; i++) {
                if (active(i, supplySource) && (countries == null || countries.contains(country(i).code()))) {
                    out.add(Integer.toString(ids[i]));
                }
            }
            return out;
        });
    }

    /** Active expedia properties per country code, largest first. */
    Map<String, Integer> activeCountsByCountry() {
        return read(() -> {
            int[] counts = new int[templates.countries.size()];
            for (int i = 0; i < size; i++) {
                if (active(i, "expedia")) {
                    counts[country[i]]++;
                }
            }
            Map<String, Integer> out = new LinkedHashMap<>();
            IntStream.range(0, counts.length).boxed().sorted((a, b) -> Integer.compare(counts[b], counts[a]))
                    .forEach(c -> out.put(templates.countries.get(c).code(), counts[c]));
            return out;
        });
    }

    /** Marks a property as updated at {@code now}. @throws IllegalArgumentException for an unknown id */
    void touch(String propertyId, Instant now) {
        long millis = now.toEpochMilli();
        write(propertyId, i -> {
            updatedDay[i] = (int) Math.floorDiv(millis, 86_400_000L);
            updatedMillisOfDay[i] = (int) Math.floorMod(millis, 86_400_000L);
        });
    }

    /** Makes a property inactive as of {@code day}. @throws IllegalArgumentException for an unknown id */
    void deactivate(String propertyId, LocalDate day) {
        write(propertyId, i -> inactiveDay[i] = (int) day.toEpochDay());
    }

    private <T> T read(Supplier<T> view) {
        return locked(lock.readLock(), view);
    }

    private void write(String propertyId, IntConsumer change) {
        int i = indexOf(Integer.parseInt(propertyId));
        if (i < 0) {
            throw new IllegalArgumentException("unknown property id " + propertyId);
        }
        locked(lock.writeLock(), () -> {
            change.accept(i);
            return null;
        });
    }
}
