package dev.preflight.platform.api;

import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.preflight.platform.Actor;
import dev.preflight.platform.problems.ProblemException;
import dev.preflight.platform.problems.ProblemType;
import dev.preflight.platform.text.Hashes;

/**
 * Writes that a script may safely retry: with an {@code Idempotency-Key}, a write takes effect once
 * and its first result is replayed for every later request with the same key and body from the
 * same caller; the same key with another body is refused (422). The key is claimed in the write's
 * own transaction, so a failed write leaves the key free, and two requests racing with one key
 * have one effect (the second waits for the first and replays its result).
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final int MAX_KEY_LENGTH = 200;

    private final EntityManager em;
    private final Actor.Source actors;
    private final ObjectMapper json;

    public Idempotency(EntityManager em, Actor.Source actors, ObjectMapper json) {
        this.em = em;
        this.actors = actors;
        this.json = json;
    }

    /**
     * Runs the write in one transaction, once per key. {@code request} names the operation (method
     * and path) and {@code body} is what was sent; both must match for a replay.
     */
    public Response once(String key, String request, Object body, Supplier<Response> write) {
        if (key == null) {
            return QuarkusTransaction.requiringNew().call(write::get);
        }
        String trimmed = key.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_KEY_LENGTH || !trimmed.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ProblemException.invalid(HEADER, "must be 1 to " + MAX_KEY_LENGTH
                    + " visible ASCII characters, such as a UUID");
        }
        String owner = owner();
        String hash = Hashes.sha256(request + "\n" + write(body));
        return QuarkusTransaction.requiringNew().call(() -> {
            int claimed = em.createNativeQuery("INSERT INTO idempotency_record (owner, key, request_hash, status) "
                    + "VALUES (:owner, :key, :hash, 0) ON CONFLICT DO NOTHING")
                    .setParameter("owner", owner).setParameter("key", trimmed).setParameter("hash", hash)
                    .executeUpdate();
            if (claimed == 0) {
                return replay(owner, trimmed, hash);
            }
            Response response = write.get();
            em.createNativeQuery("UPDATE idempotency_record SET status = :status, location = :location, etag = :etag, "
                    + "body = :body WHERE owner = :owner AND key = :key")
                    .setParameter("status", response.getStatus())
                    .setParameter("location", response.getLocation() == null ? null : response.getLocation().toString())
                    .setParameter("etag", response.getEntityTag() == null ? null : response.getEntityTag().getValue())
                    .setParameter("body", response.hasEntity() ? write(response.getEntity()) : null)
                    .setParameter("owner", owner).setParameter("key", trimmed)
                    .executeUpdate();
            return response;
        });
    }

    private Response replay(String owner, String key, String hash) {
        Object[] stored = (Object[]) em.createNativeQuery("SELECT request_hash, status, location, body, etag "
                + "FROM idempotency_record WHERE owner = :owner AND key = :key")
                .setParameter("owner", owner).setParameter("key", key).getSingleResult();
        if (!hash.equals(stored[0])) {
            throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED, "The Idempotency-Key '" + key
                    + "' was first used with a different request.", List.of());
        }
        Response.ResponseBuilder builder = Response.status((Integer) stored[1]).header(REPLAYED, "true");
        if (stored[2] != null) {
            builder.header("Location", stored[2]);
        }
        if (stored[3] != null) {
            builder.entity(stored[3]).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (stored[4] != null) {
            builder.tag((String) stored[4]);
        }
        return builder.build();
    }

    private String owner() {
        Actor actor = actors.current();
        return actor.id() != null ? "user:" + actor.id() : actor.name();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A request or response could not be written as JSON", e);
        }
    }
}
