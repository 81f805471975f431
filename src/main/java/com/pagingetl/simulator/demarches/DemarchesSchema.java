package com.pagingetl.simulator.demarches;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;

/**
 * Builds the executable schema from the SDL template ({@code sample-data/demarches/schema.graphqls}) and the
 * data fetchers; {@link ApiError}s become {@code errors[]} entries with {@code extensions.code}, like graphql-ruby's
 * {@code GraphQL::ExecutionError}. The resulting {@link GraphQL} is immutable and thread-safe.
 */
final class DemarchesSchema {

    /** {@code max_depth 15} of the real schema. */
    static final int MAX_DEPTH = 15;

    private DemarchesSchema() {
    }

    static GraphQLSchema schema(String sdl, DemarchesQueries q, DemarchesMutations m) {
        TypeDefinitionRegistry registry = new SchemaParser().parse(sdl);
        TypeResolver byTypename = env -> {
            Map<?, ?> source = env.getObject();
            return env.getSchema().getObjectType((String) source.get("__typename"));
        };
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(Scalars.DATE_TIME).scalar(Scalars.DATE).scalar(Scalars.BIG_INT)
                .type("Query", t -> t.dataFetcher("demarche", q::demarche).dataFetcher("dossier", q::dossier)
                        .dataFetcher("groupeInstructeur", q::groupeInstructeurWithDossiers))
                .type("Mutation", t -> {
                    for (DemarchesMutations.Change change : DemarchesMutations.Change.values()) {
                        t.dataFetcher(change.field, m.fetcher(change));
                    }
                    return t;
                })
                .type("GroupeInstructeurWithDossiers", t -> t.dataFetcher("dossiers", q::dossiers))
                .type("Demarche", t -> t.dataFetcher("dossiers", q::dossiers)
                        .dataFetcher("deletedDossiers", q::deletedDossiers)
                        .dataFetcher("pendingDeletedDossiers", q::pendingDeletedDossiers)
                        .dataFetcher("groupeInstructeurs", q::groupeInstructeurs))
                .type("DossierConnection", t -> t.dataFetcher("nodes", q::nodes).dataFetcher("edges", q::nodes))
                .type("Dossier", t -> t.dataFetcher("champs", q::champs).dataFetcher("annotations", q::annotations)
                        .dataFetcher("demandeur", q::demandeur).dataFetcher("usager", q::usager)
                        .dataFetcher("groupeInstructeur", q::groupeInstructeur).dataFetcher("instructeurs", q::instructeurs))
                .type("Champ", t -> t.typeResolver(byTypename))
                .type("Demandeur", t -> t.typeResolver(byTypename))
                .build();
        return new SchemaGenerator().makeExecutableSchema(registry, wiring);
    }

    static GraphQL graphql(GraphQLSchema schema) {
        return GraphQL.newGraphQL(schema)
                .defaultDataFetcherExceptionHandler(new ApiErrorHandler())
                .instrumentation(new MaxQueryDepthInstrumentation(MAX_DEPTH))
                .build();
    }

    /** Turns fetcher exceptions into located, pathed errors carrying the API's error code. */
    private static final class ApiErrorHandler implements DataFetcherExceptionHandler {
        @Override
        public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters p) {
            Throwable e = p.getException();
            Map<String, Object> extensions = new LinkedHashMap<>();
            String message;
            if (e instanceof ApiError api) {
                message = api.getMessage();
                extensions.put("code", api.code());
            } else {
                message = "Internal server error";
                extensions.put("code", "internal_server_error");
                extensions.put("exception_id", java.util.UUID.randomUUID().toString());
            }
            GraphQLError error = GraphqlErrorBuilder.newError().message(message).path(p.getPath())
                    .locations(p.getSourceLocation() == null ? List.of() : List.of(p.getSourceLocation()))
                    .extensions(extensions).build();
            return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
        }
    }
}
