package com.pagingetl.simulator.demarches;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Predicate;

import com.pagingetl.simulator.ApiRequestMeter;

import graphql.schema.DataFetchingEnvironment;

/**
 * The data fetchers behind the schema: démarche lookup with permissions, the three keyset connections, and the
 * lazily rendered dossier parts. Thread-safe: reads go through the store's lock, rendering works on immutable rows.
 */
final class DemarchesQueries {

    /** GraphQL context key holding the caller's {@link TokenRegistry.Status}. */
    static final String AUTH = "auth";
    /** Context key: {@code true} when the fault plan times this request's dossiers page out. */
    static final String TIMED_OUT = "timedOut";
    /** Request meter tallies: dossiers pages served with data, and those the timeout fault cut. */
    static final String DOSSIERS_PAGE = "dossiersPages";
    static final String TIMEOUT_PAGE = "timeouts";
    private static final String TIMEOUT = "_timeout";
    private static final String DEMARCHE = "_demarche";
    private static final String GROUPE = "_groupe";

    private final Templates templates;
    private final DossierStore store;
    private final DossierRenderer renderer;
    private final TokenRegistry tokens;
    private final int timeoutAboveFirst;
    private final ApiRequestMeter meter;
    private volatile int lastDossiersLimit = -1;
    private final IntConsumer afterDossiersPage;

    DemarchesQueries(Templates templates, DossierStore store, DossierRenderer renderer, TokenRegistry tokens,
                     int timeoutAboveFirst, ApiRequestMeter meter, IntConsumer afterDossiersPage) {
        this.templates = templates;
        this.store = store;
        this.renderer = renderer;
        this.tokens = tokens;
        this.timeoutAboveFirst = timeoutAboveFirst;
        this.meter = meter;
        this.afterDossiersPage = afterDossiersPage;
    }

    /** The page size (after the cap) of the last dossiers request, or -1. */
    int lastDossiersLimit() {
        return lastDossiersLimit;
    }

    Object demarche(DataFetchingEnvironment env) {
        int number = env.getArgument("number");
        Templates.DemarcheTemplate demarche = templates.demarche(number);
        if (demarche == null) {
            throw new ApiError("not_found", "Demarche not found");
        }
        if (!authorized(env, number)) {
            throw new ApiError("unauthorized", "An object of type Demarche was hidden due to permissions");
        }
        return renderer.demarche(demarche);
    }

    /**
     * {@code groupeInstructeur(number)}: a group of a démarche the token may read, with its own {@code dossiers}
     * connection (the démarche's, limited to the group's dossiers). Group numbers are démarche x 10 + 1, + 2...
     */
    Object groupeInstructeurWithDossiers(DataFetchingEnvironment env) {
        int number = env.getArgument("number");
        Templates.DemarcheTemplate demarche = number < 1 ? null : templates.demarche((number - 1) / 10);
        int index = (number - 1) % 10;
        if (demarche == null || index >= demarche.groupes().size()) {
            throw new ApiError("not_found", "GroupeInstructeur not found");
        }
        if (!authorized(env, demarche.number())) {
            throw new ApiError("unauthorized", "An object of type GroupeInstructeur was hidden due to permissions");
        }
        Map<String, Object> groupe = new LinkedHashMap<>(renderer.groupe(demarche, index));
        groupe.put(DEMARCHE, demarche.number());
        groupe.put(GROUPE, index);
        return groupe;
    }

    Object dossier(DataFetchingEnvironment env) {
        int number = env.getArgument("number");
        DossierRow row = store.row(number);
        if (row == null || row.purged() || row.status() == DossierStatus.BROUILLON) {
            throw new ApiError("not_found", "Dossier not found");
        }
        if (!authorized(env, row.demarche())) {
            throw new ApiError("unauthorized", "An object of type Dossier was hidden due to permissions");
        }
        return renderer.dossier(row);
    }

