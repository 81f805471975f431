package com.pagingetl.jobs.systax;

import java.util.ArrayList;
import java.util.List;

import com.pagingetl.http.ApiCallException;
import com.pagingetl.paging.JsonRecords;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One rules answer, read from its body: the envelope's {@code ponteiro_atualizacao}, each rule exactly as the
 * API wrote it (one line each) and each rule's {@code (id_cenario, codigo_produto)}. The assumed envelope is
 * {@code {"success":true,"message":"...","ponteiro_atualizacao":"...","quantidade":n,"regras":[...]}}; a body
 * that is not a JSON object, says {@code success:false}, or lacks the {@code regras} array or a rule's pair
 * is refused with a message saying what is wrong. Immutable.
 *
 * @param pointer the envelope's pointer as text, or null when the answer carries none
 */
record RulesResponse(String pointer, List<String> rules, List<RulePair> pairs) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    RulesResponse {
        rules = List.copyOf(rules);
        pairs = List.copyOf(pairs);
    }

    static RulesResponse parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new ApiCallException("the answer is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new ApiCallException("the answer is not a JSON object");
        }
        JsonNode success = root.get("success");
        if (success != null && success.isBoolean() && !success.booleanValue()) {
            JsonNode message = root.get("message");
            throw new ApiCallException("the answer says success=false: "
                    + (message != null && message.isValueNode() ? message.asString() : "(no message)"));
        }
        JsonNode regras = root.get("regras");
        if (regras == null || !regras.isArray()) {
            throw new ApiCallException("the answer has no 'regras' array (fields: " + fieldNames(root) + ")");
        }
        List<String> raw = JsonRecords.arrayElements(body, "/regras");
        List<RulePair> pairs = new ArrayList<>(raw.size());
        for (int i = 0; i < regras.size(); i++) {
            JsonNode rule = regras.get(i);
            pairs.add(new RulePair(key(rule, "id_cenario", i), key(rule, "codigo_produto", i)));
        }
        return new RulesResponse(pointer(root.get("ponteiro_atualizacao")), raw, pairs);
    }

    private static long key(JsonNode rule, String field, int index) {
        JsonNode node = rule.get(field);
        if (node != null && node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node != null && node.isString() && node.asString().trim().matches("\\d{1,18}")) {
            return Long.parseLong(node.asString().trim());
        }
        throw new ApiCallException("rule " + (index + 1) + " of the answer has no whole-number '" + field + "' ("
                + (node == null ? "absent" : node.toString()) + "), so the next page cannot be asked for");
    }

    private static String pointer(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.isValueNode() ? node.asString().trim() : null;
        if (text == null) {
            throw new ApiCallException("the answer's ponteiro_atualizacao is not a text or number: " + node);
        }
        return text.isEmpty() ? null : text;
    }

    private static String fieldNames(JsonNode root) {
        List<String> names = new ArrayList<>(root.propertyNames());
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
