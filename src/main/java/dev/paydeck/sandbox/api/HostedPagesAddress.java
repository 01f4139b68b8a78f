package dev.paydeck.sandbox.api;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells {@link HostedPages} the main port, for addresses made outside a request. */
@Component
class HostedPagesAddress {

    @EventListener
    void started(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            HostedPages.serving(event.getWebServer().getPort(),
                    event.getApplicationContext().getEnvironment().getProperty("server.servlet.context-path"));
        }
    }
}
