package dev.paydeck.shared.web;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser that leaves while a response is written is not an error of Paydeck's: nothing is answered or logged. */
class ProblemHandlerTests {

    private final ProblemHandler handler = new ProblemHandler();

    @Test
    void aClientGoneGetsNoAnswer() {
        assertThat(handler.unexpected(new ClientAbortException(new IOException("Broken pipe")), request())).isNull();
    }

    @Test
    void anythingElseUnexpectedIsAServerError() {
        var answer = handler.unexpected(new IllegalStateException("a bug"), request());
        assertThat(answer).isNotNull();
        assertThat(answer.getStatusCode().value()).isEqualTo(500);
    }

    private static ServletWebRequest request() {
        return new ServletWebRequest(new MockHttpServletRequest("GET", "/webjars/bootstrap/5.3.8/css/bootstrap.min.css"),
                new MockHttpServletResponse());
    }
}
