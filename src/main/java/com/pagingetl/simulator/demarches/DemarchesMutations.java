package com.pagingetl.simulator.demarches;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;

/**
 * The state changes of the stored query {@code ds-mutation-v2} ({@code dossierPasserEnInstruction},
 * {@code dossierRepasserEnConstruction}, {@code dossierAccepter}, {@code dossierRefuser},
 * {@code dossierClasserSansSuite}). Each loads the dossier and the instructeur from their global ids, applies the
 * real mutations' rules in their order (state first, then the instructeur's access), and changes the dossier
 * through {@link DossierStore#transition}, so its {@code dateDerniereModification} moves past every cursor
 * already issued and an {@code updatedSince} read sees it. A rule that refuses answers in the payload's
 * {@code errors}, as the Rails mutations do, not as a GraphQL error; an unknown id or a token without rights on
 * the démarche is a GraphQL error.
 *
 * <p>Thread safety: mutations are serialised among themselves so that a state check and its transition see the
 * same row; the simulator's own live changes may still move a dossier in between, which then answers as a
 * refused transition.
 */
final class DemarchesMutations {

    /** One mutation: its field, the state it requires and the one it leads to. */
    private record Change(String field, DossierStatus from, DossierStatus to) {
    }

    private static final List<Change> CHANGES = List.of(
            new Change("dossierPasserEnInstruction", DossierStatus.EN_CONSTRUCTION, DossierStatus.EN_INSTRUCTION),
            new Change("dossierRepasserEnConstruction", DossierStatus.EN_INSTRUCTION, DossierStatus.EN_CONSTRUCTION),
            new Change("dossierAccepter", DossierStatus.EN_INSTRUCTION, DossierStatus.ACCEPTE),
            new Change("dossierRefuser", DossierStatus.EN_INSTRUCTION, DossierStatus.REFUSE),
            new Change("dossierClasserSansSuite", DossierStatus.EN_INSTRUCTION, DossierStatus.SANS_SUITE));

    private final DossierStore store;
    private final DossierRenderer renderer;
    private final TokenRegistry tokens;
    private final LongSupplier nowNanos;

    DemarchesMutations(DossierStore store, DossierRenderer renderer, TokenRegistry tokens, LongSupplier nowNanos) {
        this.store = store;
        this.renderer = renderer;
        this.tokens = tokens;
        this.nowNanos = nowNanos;
    }

    /** Wires the five mutation fields of the {@code Mutation} type. */
    TypeRuntimeWiring.Builder wire(TypeRuntimeWiring.Builder mutation) {
        CHANGES.forEach(change -> mutation.dataFetcher(change.field(), env -> change(env, change)));
        return mutation;
    }

    @SuppressWarnings("unchecked")
    private Object change(DataFetchingEnvironment env, Change change) {
        Map<String, Object> input = env.getArgument("input");
        long number = typedId((String) input.get("dossierId"), "Dossier");
        DossierRow row = store.row(number);
        if (row == null || row.purged() || row.status() == DossierStatus.BROUILLON) {
            throw new ApiError("not_found", noObject("dossierId", input.get("dossierId")));
        }
        tokens.authorize(env, row.demarche(), "Dossier");
        String instructeurId = (String) input.get("instructeurId");
        if (typedId(instructeurId, "Usager") < 0) { // the simulator issues every profile id as a Usager
            throw new ApiError("not_found", noObject("instructeurId", instructeurId));
        }
        synchronized (this) {
            row = store.row(number);
            if (row.status() != change.from()) {
                return payload(input, null, "Le dossier est déjà " + row.status().display);
            }
            List<Map<String, Object>> instructeurs = (List<Map<String, Object>>) renderer.groupe(row).get("instructeurs");
            if (instructeurs.stream().noneMatch(p -> instructeurId.equals(p.get("id")))) {
                return payload(input, null, "L’instructeur n’a pas les droits d’accès à ce dossier");
            }
            if (!store.transition(number, change.to(), nowNanos.getAsLong())) {
                throw new ApiError("not_found", noObject("dossierId", input.get("dossierId")));
            }
            return payload(input, renderer.dossier(store.row(number)), null);
        }
    }

    /** The number behind a global id {@code Base64("<type>-<number>")} (see {@link DossierRenderer#globalId}), or -1. */
    private static long typedId(String id, String type) {
        try {
            String decoded = new String(Base64.getDecoder().decode(id), StandardCharsets.UTF_8);
            return decoded.startsWith(type + "-") ? Long.parseLong(decoded.substring(type.length() + 1)) : -1;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** graphql-ruby's wording when an argument's {@code loads:} finds nothing. */
    private static String noObject(String argument, Object id) {
        return "No object found for `" + argument + ": \"" + id + "\"`";
    }

    private static Map<String, Object> payload(Map<String, Object> input, Map<String, Object> dossier, String error) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("clientMutationId", input.get("clientMutationId"));
        payload.put("dossier", dossier);
        payload.put("errors", error == null ? null : List.of(Map.of("message", error)));
        return payload;
    }
}
