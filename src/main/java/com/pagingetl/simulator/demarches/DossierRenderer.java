package com.pagingetl.simulator.demarches;

import static com.pagingetl.simulator.SampleData.pick;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Renders GraphQL source objects (maps keyed by schema field names) from compact rows: the dossier, its champs
 * and annotations (values derived from {@code (seed, number, champ, value version)}), demandeur, usager, groupe
 * instructeur, and the démarche itself. Stateless apart from immutable templates; thread-safe.
 */
final class DossierRenderer {

    /** The champ types whose {@code value} is not text, with their GraphQL type; any other type is a TextChamp. */
    private static final Map<String, String> VALUE_TYPENAMES = Map.of("checkbox", "CheckboxChamp", "yesno",
            "YesNoChamp", "integer", "IntegerNumberChamp", "dropdown", "DropDownListChamp");

    /** Key under which a dossier map keeps its row for the lazily resolved fields. */
    static final String ROW = "_row";

    private final Templates templates;
    private final long seed;

    DossierRenderer(Templates templates, long seed) {
        this.templates = templates;
        this.seed = seed;
    }

    static String globalId(String type, long id) {
        return Base64.getEncoder().encodeToString((type + "-" + id).getBytes(StandardCharsets.UTF_8));
    }

    Map<String, Object> demarche(Templates.DemarcheTemplate d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", globalId("Procedure", d.number()));
        m.put("number", d.number());
        m.put("title", d.title());
        m.put("description", d.description());
        m.put("state", d.state());
        m.put("dateCreation", d.dateCreation());
        m.put("datePublication", d.datePublication());
        m.put("dateDerniereModification", d.dateDerniereModification());
        m.put("service", Map.of("id", globalId("Service", d.number() * 7L), "nom", d.service().nom(),
                "organisme", d.service().organisme(), "siret", d.service().siret()));
        m.put("_template", d);
        return m;
    }

    List<Map<String, Object>> groupes(Templates.DemarcheTemplate d) {
        return IntStream.range(0, d.groupes().size()).mapToObj(i -> groupe(d, i)).toList();
    }

    Map<String, Object> groupe(Templates.DemarcheTemplate d, int index) {
        long number = d.number() * 10L + index + 1;
        return Map.of("id", globalId("GroupeInstructeur", number), "number", (int) number,
                "label", d.groupes().get(index), "closed", false,
                "instructeurs", List.of(profile("instructeur." + (index + 1) + "@demarche-" + d.number() + ".gouv.fr",
                        500_000L + number)));
    }

    Map<String, Object> dossier(DossierRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(ROW, row);
        m.put("id", globalId("Dossier", row.number()));
        m.put("number", (int) row.number());
        m.put("state", row.status().wire());
        m.put("archived", row.archived());
        m.put("prefilled", row.prefilled());
        m.put("dateDepot", Timestamps.instant(row.deposeAt()));
        m.put("datePassageEnConstruction", Timestamps.instant(row.deposeAt()));
        m.put("datePassageEnInstruction", optional(row.enInstructionAt()));
        m.put("dateTraitement", optional(row.traitementAt()));
        m.put("dateDerniereModification", Timestamps.instant(row.updatedAt()));
        m.put("dateDerniereModificationChamps", Timestamps.instant(row.champsUpdatedAt()));
        m.put("dateDerniereModificationAnnotations", Timestamps.instant(row.annotationsUpdatedAt()));
        m.put("dateSuppressionParUsager", optional(row.hiddenByUserAt()));
        m.put("dateSuppressionParAdministration", optional(row.hiddenByAdminAt()));
        m.put("dateExpiration", row.status().terminated() || row.hidden() ? null
                : Timestamps.instant(row.updatedAt() + 365L * 86_400 * Timestamps.NANOS_PER_SECOND));
        m.put("deposeParUnTiers", false);
        m.put("motivation", switch (row.status()) {
            case ACCEPTE -> "Dossier complet et conforme au règlement d'intervention.";
            case REFUSE -> "Les conditions d'éligibilité ne sont pas remplies.";
            case SANS_SUITE -> "Le demandeur n'a pas donné suite aux demandes de pièces.";
            default -> null;
        });
        return m;
    }

