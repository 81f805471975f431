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
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

/**
 * The data fetchers behind the schema ({@code sample-data/demarches/schema.graphqls}) and their wiring: démarche
 * lookup with permissions, the three keyset connections, and the lazily rendered dossier parts. Thread-safe: reads
 * go through the store's lock, rendering works on immutable rows.
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

    /** The executable schema: the SDL wired to these fetchers and to {@code mutations}. */
    GraphQLSchema schema(String sdl, DemarchesMutations mutations) {
        TypeResolver byTypename = env -> {
            Map<?, ?> source = env.getObject();
            return env.getSchema().getObjectType((String) source.get("__typename"));
        };
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(Scalars.DATE_TIME).scalar(Scalars.DATE).scalar(Scalars.BIG_INT)
                .type("Query", t -> t.dataFetcher("demarche", this::demarche).dataFetcher("dossier", this::dossier)
                        .dataFetcher("groupeInstructeur", this::groupeInstructeurWithDossiers))
                .type("Mutation", mutations::wire)
                .type("GroupeInstructeurWithDossiers", t -> t.dataFetcher("dossiers", this::dossiers))
                .type("Demarche", t -> t.dataFetcher("dossiers", this::dossiers)
                        .dataFetcher("deletedDossiers", this::deletedDossiers)
                        .dataFetcher("pendingDeletedDossiers", this::pendingDeletedDossiers)
                        .dataFetcher("groupeInstructeurs", this::groupeInstructeurs))
                .type("DossierConnection", t -> t.dataFetcher("nodes", this::nodes).dataFetcher("edges", this::nodes))
                .type("Dossier", t -> t.dataFetcher("champs", env -> renderer.champs(row(env), env.getArgument("id")))
                        .dataFetcher("annotations", env -> renderer.annotations(row(env), env.getArgument("id")))
                        .dataFetcher("demandeur", env -> renderer.demandeur(row(env)))
                        .dataFetcher("usager", env -> renderer.usager(row(env)))
                        .dataFetcher("groupeInstructeur", env -> renderer.groupe(row(env)))
                        .dataFetcher("instructeurs", env -> renderer.instructeurs(row(env))))
                .type("Champ", t -> t.typeResolver(byTypename))
                .type("Demandeur", t -> t.typeResolver(byTypename))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), wiring);
    }

    private Object demarche(DataFetchingEnvironment env) {
        int number = env.getArgument("number");
        Templates.DemarcheTemplate demarche = templates.demarche(number);
        if (demarche == null) {
            throw new ApiError("not_found", "Demarche not found");
        }
        tokens.authorize(env, number, "Demarche");
        return renderer.demarche(demarche);
    }

    /**
     * {@code groupeInstructeur(number)}: a group of a démarche the token may read, with its own {@code dossiers}
     * connection (the démarche's, limited to the group's dossiers). Group numbers are démarche x 10 + 1, + 2...
     */
    private Object groupeInstructeurWithDossiers(DataFetchingEnvironment env) {
        int number = env.getArgument("number");
        Templates.DemarcheTemplate demarche = number < 1 ? null : templates.demarche((number - 1) / 10);
        int index = (number - 1) % 10;
        if (demarche == null || index >= demarche.groupes().size()) {
            throw new ApiError("not_found", "GroupeInstructeur not found");
        }
        tokens.authorize(env, demarche.number(), "GroupeInstructeur");
        Map<String, Object> groupe = new LinkedHashMap<>(renderer.groupe(demarche, index));
        groupe.put(DEMARCHE, demarche.number());
        groupe.put(GROUPE, index);
        return groupe;
    }

    private Object dossier(DataFetchingEnvironment env) {
        int number = env.getArgument("number");
        DossierRow row = store.row(number);
        if (row == null || row.purged() || row.status() == DossierStatus.BROUILLON) {
            throw new ApiError("not_found", "Dossier not found");
        }
        tokens.authorize(env, row.demarche(), "Dossier");
        return renderer.dossier(row);
    }

    private Object dossiers(DataFetchingEnvironment env) {
        int demarche = demarcheNumber(env);
        PageRequest request = PageRequest.of(env);
        long updatedSince = since(env, "updatedSince");
        long createdSince = since(env, "createdSince");
        String state = env.getArgument("state");
        Boolean archived = env.getArgument("archived");
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

    private Object deletedDossiers(DataFetchingEnvironment env) {
        return connection(store.deleted(demarcheNumber(env), since(env, "deletedSince"), PageRequest.of(env)),
                renderer::deleted);
    }

    private Object pendingDeletedDossiers(DataFetchingEnvironment env) {
        return connection(store.pending(demarcheNumber(env), since(env, "deletedSince"), PageRequest.of(env)),
                renderer::pendingDeleted);
    }

    private Object nodes(DataFetchingEnvironment env) {
        Map<String, Object> source = env.getSource();
        if (source.containsKey(TIMEOUT)) {
            throw new ApiError("timeout", "Timeout on " + GraphQLTypeUtil.simplePrint(env.getParentType()) + "."
                    + env.getField().getName());
        }
        return source.get(env.getField().getName());
    }

    private Object groupeInstructeurs(DataFetchingEnvironment env) {
        Map<String, Object> source = env.getSource();
        return Boolean.TRUE.equals(env.getArgument("closed")) ? List.of()
                : renderer.groupes((Templates.DemarcheTemplate) source.get("_template"));
    }

    private static <T> Map<String, Object> connection(Page<T> page, Function<T, Map<String, Object>> render) {
        List<Map<String, Object>> nodes = new ArrayList<>(page.items().size());
        List<Map<String, Object>> edges = new ArrayList<>(page.items().size());
        for (int i = 0; i < page.items().size(); i++) {
            Map<String, Object> node = render.apply(page.items().get(i));
            nodes.add(node);
            edges.add(Map.of("cursor", page.keys().get(i).cursor(), "node", node));
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

    /** An {@code ISO8601DateTime} argument as epoch nanos, or -1 when absent. */
    private static long since(DataFetchingEnvironment env, String name) {
        java.time.Instant since = env.getArgument(name);
        return since == null ? -1 : Timestamps.nanos(since);
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
