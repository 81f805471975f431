package com.pagingetl.simulator.tdg;

import static graphql.schema.GraphQLArgument.newArgument;
import static graphql.schema.GraphQLFieldDefinition.newFieldDefinition;
import static graphql.schema.GraphQLInputObjectField.newInputObjectField;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import graphql.Scalars;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;

import com.pagingetl.simulator.tdg.TdgModel.FieldDef;
import com.pagingetl.simulator.tdg.TdgModel.FieldType;
import com.pagingetl.simulator.tdg.TdgModel.IndexDef;
import com.pagingetl.simulator.tdg.TdgModel.TypeDef;

/**
 * Generates the two GraphQL schemas from the model, as TDG's {@code model_graphql.lua} does: the data
 * schema (one list-typed query field and one mutation field per type, with index, LIKE, paging and
 * version arguments) and the {@code admin} schema (hard limits, cluster clock).
 *
 * <p>Used once at start-up; the schemas it returns are immutable and thread-safe.
 */
final class TdgSchemaFactory {

    static final List<String> RANGE_SUFFIXES = List.of("_gt", "_ge", "_lt", "_le");
    static final List<String> SYSTEM_FILTERS = List.of("bucket_id", "version_gt", "version_ge", "version_lt", "version_le");

    private TdgSchemaFactory() {
    }

    static GraphQLScalarType scalar(FieldType type) {
        return switch (type) {
            case STRING, DECIMAL -> Scalars.GraphQLString;
            case LONG -> TdgScalars.LONG;
            case INT -> Scalars.GraphQLInt;
            case DOUBLE -> Scalars.GraphQLFloat;
            case BOOLEAN -> Scalars.GraphQLBoolean;
        };
    }

    static GraphQLSchema dataSchema(TdgModel model, TdgResolvers resolvers) {
        GraphQLObjectType.Builder query = GraphQLObjectType.newObject().name("Query");
        GraphQLObjectType.Builder mutation = GraphQLObjectType.newObject().name("Mutation");
        GraphQLCodeRegistry.Builder code = GraphQLCodeRegistry.newCodeRegistry();
        for (TypeDef type : model.types()) {
            GraphQLObjectType.Builder object = GraphQLObjectType.newObject().name(type.name());
            GraphQLInputObjectType.Builder input = GraphQLInputObjectType.newInputObject().name(type.name() + "Input");
            for (FieldDef field : type.fields()) {
                object.field(newFieldDefinition().name(field.name()).type(scalar(field.type())));
                input.field(newInputObjectField().name(field.name()).type(scalar(field.type())));
            }
            object.field(newFieldDefinition().name("cursor").type(Scalars.GraphQLString));
            if (type.versioned()) {
                object.field(newFieldDefinition().name("version").type(TdgScalars.LONG));
                input.field(newInputObjectField().name("version").type(TdgScalars.LONG));
            }
            GraphQLObjectType objectType = object.build();
            List<GraphQLArgument> filters = filterArguments(type);

            GraphQLFieldDefinition.Builder queryField = newFieldDefinition().name(type.name())
                    .type(GraphQLList.list(objectType)).arguments(filters)
                    .argument(newArgument().name("first").type(Scalars.GraphQLInt))
                    .argument(newArgument().name("after").type(Scalars.GraphQLString));
            GraphQLFieldDefinition.Builder mutationField = newFieldDefinition().name(type.name())
                    .type(GraphQLList.list(objectType)).arguments(filters)
                    .argument(newArgument().name("insert").type(input.build()))
                    .argument(newArgument().name("update").type(GraphQLList.list(GraphQLList.list(TdgScalars.ANY))))
                    .argument(newArgument().name("delete").type(Scalars.GraphQLBoolean))
                    .argument(newArgument().name("if_not_exists").type(Scalars.GraphQLBoolean));
            if (type.versioned()) {
                for (GraphQLFieldDefinition.Builder f : List.of(queryField, mutationField)) {
                    f.argument(newArgument().name("version").type(TdgScalars.LONG))
                            .argument(newArgument().name("all_versions").type(Scalars.GraphQLBoolean));
                }
                mutationField.argument(newArgument().name("only_if_version").type(TdgScalars.LONG));
            }
            query.field(queryField);
            mutation.field(mutationField);
            code.dataFetcher(FieldCoordinates.coordinates("Query", type.name()), resolvers.query(type));
            code.dataFetcher(FieldCoordinates.coordinates("Mutation", type.name()), resolvers.mutation(type));
        }
        return GraphQLSchema.newSchema().query(query).mutation(mutation).codeRegistry(code.build()).build();
    }