    Map<String, Object> deleted(DeletedRow row) {
        return Map.of("id", globalId("DeletedDossier", row.id()), "number", (int) row.number(),
                "state", row.state().wire(), "reason", row.reason(), "dateSupression", Timestamps.instant(row.deletedAt()));
    }

    /** pendingDeletedDossiers renders a hidden dossier as a DeletedDossier. */
    Map<String, Object> pendingDeleted(DossierRow row) {
        boolean byUser = row.status() == DossierStatus.EN_CONSTRUCTION && row.hiddenByUserAt() >= 0;
        return Map.of("id", globalId("DeletedDossier", row.number()), "number", (int) row.number(),
                "state", row.status().wire(), "reason", byUser ? "user_request" : "instructeur_request",
                "dateSupression", Timestamps.instant(row.hiddenAt()));
    }

    Map<String, Object> usager(DossierRow row) {
        return profile(person(row).email, 7_000_000L + row.number());
    }

    /** The group's instructeur once the dossier is en instruction. */
    Object instructeurs(DossierRow row) {
        return row.enInstructionAt() < 0 ? List.of() : groupe(row).get("instructeurs");
    }

    Map<String, Object> groupe(DossierRow row) {
        return groupe(templates.demarche(row.demarche()), row.groupe());
    }

    Map<String, Object> demandeur(DossierRow row) {
        Templates.DemarcheTemplate d = templates.demarche(row.demarche());
        if ("PersonneMorale".equals(d.demandeur())) {
            return personneMorale(new SplittableRandom(DataGenerator.mix(seed, row.number(), 91)), row.number());
        }
        Person p = person(row);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__typename", "PersonnePhysique");
        m.put("id", globalId("Individual", row.number()));
        m.put("civilite", p.female ? "Mme" : "M");
        m.put("nom", p.nom);
        m.put("prenom", p.prenom);
        m.put("email", null);
        m.put("dateDeNaissance", null);
        return m;
    }

    List<Map<String, Object>> champs(DossierRow row, String idFilter) {
        Templates.DemarcheTemplate d = templates.demarche(row.demarche());
        return render(row, d.champs(), d.number() * 100L + 1, idFilter, false);
    }

    List<Map<String, Object>> annotations(DossierRow row, String idFilter) {
        Templates.DemarcheTemplate d = templates.demarche(row.demarche());
        return render(row, d.annotations(), d.number() * 100L + 51, idFilter, true);
    }

    private List<Map<String, Object>> render(DossierRow row, List<Templates.ChampTemplate> descriptors, long firstStableId,
                                             String idFilter, boolean annotation) {
        List<Map<String, Object>> list = new ArrayList<>(descriptors.size());
        int n = descriptors.size();
        for (int j = 0; j < n; j++) {
            long stableId = firstStableId + j;
            String id = globalId("Champ", stableId);
            if (idFilter != null && !idFilter.equals(id)) {
                continue;
            }
            int version = annotation ? 0 : valueVersion(row, j, n);
            long updatedAt = annotation ? row.annotationsUpdatedAt() : row.champVersionTimes()[version];
            SplittableRandom rnd = new SplittableRandom(DataGenerator.mix(seed, row.number() * 64 + j, version * 2L + (annotation ? 1 : 0)));
            boolean empty = annotation ? row.enInstructionAt() < 0 || rnd.nextInt(100) < 30 : rnd.nextInt(100) < 6;
            list.add(champ(row, descriptors.get(j), id, Timestamps.instant(updatedAt), rnd, empty));
        }
        return list;
    }

    /** The champ version holding champ {@code j}'s value: the last edit that touched it (0 = initial filling). */
    private int valueVersion(DossierRow row, int j, int n) {
        for (int v = row.champVersion(); v > 0; v--) {
            long h = DataGenerator.mix(seed, row.number(), v);
            if (Math.floorMod(h, n) == j || Math.floorMod(h >>> 20, n) == j) {
                return v;
            }
        }
        return 0;
    }