    Object dossiers(DataFetchingEnvironment env) {
        int demarche = demarcheNumber(env);
        PageRequest request = ConnectionArguments.parse(env);
        long updatedSince = ConnectionArguments.since(env, "updatedSince");
        long createdSince = ConnectionArguments.since(env, "createdSince");
        String state = env.getArgument("state");
        Boolean archived = env.getArgument("archived");
        lastDossiersLimit = request.limit();
        boolean byUpdated = updatedSince >= 0;
        Map<String, Object> source = env.getSource();
        Integer groupe = source.get(GROUPE) instanceof Integer g ? g : null;
        Predicate<DossierRow> filter = row -> (state == null || row.status().wire().equals(state))
                && (groupe == null || row.groupe() == groupe)
                && (archived == null || row.archived() == archived)
                && (!byUpdated || createdSince < 0 || row.deposeAt() >= createdSince);
        Page<DossierRow> page = store.dossiers(demarche, byUpdated, byUpdated ? updatedSince : createdSince, request, filter);
        if (Boolean.TRUE.equals(env.getGraphQlContext().get(TIMED_OUT))
                || timeoutAboveFirst > 0 && request.limit() > timeoutAboveFirst) {
            // graphql-ruby's Timeout: fields resolved before the deadline (pageInfo) keep their values, the slow
            // ones (nodes, edges) become null with a "timeout" error. A client must not trust this pageInfo.
            meter.tally(TIMEOUT_PAGE);
            Map<String, Object> partial = connection(page, renderer::dossier);
            partial.put(TIMEOUT, Boolean.TRUE);
            return partial;
        }
        meter.tally(DOSSIERS_PAGE);
        afterDossiersPage.accept(demarche);
        return connection(page, renderer::dossier);
    }

    Object deletedDossiers(DataFetchingEnvironment env) {
        int demarche = demarcheNumber(env);
        PageRequest request = ConnectionArguments.parse(env);
        return connection(store.deleted(demarche, ConnectionArguments.since(env, "deletedSince"), request), renderer::deleted);
    }

    Object pendingDeletedDossiers(DataFetchingEnvironment env) {
        int demarche = demarcheNumber(env);
        PageRequest request = ConnectionArguments.parse(env);
        return connection(store.pending(demarche, ConnectionArguments.since(env, "deletedSince"), request),
                renderer::pendingDeleted);
    }

    Object nodes(DataFetchingEnvironment env) {
        Map<String, Object> source = env.getSource();
        if (source.containsKey(TIMEOUT)) {
            throw new ApiError("timeout", "Timeout on " + graphql.schema.GraphQLTypeUtil.simplePrint(env.getParentType()) + "." + env.getField().getName());
        }
        return source.get(env.getField().getName());
    }

    Object groupeInstructeurs(DataFetchingEnvironment env) {
        Map<String, Object> source = env.getSource();
        Boolean closed = env.getArgument("closed");
        List<Map<String, Object>> groupes = renderer.groupes((Templates.DemarcheTemplate) source.get("_template"));
        return Boolean.TRUE.equals(closed) ? List.of() : groupes;
    }

    Object champs(DataFetchingEnvironment env) {
        return renderer.champs(row(env), env.getArgument("id"));
    }

    Object annotations(DataFetchingEnvironment env) {
        return renderer.annotations(row(env), env.getArgument("id"));
    }

    Object demandeur(DataFetchingEnvironment env) {
        return renderer.demandeur(row(env));
    }

    Object usager(DataFetchingEnvironment env) {
        return renderer.usager(row(env));
    }

    Object groupeInstructeur(DataFetchingEnvironment env) {
        return renderer.groupe(row(env));
    }

    Object instructeurs(DataFetchingEnvironment env) {
        return renderer.instructeurs(row(env));
    }

    private static <T> Map<String, Object> connection(Page<T> page, Function<T, Map<String, Object>> render) {
        List<Map<String, Object>> nodes = new ArrayList<>(page.items().size());
        List<Map<String, Object>> edges = new ArrayList<>(page.items().size());
        for (int i = 0; i < page.items().size(); i++) {
            Map<String, Object> node = render.apply(page.items().get(i));
            nodes.add(node);
            edges.add(Map.of("cursor", CursorCodec.encode(page.keys().get(i)), "node", node));
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", page.hasNextPage());
        pageInfo.put("hasPreviousPage", page.hasPreviousPage());
        pageInfo.put("startCursor", page.startCursor());
        pageInfo.put("endCursor", page.endCursor());
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("pageInfo", pageInfo);
        connection.put("nodes", nodes);
        connection.put("edges", edges);
        return connection;
    }

    private boolean authorized(DataFetchingEnvironment env, int demarche) {
        TokenRegistry.Status status = env.getGraphQlContext().get(AUTH);
        return status == TokenRegistry.Status.VALID && tokens.canRead(demarche);
    }

    /** The démarche of a {@code Demarche} or {@code GroupeInstructeurWithDossiers} source. */
    private static int demarcheNumber(DataFetchingEnvironment env) {
        Map<String, Object> source = env.getSource();
        return (Integer) source.getOrDefault(DEMARCHE, source.get("number"));
    }

    private static DossierRow row(DataFetchingEnvironment env) {
        Map<String, Object> source = env.getSource();
        return (DossierRow) source.get(DossierRenderer.ROW);
    }
}
