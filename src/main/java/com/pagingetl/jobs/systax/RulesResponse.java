package com.pagingetl.jobs.systax;

import java.util.ArrayList;
import java.util.List;

import com.pagingetl.http.ApiCallException;
import com.pagingetl.paging.JsonRecords;

/**
 * One rules answer, read from its body: the envelope's {@code ponteiro_atualizacao}, each rule exactly as the
 * API wrote it (one line each) and each rule's {@code (id_cenario, codigo_produto)}. The assumed envelope is
 * {@code {"success":true,"message":"...","ponteiro_atualizacao":"...","quantidade":n,"regras":[...]}}; a body
 * that is not a JSON object, says {@code success:false}, or lacks the {@code regras} array or a rule's pair
 * is refused with a message saying what is wrong. The body is scanned as bytes, never parsed into a tree, and
 * once: the envelope's members and the rules in one pass, then each rule's two keys from its own bytes. Immutable.
 *
 * @param pointer the envelope's pointer as text, or null when the answer carries none
 */
record RulesResponse(String pointer, List<byte[]> rules, List<RulePair> pairs) {


    RulesResponse {
        rules = List.copyOf(rules);
        pairs = List.copyOf(pairs);
    }

    static RulesResponse parse(byte[] body) {
        JsonRecords.Envelope scanned;
        try {
            if (body.length == 0 || !startsWithObject(body)) {
                throw new ApiCallException("the answer is not a JSON object");
            }
            scanned = JsonRecords.envelope(body, "/regras");
        } catch (IllegalArgumentException e) {
            throw new ApiCallException("the answer is not valid JSON (" + e.getMessage() + ")", e);
        }
        List<JsonRecords.Member> envelope = scanned.members();
        JsonRecords.Member success = JsonRecords.find(envelope, "success");
        if (success != null && success.kind() == 'f') {
            JsonRecords.Member message = JsonRecords.find(envelope, "message");
            throw new ApiCallException("the answer says success=false: "
                    + (message != null && message.text() != null && !message.isNull() ? message.text() : "(no message)"));
        }
        JsonRecords.Member regras = JsonRecords.find(envelope, "regras");
        List<byte[]> raw = scanned.elements();
        if (regras == null || regras.kind() != '[' || raw == null) {
            throw new ApiCallException("the answer has no 'regras' array (fields: " + fieldNames(envelope) + ")");
        }
        List<RulePair> pairs = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            byte[] rule = raw.get(i);
            JsonRecords.Member[] keys = rule[0] == '{' ? JsonRecords.membersNamed(rule, "id_cenario", "codigo_produto")
                    : new JsonRecords.Member[2];
            pairs.add(new RulePair(key(keys[0], "id_cenario", i), key(keys[1], "codigo_produto", i)));
        }
        return new RulesResponse(pointer(JsonRecords.find(envelope, "ponteiro_atualizacao")), raw, pairs);
    }

    private static boolean startsWithObject(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b == '{';
            }
        }
        return false;
    }

    private static long key(JsonRecords.Member member, String field, int index) {
        if (member != null && member.kind() == '0' && isWhole(member.text(), true)) {
            return Long.parseLong(member.text());
        }
        if (member != null && member.kind() == '"' && isWhole(member.text().trim(), false)) {
            return Long.parseLong(member.text().trim());
        }
        throw new ApiCallException("rule " + (index + 1) + " of the answer has no whole-number '" + field + "' ("
                + (member == null ? "absent" : member.text() == null ? "an object or array" : member.text()) + ")"
                + ", so the next page cannot be asked for");
    }

    /** 1 to 18 ASCII digits, after a minus sign if {@code signed} allows one: what a long holds exactly. */
    private static boolean isWhole(String text, boolean signed) {
        int from = signed && text.startsWith("-") ? 1 : 0;
        int digits = text.length() - from;
        if (digits < 1 || digits > 18) {
            return false;
        }
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String pointer(JsonRecords.Member member) {
        if (member == null || member.isNull()) {
            return null;
        }
        if (member.text() == null) {
            throw new ApiCallException("the answer's ponteiro_atualizacao is not a text or number");
        }
        String text = member.text().trim();
        return text.isEmpty() ? null : text;
    }

    private static String fieldNames(List<JsonRecords.Member> members) {
        List<String> names = members.stream().map(JsonRecords.Member::name).toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