    private static List<GraphQLArgument> filterArguments(TypeDef type) {
        List<GraphQLArgument> args = new ArrayList<>();
        for (IndexDef index : type.indexes()) {
            GraphQLScalarType scalar = scalar(type.fields().get(index.fieldPosition()).type());
            args.add(newArgument().name(index.name()).type(scalar).build());
            for (String suffix : RANGE_SUFFIXES) {
                args.add(newArgument().name(index.name() + suffix).type(scalar).build());
            }
        }
        for (FieldDef field : type.fields()) {
            if (field.type() == FieldType.STRING || field.type() == FieldType.DECIMAL) {
                args.add(newArgument().name(field.name() + "_like").type(Scalars.GraphQLString).build());
                args.add(newArgument().name(field.name() + "_ilike").type(Scalars.GraphQLString).build());
            }
        }
        // System fields exist only to be refused with TDG's message, never to filter.
        for (String system : SYSTEM_FILTERS) {
            args.add(newArgument().name(system).type(TdgScalars.LONG).build());
        }
        return args;
    }

    static GraphQLSchema adminSchema(TdgHardLimits limits, TdgStore store) {
        GraphQLObjectType hardLimits = GraphQLObjectType.newObject().name("HardLimits")
                .field(newFieldDefinition().name("scanned").type(TdgScalars.LONG))
                .field(newFieldDefinition().name("returned").type(TdgScalars.LONG))
                .build();
        GraphQLObjectType config = GraphQLObjectType.newObject().name("Config")
                .field(newFieldDefinition().name("hard_limits").type(hardLimits)).build();
        GraphQLObjectType cluster = GraphQLObjectType.newObject().name("Cluster")
                .description("Simulator extension: the newest committed version (the grid's clock)")
                .field(newFieldDefinition().name("current_version").type(TdgScalars.LONG)).build();
        GraphQLObjectType configMutation = GraphQLObjectType.newObject().name("ConfigMutation")
                .field(newFieldDefinition().name("hard_limits").type(hardLimits)
                        .argument(newArgument().name("scanned").type(TdgScalars.LONG))
                        .argument(newArgument().name("returned").type(TdgScalars.LONG)))
                .build();
        DataFetcher<Object> current = env -> Map.of("scanned", (long) limits.scanned(), "returned", (long) limits.returned());
        DataFetcher<Object> set = env -> {
            Long scanned = env.getArgument("scanned");
            Long returned = env.getArgument("returned");
            limits.set(scanned == null ? limits.scanned() : (int) Math.min(Integer.MAX_VALUE, scanned),
                    returned == null ? limits.returned() : (int) Math.min(Integer.MAX_VALUE, returned));
            return current.get(env);
        };
        GraphQLCodeRegistry code = GraphQLCodeRegistry.newCodeRegistry()
                .dataFetcher(FieldCoordinates.coordinates("Query", "config"), (DataFetcher<Object>) env -> Map.of())
                .dataFetcher(FieldCoordinates.coordinates("Query", "cluster"),
                        (DataFetcher<Object>) env -> Map.of("current_version", store.latestVersion()))
                .dataFetcher(FieldCoordinates.coordinates("Config", "hard_limits"), current)
                .dataFetcher(FieldCoordinates.coordinates("Mutation", "config"), (DataFetcher<Object>) env -> Map.of())
                .dataFetcher(FieldCoordinates.coordinates("ConfigMutation", "hard_limits"), set)
                .build();
        return GraphQLSchema.newSchema()
                .query(GraphQLObjectType.newObject().name("Query")
                        .field(newFieldDefinition().name("config").type(config))
                        .field(newFieldDefinition().name("cluster").type(cluster)))
                .mutation(GraphQLObjectType.newObject().name("Mutation")
                        .field(newFieldDefinition().name("config").type(configMutation)))
                .codeRegistry(code)
                .build();
    }
}
