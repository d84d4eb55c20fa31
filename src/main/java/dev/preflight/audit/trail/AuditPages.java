package dev.preflight.audit.trail;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.preflight.platform.api.Page;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.problems.ProblemType;
import dev.preflight.platform.security.Roles;
import dev.preflight.platform.text.Csv;
import dev.preflight.platform.web.FormErrors;
import dev.preflight.platform.web.PageLink;

/**
 * The audit page for admins: events filtered by actor, action, target and days, the same events as
 * CSV or JSON, and the check of the hash chain.
 */
@Path("/admin/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class AuditPages {

    private static final String CSV_HEADER = "seq,id,at,actor,via,action,target_type,target_id,before,after,"
            + "request_id,source_address,hash\r\n";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(Page<AuditView> page, Map<String, String> filter, PageLink link,
                Map<String, String> errors);

        static native TemplateInstance verify(AuditTrail.Verification verification);
    }

    private final AuditTrail trail;
    private final ObjectMapper json;

    public AuditPages(AuditTrail trail, ObjectMapper json) {
        this.trail = trail;
        this.json = json;
    }

    @GET
    public TemplateInstance list(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("page") Integer page) {
        Map<String, String> filter = filter(actor, action, targetType, targetId, from, to);
        PageLink link = link(filter);
        try {
            return Templates.audit(trail.search(AuditTrail.Filter.of(actor, action, targetType, targetId, from, to),
                    Page.Request.of(page, Page.DEFAULT_SIZE)), filter, link, Map.of());
        } catch (ProblemException e) {
            if (e.type() != ProblemType.INVALID_INPUT) {
                throw e;
            }
            return Templates.audit(new Page<>(List.of(), 1, Page.DEFAULT_SIZE, 0), filter, link, FormErrors.of(e));
        }
    }

    @GET
    @Path("verify")
    public TemplateInstance verify() {
        return Templates.verify(trail.verify());
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        AuditTrail.Export events = trail.export(AuditTrail.Filter.of(actor, action, targetType, targetId, from, to));
        StreamingOutput body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            writer.write(CSV_HEADER);
            events.each(e -> write(writer, Csv.line(Arrays.asList(e.seq() == null ? null : String.valueOf(e.seq()),
                    String.valueOf(e.id()), e.at().toString(), e.actor(), e.via(), e.action(), e.targetType(),
                    e.targetId(), e.before(), e.after(), e.requestId(), e.sourceAddress(), e.hash()))));
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }

    @GET
    @Path("export.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        AuditTrail.Export events = trail.export(AuditTrail.Filter.of(actor, action, targetType, targetId, from, to));
        StreamingOutput body = output -> {
            try (JsonGenerator generator = json.getFactory().createGenerator(output)) {
                generator.writeStartArray();
                events.each(e -> {
                    try {
                        json.writeValue(generator, e);
                    } catch (IOException failure) {
                        throw new UncheckedIOException(failure);
                    }
                });
                generator.writeEndArray();
            }
        };
        return Response.ok(body, MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"audit.json\"").build();
    }

    private static void write(BufferedWriter writer, String line) {
        try {
            writer.write(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> filter(String actor, String action, String targetType, String targetId,
            String from, String to) {
        Map<String, String> filter = new LinkedHashMap<>();
        filter.put("actor", actor == null ? "" : actor);
        filter.put("action", action == null ? "" : action);
        filter.put("targetType", targetType == null ? "" : targetType);
        filter.put("targetId", targetId == null ? "" : targetId);
        filter.put("from", from == null ? "" : from);
        filter.put("to", to == null ? "" : to);
        return filter;
    }

    /** The list's address with the filter, for its pages and exports. */
    private static PageLink link(Map<String, String> filter) {
        PageLink link = PageLink.to("/admin/audit");
        for (Map.Entry<String, String> criterion : filter.entrySet()) {
            link = link.with(criterion.getKey(), criterion.getValue());
        }
        return link;
    }
}
