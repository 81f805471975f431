package com.pagingetl.simulator.demarches;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.schema.GraphQLSchema;

/** Documents written against the real démarches-simplifiées schema must validate against the simulator's SDL. */
class SchemaDocumentsTests {

    /** A realistic sync document: the contract's query shape plus edges, deletions and typed champs. */
    static final String SYNC_DOCUMENT = """
            query getDemarche($demarcheNumber: Int!, $first: Int, $after: String, $updatedSince: ISO8601DateTime,
                              $deletedFirst: Int, $deletedAfter: String, $deletedSince: ISO8601DateTime,
                              $pendingFirst: Int, $pendingAfter: String, $state: DossierState, $archived: Boolean,
                              $order: Order, $createdSince: ISO8601DateTime) {
              demarche(number: $demarcheNumber) {
                id number title state dateCreation dateDerniereModification datePublication dateFermeture
                service { id nom organisme siret }
                groupeInstructeurs { id number label closed instructeurs { id email } }
                dossiers(first: $first, after: $after, updatedSince: $updatedSince, state: $state, archived: $archived,
                         order: $order, createdSince: $createdSince) {
                  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                  edges { cursor node { id number } }
                  nodes {
                    id number state dateDepot dateDerniereModification datePassageEnConstruction datePassageEnInstruction
                    dateTraitement dateExpiration dateSuppressionParUsager dateSuppressionParAdministration
                    dateDerniereModificationChamps dateDerniereModificationAnnotations archived prefilled motivation
                    deposeParUnTiers nomMandataire prenomMandataire
                    usager { id email }
                    instructeurs { email }
                    groupeInstructeur { id number label }
                    demandeur {
                      __typename id
                      ... on PersonnePhysique { civilite nom prenom email dateDeNaissance }
                      ... on PersonneMorale { siret siegeSocial naf libelleNaf adresse codePostal localite
                                              address { label type streetAddress streetNumber streetName postalCode
                                                        cityName cityCode departmentCode departmentName regionCode regionName }
                                              entreprise { siren raisonSociale nomCommercial siretSiegeSocial formeJuridique } }
                    }
                    champs { ...ChampFields }
                    annotations { ...ChampFields }
                  }
                }
                deletedDossiers(first: $deletedFirst, after: $deletedAfter, deletedSince: $deletedSince) {
                  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                  nodes { id number state reason dateSupression }
                }
                pendingDeletedDossiers(first: $pendingFirst, after: $pendingAfter, deletedSince: $deletedSince) {
                  pageInfo { hasNextPage endCursor }
                  edges { cursor node { id number state reason dateSupression } }
                }
              }
            }

            fragment ChampFields on Champ {
              id champDescriptorId __typename label stringValue updatedAt prefilled
              ... on TextChamp { value }
              ... on DateChamp { date }
              ... on DatetimeChamp { datetime }
              ... on CheckboxChamp { checked: value }
              ... on YesNoChamp { selected: value }
              ... on IntegerNumberChamp { integerNumber: value }
              ... on DecimalNumberChamp { decimalNumber: value }
              ... on DropDownListChamp { choice: value }
              ... on MultipleDropDownListChamp { values }
              ... on AddressChamp { address { label postalCode cityCode } commune { name code postalCode } departement { name code } }
              ... on CommuneChamp { commune { name code } departement { code } }
              ... on SiretChamp { etablissement { siret } }
            }
            """;

    /** The contract's 1.2 query, as written. */
    static final String CONTRACT_QUERY = """
            query getDemarche($demarcheNumber: Int!, $first: Int, $after: String, $updatedSince: ISO8601DateTime) {
              demarche(number: $demarcheNumber) {
                id number title state
                dossiers(first: $first, after: $after, updatedSince: $updatedSince) {
                  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                  nodes { id number state dateDepot dateDerniereModification archived
                          usager { email } demandeur { __typename ... on PersonnePhysique { civilite nom prenom } }
                          champs { id champDescriptorId __typename label stringValue updatedAt prefilled } }
                }
                deletedDossiers(first: $first, after: $after) { pageInfo { endCursor } nodes { id number state reason dateSupression } }
                pendingDeletedDossiers(first: $first, after: $after) { pageInfo { endCursor } nodes { id number state reason dateSupression } }
              }
            }
            """;

    private static GraphQLSchema schema;

    @BeforeAll
    static void schema() {
        schema = new DemarchesQueries(null, null, null, null, 0, null, n -> { })
                .schema(Templates.load().schemaSdl, new DemarchesMutations(null, null, null, () -> 0));
    }

    private static List<GraphQLError> errors(String document) {
        return ParseAndValidate.parseAndValidate(schema, ExecutionInput.newExecutionInput(document).build()).getErrors();
    }

    @Test
    void realisticSyncDocumentValidates() {
        assertThat(errors(SYNC_DOCUMENT)).isEmpty();
        assertThat(errors(CONTRACT_QUERY)).isEmpty();
        assertThat(errors(DemarchesHttp.SYNC_QUERY)).isEmpty();
    }

    @Test
    void persistedQueryDocumentValidates() {
        assertThat(errors(Templates.load().persistedQuery)).isEmpty();
        assertThat(errors(Templates.load().persistedMutation)).isEmpty();
    }

    @Test
    void misspelledOrWronglyTypedFieldsAreRejected() {
        assertThat(errors("{ demarche(number: 1) { deletedDossiers { nodes { dateSuppression } } } }")).isNotEmpty();
        assertThat(errors("query($n: String!) { demarche(number: $n) { id } }")).isNotEmpty();
        assertThat(errors("{ demarche(number: 1) { dossiers(state: brouillon) { nodes { id } } } }")).isNotEmpty();
        // Conflicting "value" types across champ fragments need aliases, as against the real schema.
        assertThat(errors("{ dossier(number: 1) { champs { ... on CheckboxChamp { value } ... on TextChamp { value } } } }"))
                .isNotEmpty();
    }

    @Test
    void argumentAndFieldTypesFollowTheRealSchema() {
        var demarche = schema.getObjectType("Demarche");
        var dossiers = demarche.getFieldDefinition("dossiers");
        assertThat(graphql.schema.GraphQLTypeUtil.simplePrint(dossiers.getType())).isEqualTo("DossierConnection!");
        assertThat(dossiers.getArguments()).extracting(a -> a.getName() + ":" + graphql.schema.GraphQLTypeUtil.simplePrint(a.getType()))
                .containsExactlyInAnyOrder("after:String", "archived:Boolean", "before:String", "createdSince:ISO8601DateTime",
                        "first:Int", "last:Int", "maxRevision:ID", "minRevision:ID", "order:Order", "revision:ID",
                        "state:DossierState", "updatedSince:ISO8601DateTime");
        assertThat(graphql.schema.GraphQLTypeUtil.simplePrint(schema.getQueryType().getFieldDefinition("demarche").getType()))
                .isEqualTo("Demarche!");
        assertThat(schema.getObjectType("DeletedDossier").getFieldDefinition("dateSupression")).isNotNull();
    }
}
