package com.pagingetl.simulator.demarches;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The templates of {@code sample-data/demarches/}: démarches with their champ descriptors, French names,
 * communes, and the GraphQL documents (schema, persisted query). Loaded once; immutable and thread-safe.
 */
final class Templates {

    static final String ROOT = "/sample-data/demarches/";

    record ChampTemplate(String label, String type, List<String> options, long min, long max) {
    }

    record DemarcheTemplate(int number, String title, String description, String state, long dateCreation,
                            long datePublication, long dateDerniereModification, String demandeur, String size,
                            String serviceNom, String serviceOrganisme, String serviceSiret, List<String> groupes,
                            List<ChampTemplate> champs, List<ChampTemplate> annotations) {
    }

    record Commune(String name, String code, String postalCode, String departement, String departementName,
                   String region, String regionName) {
    }

    final List<DemarcheTemplate> demarches;
    final List<String> prenomsFemmes;
    final List<String> prenomsHommes;
    final List<String> noms;
    final List<String> emailDomains;
    final List<String> raisonPrefixes;
    final List<String> raisonSuffixes;
    final List<List<String>> nafs;
    final List<String> voies;
    final List<Commune> communes;
    final String schemaSdl;
    final String persistedQuery;
    final String persistedMutation;

    private Templates(JsonMapper json) {
        JsonNode people = json.readTree(text("people.json"));
        prenomsFemmes = strings(people.get("prenomsFemmes"));
        prenomsHommes = strings(people.get("prenomsHommes"));
        noms = strings(people.get("noms"));
        emailDomains = strings(people.get("emailDomains"));
        raisonPrefixes = strings(people.get("raisonsSocialesPrefixes"));
        raisonSuffixes = strings(people.get("raisonsSocialesSuffixes"));
        voies = strings(people.get("voies"));
        List<List<String>> naf = new ArrayList<>();
        people.get("nafs").forEach(pair -> naf.add(strings(pair)));
        nafs = List.copyOf(naf);
        List<Commune> list = new ArrayList<>();
        json.readTree(text("communes.json")).forEach(c -> list.add(new Commune(c.get("name").asString(),
                c.get("code").asString(), c.get("postalCode").asString(), c.get("departement").asString(),
                c.get("departementName").asString(), c.get("region").asString(), c.get("regionName").asString())));
        communes = List.copyOf(list);
        List<DemarcheTemplate> ds = new ArrayList<>();
        json.readTree(text("demarches.json")).forEach(d -> ds.add(demarche(d)));
        demarches = List.copyOf(ds);
        schemaSdl = text("schema.graphqls");
        persistedQuery = text("persisted-ds-query-v2.graphql");
        persistedMutation = text("persisted-ds-mutation-v2.graphql");
    }

    static Templates load() {
        return new Templates(JsonMapper.builder().build());
    }

    DemarcheTemplate demarche(int number) {
        for (DemarcheTemplate d : demarches) {
            if (d.number() == number) {
                return d;
            }
        }
        return null;
    }

    private static DemarcheTemplate demarche(JsonNode d) {
        JsonNode service = d.get("service");
        return new DemarcheTemplate(d.get("number").asInt(), d.get("title").asString(), d.get("description").asString(),
                d.get("state").asString(), Timestamps.nanos(d.get("dateCreation").asString()),
                Timestamps.nanos(d.get("datePublication").asString()),
                Timestamps.nanos(d.get("dateDerniereModification").asString()), d.get("demandeur").asString(),
                d.get("size").asString(), service.get("nom").asString(), service.get("organisme").asString(),
                service.get("siret").asString(), strings(d.get("groupes")), champs(d.get("champs")),
                champs(d.get("annotations")));
    }

    private static List<ChampTemplate> champs(JsonNode array) {
        List<ChampTemplate> list = new ArrayList<>();
        array.forEach(c -> list.add(new ChampTemplate(c.get("label").asString(), c.get("type").asString(),
                c.has("options") ? strings(c.get("options")) : List.of(),
                c.has("min") ? c.get("min").asLong() : 0, c.has("max") ? c.get("max").asLong() : 0)));
        return List.copyOf(list);
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asString()));
        return List.copyOf(list);
    }

    private static String text(String name) {
        try (InputStream in = Templates.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("missing simulator template " + ROOT + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
