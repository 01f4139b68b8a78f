package dev.paydeck.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class RequestKindTests {

    @Test
    void aBrowserAskingForAPageGetsHtml() {
        assertThat(RequestKind.isPage(request("/payments",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))).isTrue();
    }

    @Test
    void programsGetProblemJson() {
        assertThat(RequestKind.isPage(request("/payments", "application/json"))).isFalse();
        assertThat(RequestKind.isPage(request("/payments", "*/*"))).isFalse();
        assertThat(RequestKind.isPage(request("/payments", null))).isFalse();
        assertThat(RequestKind.isPage(request("/payments", "not a media type;;"))).isFalse();
    }

    @Test
    void apiPathsAreNeverPages() {
        assertThat(RequestKind.isPage(request("/api/v1/payments", "text/html"))).isFalse();
    }

    @Test
    void jsonPreferredOverHtmlByQuality() {
        assertThat(RequestKind.isPage(request("/x", "text/html;q=0.5, application/json"))).isFalse();
    }

    private static MockHttpServletRequest request(String path, String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        return request;
    }
}
