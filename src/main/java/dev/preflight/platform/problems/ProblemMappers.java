package dev.preflight.platform.problems;

import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.vertx.core.http.HttpServerRequest;

/**
 * One mapper per kind of failure. Responses name the problem and, where known, the field; they
 * never carry exception messages, class names or stack traces. Unexpected failures are logged with
 * the request id that the response also shows.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private final Problems problems;

    public ProblemMappers(Problems problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        Response response = problems.response(e, request);
        if (e.retryAfterSeconds() > 0) {
            return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
        }
        return response;
    }

    /**
     * A path or query parameter that does not convert to its type ({@code page=abc}) reaches here as
     * not found with the conversion failure as its cause, as JAX-RS has it; the address exists and
     * the request is malformed, so it is answered as such.
     */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, request);
        }
        if (e instanceof NotFoundException && e.getCause() != null) {
            return problems.response(ProblemType.MALFORMED_REQUEST, "A parameter in the address does not have the "
                    + "type the operation declares, such as a number.", List.of(), request);
        }
        ProblemType type = ProblemType.forStatus(e.getResponse().getStatus());
        if (type == ProblemType.INTERNAL_ERROR) {
            return unexpected(e, request);
        }
        return problems.response(type, type.description(), List.of(), request);
    }

    /** Takes precedence over the framework's own mapper for this type, which answers without a body. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpServerRequest request) {
        return json(e, request);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        if (e instanceof JsonParseException parse) {
            String where = parse.getLocation() == null ? ""
                    : " (line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + ")";
            return problems.response(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON" + where + ".",
                    List.of(), request);
        }
        if (String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
            return problems.response(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON: it ends too early.",
                    List.of(), request);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            String message = fieldMessage(mapping);
            return problems.response(ProblemType.MALFORMED_REQUEST, field + ": " + message,
                    List.of(new Problem.FieldError(field, message)), request);
        }
        return problems.response(ProblemType.MALFORMED_REQUEST,
                "The body could not be read as the expected JSON object.", List.of(), request);
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e, HttpServerRequest request) {
        String detail = switch (e.getKind()) {
            case UNIQUE -> "A record with the same unique value already exists.";
            case FOREIGN_KEY -> "The record is referenced by other records, or refers to one that does not exist.";
            default -> "The change would break a rule of the data model.";
        };
        LOG.debugf("Constraint %s refused a change: %s", e.getConstraintName(), e.getKind());
        return problems.response(ProblemType.CONFLICT, detail, List.of(), request);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, HttpServerRequest request) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation) {
                return constraint(violation, request);
            }
            if (t instanceof DataException) {
                LOG.debugf("The database refused a value of %s %s: %s", request.method(), request.path(), rootMessage(e));
                return problems.response(ProblemType.MALFORMED_REQUEST, "A value cannot be stored: text with a NUL "
                        + "character, or a number or date out of range.", List.of(), request);
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return problems.response(ProblemType.STALE_VERSION, "Someone else changed the record at the same "
                        + "moment. Read it again and re-apply the change.", List.of(), request);
            }
        }
        if (Problems.isDatabaseUnavailable(e)) {
            LOG.warnf("Database unavailable for %s %s: %s", request.method(), request.path(), rootMessage(e));
            return problems.databaseUnavailable(request);
        }
        LOG.errorf(e, "Unexpected failure of %s %s", request.method(), request.path());
        return problems.response(ProblemType.INTERNAL_ERROR, ProblemType.INTERNAL_ERROR.description(), List.of(),
                request);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String fieldMessage(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "must be " + describe(invalid.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "must be " + describe(mismatched.getTargetType());
        }
        return "has the wrong type";
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            StringBuilder values = new StringBuilder();
            for (Object constant : constants) {
                values.append(values.length() == 0 ? "" : ", ").append(constant.toString());
            }
            return "one of: " + values;
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date in ISO 8601 form";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }
}
