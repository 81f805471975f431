package com.pagingetl.jobs.systax;

import static com.pagingetl.testing.Utf8.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.pagingetl.http.ApiCallException;

class RulesResponseTests {

    private static RulesResponse parse(String body) {
        return RulesResponse.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rulesAreKeptExactlyAsTheApiWroteThemOneLineEach() {
        // given
        String body = "{\"success\": true, \"message\": \"OK\", \"ponteiro_atualizacao\": \"1042\", \"quantidade\": 2,\n"
                + " \"regras\": [ {\"id_cenario\": 1, \"codigo_produto\": 7, \"icms\": {\"aliquota\": 18.00},\n \"descricao\": \"A  B\"},"
                + " {\"id_cenario\": \"2\", \"codigo_produto\": \"3\"} ] }";

        // when
        RulesResponse response = parse(body);

        // then
        assertThat(response.pointer()).isEqualTo("1042");
        assertThat(text(response.rules())).containsExactly(
                "{\"id_cenario\":1,\"codigo_produto\":7,\"icms\":{\"aliquota\":18.00},\"descricao\":\"A  B\"}",
                "{\"id_cenario\":\"2\",\"codigo_produto\":\"3\"}");
        assertThat(response.pairs()).containsExactly(new RulePair(1, 7), new RulePair(2, 3));
    }

    @Test
    void aNumericOrAbsentPointerIsAccepted() {
        assertThat(parse("{\"ponteiro_atualizacao\": 99, \"regras\": []}").pointer()).isEqualTo("99");
        assertThat(parse("{\"regras\": []}").pointer()).isNull();
        assertThat(parse("{\"ponteiro_atualizacao\": \"\", \"regras\": []}").pointer()).isNull();
    }

    @Test
    void successFalseIsAnErrorWithTheApisMessage() {
        assertThatThrownBy(() -> parse("{\"success\": false, \"message\": \"paginacao deve estar entre 1 e 100\"}"))
                .isInstanceOf(ApiCallException.class).hasMessageContaining("success=false: paginacao deve estar entre 1 e 100");
    }

    @Test
    void aBodyWithoutRulesOrNotAnObjectOrMalformedIsAnError() {
        assertThatThrownBy(() -> parse("{\"success\": true, \"dados\": []}"))
                .isInstanceOf(ApiCallException.class).hasMessageContaining("no 'regras' array (fields: success, dados)");
        assertThatThrownBy(() -> parse("[1, 2]")).isInstanceOf(ApiCallException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parse("{\"regras\": [{\"id_cenario\": 1, \"codigo_pro"))
                .isInstanceOf(ApiCallException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void aRuleWithoutItsPairIsAnError() {
        assertThatThrownBy(() -> parse("{\"regras\": [{\"id_cenario\": 1, \"codigo_produto\": 2}, {\"id_cenario\": 1}]}"))
                .isInstanceOf(ApiCallException.class).hasMessageContaining("rule 2").hasMessageContaining("codigo_produto");
    }
}
