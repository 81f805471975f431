package com.pagingetl.simulator.systax;

import tools.jackson.databind.JsonNode;

/**
 * A validated rules request body: {@code {"id_cenario", "codigo_produto", "paginacao",
 * "ponteiro_atualizacao"}}. The pointer is null for a full load (absent, null or empty). Immutable.
 */
record RulesRequest(int idCenario, int codigoProduto, int paginacao, Long ponteiro) {

    /** A request field failed validation; the message names the field and is sent to the client. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    static final int MAX_POINTER_LENGTH = 50;

    static RulesRequest parse(JsonNode body, int maxPageSize) {
        if (body == null || !body.isObject()) {
            throw new Invalid("corpo da requisicao deve ser um objeto JSON com id_cenario, codigo_produto, paginacao e ponteiro_atualizacao");
        }
        int cenario = nonNegative(body, "id_cenario");
        int produto = nonNegative(body, "codigo_produto");
        int paginacao = integer(body, "paginacao");
        if (paginacao < 1 || paginacao > maxPageSize) {
            throw new Invalid("paginacao deve estar entre 1 e " + maxPageSize);
        }
        return new RulesRequest(cenario, produto, paginacao, pointer(body.get("ponteiro_atualizacao")));
    }

    /** Reads what it can of a body for the request log, never failing. */
    static RecordedRulesRequest lenient(JsonNode body, int status, int returned) {
        if (body == null || !body.isObject()) {
            return new RecordedRulesRequest(null, null, null, null, status, returned);
        }
        JsonNode pointer = body.get("ponteiro_atualizacao");
        return new RecordedRulesRequest(intOrNull(body.get("id_cenario")), intOrNull(body.get("codigo_produto")),
                intOrNull(body.get("paginacao")), pointer == null || pointer.isNull() ? null : pointer.asString(),
                status, returned);
    }

    private static int nonNegative(JsonNode body, String field) {
        int value = integer(body, field);
        if (value < 0) {
            throw new Invalid(field + " deve ser um numero inteiro nao negativo");
        }
        return value;
    }

    private static int integer(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || (node.isString() && node.asString().isBlank())) {
            throw new Invalid(field + " e obrigatorio");
        }
        Integer value = intOrNull(node);
        if (value == null) {
            throw new Invalid(field + " deve ser um numero inteiro: " + abbreviate(node.toString()));
        }
        return value;
    }

    private static Integer intOrNull(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isString() && node.asString().trim().matches("-?\\d{1,9}")) {
            return Integer.valueOf(node.asString().trim());
        }
        return null;
    }

    private static Long pointer(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String raw = node.isNumber() ? node.asString() : node.isString() ? node.asString().trim() : null;
        if (raw == null) {
            throw new Invalid("ponteiro_atualizacao deve ser um texto de digitos: " + abbreviate(node.toString()));
        }
        if (raw.isEmpty()) {
            return null;
        }
        if (raw.length() > MAX_POINTER_LENGTH || !raw.matches("\\d+")) {
            throw new Invalid("ponteiro_atualizacao invalido: deve ter apenas digitos e no maximo " + MAX_POINTER_LENGTH + " caracteres");
        }
        String digits = raw.replaceFirst("^0+(?=\\d)", "");
        if (digits.length() > 18) {
            throw new Invalid("ponteiro_atualizacao invalido: maior que o ponteiro atual");
        }
        return Long.parseLong(digits);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
