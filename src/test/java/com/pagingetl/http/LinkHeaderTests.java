package com.pagingetl.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LinkHeaderTests {

    @Test
    void rapidNextLinkWithExpires() {
        String value = "<https://api.ean.com/v3/properties/content?token=WVZTCUNRQQ4SUVxdQAJ2SEcTWFQOdH1VEVRXFxM"
                + "LUw9QWgZHRl0SYUVVFxhJBwkBBAVmAXpVFB9uHhcUC1NKXg0bE1RWQVtAd1hbHQ>; rel=\"next\"; "
                + "expires=2023-06-01T17:13:19.699379618Z";

        List<LinkHeader.Link> links = LinkHeader.parse(value);

        assertThat(links).singleElement().satisfies(link -> {
            assertThat(link.uri()).isEqualTo(URI.create("https://api.ean.com/v3/properties/content?token="
                    + "WVZTCUNRQQ4SUVxdQAJ2SEcTWFQOdH1VEVRXFxMLUw9QWgZHRl0SYUVVFxhJBwkBBAVmAXpVFB9uHhcUC1NKXg0bE1RWQVtAd1hbHQ"));
            assertThat(link.hasRel("next")).isTrue();
            assertThat(link.param("expires")).contains("2023-06-01T17:13:19.699379618Z");
        });
    }

    @Test
    void severalLinksAndFindByRel() {
        String value = "<https://api.github.com/repositories/1/issues?page=2>; rel=\"next\", "
                + "<https://api.github.com/repositories/1/issues?page=5>; rel=\"last\",<https://x.test/?page=1>;rel=first";

        assertThat(LinkHeader.parse(value)).extracting(l -> l.uri().getQuery())
                .containsExactly("page=2", "page=5", "page=1");
        assertThat(LinkHeader.find(List.of(value), "last")).map(l -> l.uri().toString())
                .contains("https://api.github.com/repositories/1/issues?page=5");
        assertThat(LinkHeader.find(List.of(value), "prev")).isEmpty();
    }

    @Test
    void findLooksAcrossSeveralHeaderValues() {
        List<String> values = List.of("<https://a.test/p1>; rel=prev", "<https://a.test/p3>; rel=next");

        assertThat(LinkHeader.find(values, "next")).map(LinkHeader.Link::uri).contains(URI.create("https://a.test/p3"));
    }

    @Test
    void quotedAndUnquotedRelAreEqual() {
        assertThat(LinkHeader.parse("<https://a.test/2>; rel=next").get(0).hasRel("next")).isTrue();
        assertThat(LinkHeader.parse("<https://a.test/2>; rel=\"next\"").get(0).hasRel("next")).isTrue();
    }

    @Test
    void parameterNamesAndRelValuesAreCaseInsensitive() {
        LinkHeader.Link link = LinkHeader.parse("<https://a.test/2>; REL=\"Next\"; Expires=2030-01-01T00:00:00Z").get(0);

        assertThat(link.hasRel("next")).isTrue();
        assertThat(link.param("expires")).contains("2030-01-01T00:00:00Z");
        assertThat(link.param("EXPIRES")).contains("2030-01-01T00:00:00Z");
    }

    @Test
    void relMayListSeveralRelations() {
        LinkHeader.Link link = LinkHeader.parse("<https://a.test/2>; rel=\"next last\"").get(0);

        assertThat(link.hasRel("next")).isTrue();
        assertThat(link.hasRel("last")).isTrue();
        assertThat(link.hasRel("prev")).isFalse();
    }

    @Test
    void quotedValuesMayHoldCommasAndSemicolons() {
        List<LinkHeader.Link> links = LinkHeader.parse("<https://a.test/1>; title=\"a, b; c\"; rel=next, <https://a.test/2>; rel=prev");

        assertThat(links).hasSize(2);
        assertThat(links.get(0).param("title")).contains("a, b; c");
        assertThat(links.get(0).hasRel("next")).isTrue();
    }

    @Test
    void emptyValueHasNoLinks() {
        assertThat(LinkHeader.parse("")).isEmpty();
        assertThat(LinkHeader.parse("   ")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://a.test/2; rel=next", "<https://a.test/2; rel=next", "garbage",
            "<https://a.test/2> rel=next", "<https://a.test/2>; rel=\"next", "<https://a test/2>; rel=next",
            "<https://a.test/2>; =next"})
    void malformedValuesAreRejectedWithAMessage(String value) {
        assertThatThrownBy(() -> LinkHeader.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("malformed Link header");
    }
}
