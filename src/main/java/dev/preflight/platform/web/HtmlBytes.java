package dev.preflight.platform.web;

import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.preflight.platform.security.FormTokens;

/**
 * Finishes rendered pages: fills in the caller's CSRF token and hands the page to the network as
 * UTF-8 bytes made in one pass. Written as text, a page is
 * encoded character by character into the network buffer, which on a board or launch page of tens
 * to hundreds of kilobytes costs a fifth of the request.
 */
public class HtmlBytes {

    private final FormTokens.Source tokens;

    public HtmlBytes(FormTokens.Source tokens) {
        this.tokens = tokens;
    }

    /**
     * Fills in the caller's CSRF token (see {@link FormTokens}) and sends the page as bytes. Response
     * filters run from the highest priority down: this one runs after the one that renders pages
     * returned inside a {@code Response}.
     */
    @ServerResponseFilter(priority = Priorities.USER - 1000)
    public void asBytes(ContainerResponseContext response) {
        if (response.getEntity() instanceof String page && response.getMediaType() != null
                && MediaType.TEXT_HTML_TYPE.isCompatible(response.getMediaType())) {
            response.setEntity(FormTokens.fill(page, tokens::csrf).getBytes(StandardCharsets.UTF_8),
                    response.getEntityAnnotations(), response.getMediaType());
        }
    }
}