    private Map<String, Object> champ(DossierRow row, Templates.ChampTemplate t, String id, Object updatedAt,
                                      SplittableRandom rnd, boolean empty) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("champDescriptorId", id);
        m.put("label", t.label());
        m.put("updatedAt", updatedAt);
        m.put("prefilled", row.prefilled() && !empty);
        String typename;
        String string = "";
        switch (t.type()) {
            case "date" -> {
                typename = "DateChamp";
                LocalDate date = empty ? null : LocalDate.of(1950 + rnd.nextInt(76), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
                m.put("date", date);
                m.put("value", date == null ? null : date.atStartOfDay(Timestamps.PARIS).toInstant());
                string = date == null ? "" : date.toString();
            }
            case "datetime" -> {
                typename = "DatetimeChamp";
                Object value = empty ? null : Timestamps.instant(DataGenerator.BASE_START + DataGenerator.micros(rnd, 0, 900L * 86_400 * Timestamps.NANOS_PER_SECOND));
                m.put("datetime", value);
                string = value == null ? "" : Timestamps.format((java.time.Instant) value);
            }
            case "decimal" -> {
                typename = "DecimalNumberChamp";
                Double value = empty ? null : BigDecimal.valueOf(t.min() + rnd.nextDouble() * (t.max() - t.min()))
                        .setScale(2, RoundingMode.HALF_UP).doubleValue();
                m.put("value", value);
                string = value == null ? "" : BigDecimal.valueOf(value).toPlainString();
            }
            case "multiple" -> {
                typename = "MultipleDropDownListChamp";
                List<String> values = new ArrayList<>();
                if (!empty) {
                    for (String option : t.options()) {
                        if (rnd.nextInt(100) < 35) {
                            values.add(option);
                        }
                    }
                }
                m.put("values", values);
                string = String.join(", ", values);
            }
            case "address" -> {
                typename = "AddressChamp";
                Templates.Commune c = pick(rnd, templates.communes);
                Map<String, Object> address = empty ? null : address(rnd, c);
                m.put("address", address);
                m.put("commune", empty ? null : commune(c));
                m.put("departement", empty ? null : departement(c));
                string = address == null ? "" : (String) address.get("label");
            }
            case "commune" -> {
                typename = "CommuneChamp";
                Templates.Commune c = pick(rnd, templates.communes);
                m.put("commune", empty ? null : commune(c));
                m.put("departement", empty ? null : departement(c));
                string = empty ? "" : c.name() + " (" + c.postalCode() + ")";
            }
            case "siret" -> {
                typename = "SiretChamp";
                Map<String, Object> etablissement = empty ? null : personneMorale(rnd, row.number());
                m.put("etablissement", etablissement);
                string = etablissement == null ? "" : (String) etablissement.get("siret");
            }
            default -> {
                typename = VALUE_TYPENAMES.getOrDefault(t.type(), "TextChamp");
                Object value = value(t, row, rnd, empty);
                m.put("value", value);
                string = value == null ? "" : value.toString();
            }
        }
        m.put("__typename", typename);
        m.put("stringValue", string);
        return m;
    }

    /** The {@code value} of a champ whose string is that value: a checkbox, yes/no, integer, choice or text. */
    private Object value(Templates.ChampTemplate t, DossierRow row, SplittableRandom rnd, boolean empty) {
        if (t.type().equals("checkbox") || empty) {
            return t.type().equals("checkbox") ? !empty : null;
        }
        return switch (t.type()) {
            case "yesno" -> rnd.nextBoolean();
            case "integer" -> rnd.nextLong(t.min(), t.max() + 1);
            case "dropdown" -> pick(rnd, t.options());
            case "email" -> person(row).email;
            case "phone" -> String.format(Locale.ROOT, "0%d %02d %02d %02d %02d", 1 + rnd.nextInt(7),
                    rnd.nextInt(100), rnd.nextInt(100), rnd.nextInt(100), rnd.nextInt(100));
            case "nom" -> {
                Person p = person(row);
                yield p.prenom + " " + p.nom;
            }
            case "textarea" -> "Projet porté à " + pick(rnd, templates.communes).name() + " : " + (1 + rnd.nextInt(40))
                    + " m² concernés, travaux prévus sur " + (1 + rnd.nextInt(11)) + " mois.";
            default -> raison(rnd);
        };
    }

