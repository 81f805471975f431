package com.pagingetl.simulator.demarches;

import com.pagingetl.simulator.SampleData;

import java.time.Instant;
import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The templates of {@code sample-data/demarches/}, bound from their JSON: démarches with their champ descriptors,
 * French names, communes, and the GraphQL documents (schema, persisted query). Loaded once; immutable and
 * thread-safe.
 */
final class Templates {

    /** A champ descriptor; {@code options} for choices, {@code min}/{@code max} for numbers. */
    record ChampTemplate(String label, String type, List<String> options, long min, long max) {
        ChampTemplate {
            options = options == null ? List.of() : options;
        }
    }

    record Service(String nom, String organisme, String siret) {
    }

    record DemarcheTemplate(int number, String title, String description, String state, Instant dateCreation,
                            Instant datePublication, Instant dateDerniereModification, String demandeur, String size,
                            Service service, List<String> groupes, List<ChampTemplate> champs,
                            List<ChampTemplate> annotations) {
    }

    record Commune(String name, String code, String postalCode, String departement, String departementName,
                   String region, String regionName) {
    }

    record People(List<String> prenomsFemmes, List<String> prenomsHommes, List<String> noms,
                  List<String> emailDomains, List<String> raisonsSocialesPrefixes, List<String> raisonsSocialesSuffixes,
                  List<List<String>> nafs, List<String> voies) {
    }

    final List<DemarcheTemplate> demarches;
    final People people;
    final List<Commune> communes;
    final String schemaSdl;
    final String persistedQuery;
    final String persistedMutation;

    private Templates(JsonMapper json) {
        demarches = List.copyOf(json.readValue(text("demarches.json"), new TypeReference<List<DemarcheTemplate>>() {
        }));
        people = json.readValue(text("people.json"), People.class);
        communes = List.copyOf(json.readValue(text("communes.json"), new TypeReference<List<Commune>>() {
        }));
        schemaSdl = text("schema.graphqls");
        persistedQuery = text("persisted-ds-query-v2.graphql");
        persistedMutation = text("persisted-ds-mutation-v2.graphql");
    }

    static Templates load() {
        // min and max are absent from descriptors that are not numbers: they read as 0.
        return new Templates(JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build());
    }

    DemarcheTemplate demarche(int number) {
        return demarches.stream().filter(d -> d.number() == number).findFirst().orElse(null);
    }

    private static String text(String name) {
        return SampleData.text("demarches", name);
    }
}