    private String raison(SplittableRandom rnd) {
        return pick(rnd, templates.people.raisonsSocialesPrefixes()) + " "
                + pick(rnd, templates.people.raisonsSocialesSuffixes());
    }

    private Map<String, Object> personneMorale(SplittableRandom rnd, long number) {
        Templates.Commune c = pick(rnd, templates.communes);
        String siren = luhn(String.format(Locale.ROOT, "%08d", rnd.nextInt(100_000_000)));
        String siret = luhn(siren + String.format(Locale.ROOT, "%04d", 1 + rnd.nextInt(60)));
        List<String> naf = pick(rnd, templates.people.nafs());
        String raison = raison(rnd);
        Map<String, Object> address = address(rnd, c);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("__typename", "PersonneMorale");
        m.put("id", globalId("Etablissement", number));
        m.put("siret", siret);
        m.put("siegeSocial", siret.endsWith("00012") || rnd.nextInt(100) < 60);
        m.put("naf", naf.get(0));
        m.put("libelleNaf", naf.get(1));
        m.put("address", address);
        m.put("adresse", address.get("label"));
        m.put("codePostal", c.postalCode());
        m.put("localite", c.name());
        m.put("codeInseeLocalite", c.code());
        m.put("entreprise", Map.of("siren", siren, "raisonSociale", raison.toUpperCase(Locale.FRENCH),
                "nomCommercial", raison, "siretSiegeSocial", siret, "formeJuridique", "Société par actions simplifiée",
                "inlineAdresse", address.get("label")));
        return m;
    }

    private Map<String, Object> address(SplittableRandom rnd, Templates.Commune c) {
        String number = Integer.toString(1 + rnd.nextInt(180));
        String street = pick(rnd, templates.people.voies());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", number + " " + street + " " + c.postalCode() + " " + c.name());
        m.put("type", "housenumber");
        m.put("streetAddress", number + " " + street);
        m.put("streetNumber", number);
        m.put("streetName", street);
        m.put("postalCode", c.postalCode());
        m.put("cityName", c.name());
        m.put("cityCode", c.code());
        m.put("departmentCode", c.departement());
        m.put("departmentName", c.departementName());
        m.put("regionCode", c.region());
        m.put("regionName", c.regionName());
        return m;
    }

    private static Map<String, Object> commune(Templates.Commune c) {
        return Map.of("name", c.name(), "code", c.code(), "postalCode", c.postalCode());
    }

    private static Map<String, Object> departement(Templates.Commune c) {
        return Map.of("name", c.departementName(), "code", c.departement());
    }

    private static Map<String, Object> profile(String email, long id) {
        return Map.of("id", globalId("Usager", id), "email", email);
    }

    private record Person(boolean female, String prenom, String nom, String email) {
    }

    private Person person(DossierRow row) {
        SplittableRandom rnd = new SplittableRandom(DataGenerator.mix(seed, row.number(), 17));
        boolean female = rnd.nextBoolean();
        List<String> prenoms = female ? templates.people.prenomsFemmes() : templates.people.prenomsHommes();
        String prenom = pick(rnd, prenoms);
        String nom = pick(rnd, templates.people.noms());
        String email = ascii(prenom) + "." + ascii(nom) + (rnd.nextInt(100) < 40 ? Integer.toString(rnd.nextInt(100)) : "")
                + "@" + pick(rnd, templates.people.emailDomains());
        return new Person(female, prenom, nom.toUpperCase(Locale.FRENCH), email);
    }

    private static String ascii(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private static Object optional(long nanos) {
        return nanos < 0 ? null : Timestamps.instant(nanos);
    }

    /** Appends the Luhn check digit SIREN and SIRET numbers carry. */
    private static String luhn(String digits) {
        String base = digits.substring(0, digits.length() - 1);
        int sum = 0;
        for (int i = 0; i < base.length(); i++) {
            int d = base.charAt(base.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return base + (10 - sum % 10) % 10;
    }
}
