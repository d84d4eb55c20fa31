package dev.preflight.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import dev.preflight.platform.PreflightConfig;
import dev.preflight.platform.db.Sql;
import dev.preflight.platform.metrics.SampledGauges;
import dev.preflight.platform.net.AddressRules;
import dev.preflight.platform.net.PinnedHttp;

/**
 * Sends the queued deliveries, on every instance, each delivery once at a time: a batch of due
 * ones is claimed (locked rows are skipped, the claim holds them for a while) and committed before
 * anything is sent, so no request and no database transaction waits for a receiver. A delivery is
 * a POST signed with HMAC-SHA256 over its timestamp and body; an answer other than 2xx, or none,
 * is retried after {@code first-retry}, then twice as long each time, up to {@code max-attempts}.
 */
@ApplicationScoped
public class WebhookDeliveries {

    /** How long a claimed delivery is left to its instance before another may try it. */
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final int BATCH = 20;
    private static final int MAX_ERROR = 500;
    private static final String RECEIVER_ANSWERED = "the receiver answered ";
    private static final String COULD_NOT_CONNECT = "could not connect to the receiver";
    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class);

    /** One claimed delivery and where it goes. */
    record Due(long id, String event, String payload, int attempts, String url, WebhookFormat format, String secret) {
    }

    private final Sql sql;
    private final Targets targets;
    private final ObjectMapper json;
    private final PreflightConfig.Webhooks settings;
    private final String baseUrl;

    WebhookDeliveries(Sql sql, Targets targets, ObjectMapper json, PreflightConfig config) {
        this.sql = sql;
        this.targets = targets;
        this.json = json;
        this.settings = config.webhooks();
        this.baseUrl = config.baseUrl().map(u -> u.replaceAll("/+$", "")).orElse("");
    }

    void measure(@Observes StartupEvent event, SampledGauges gauges) {
        gauges.register("preflight.webhook.backlog", "Webhook deliveries waiting to be sent or retried",
                "SELECT count(*) FROM webhook_delivery WHERE status = 'PENDING'");
        gauges.register("preflight.webhook.oldest.pending.seconds", "Age of the oldest webhook delivery waiting",
                "SELECT extract(epoch FROM now() - min(created_at)) FROM webhook_delivery WHERE status = 'PENDING'");
    }

    @Scheduled(every = "${preflight.webhooks.poll:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        List<Due> due = claim();
        for (Due delivery : due) {
            send(delivery);
        }
    }

    /** Claims the due deliveries no other instance holds, and commits the claim. */
    List<Due> claim() {
        return QuarkusTransaction.requiringNew().call(() -> sql.inTransaction(c -> Sql.list(c, """
                UPDATE webhook_delivery d SET next_attempt_at = ?
                FROM (SELECT id FROM webhook_delivery WHERE status = 'PENDING' AND next_attempt_at <= now()
                        ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) due, webhook w
                WHERE d.id = due.id AND w.id = d.webhook_id
                RETURNING d.id, d.event, d.payload::text AS payload, d.attempts, w.url, w.format, w.secret""",
                r -> new Due(r.getLong("id"), r.getString("event"), r.getString("payload"), r.getInt("attempts"),
                        r.getString("url"), WebhookFormat.valueOf(r.getString("format")), r.getString("secret")),
                Instant.now().plus(CLAIM), BATCH)));
    }

    /** One attempt, and what came of it. */
    void send(Due delivery) {
        Integer status = null;
        String error = null;
        AddressRules.Pinned target = targets.pinned(delivery.url());
        if (target.refusal() != null) {
            error = "the URL " + target.refusal();
        } else {
            try {
                String body = body(delivery);
                long timestamp = Instant.now().getEpochSecond();
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Content-Type", "application/json");
                headers.put("User-Agent", "Preflight-Webhooks");
                headers.put("Preflight-Event", delivery.event());
                headers.put("Preflight-Delivery", String.valueOf(delivery.id()));
                headers.put("Preflight-Signature", "t=" + timestamp + ",v1=" + sign(delivery.secret(), timestamp, body));
                status = PinnedHttp.post(target, headers, body.getBytes(StandardCharsets.UTF_8), settings.timeout());
                if (status < 200 || status > 299) {
                    error = RECEIVER_ANSWERED + status;
                }
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
        }
        record(delivery, status, error);
    }

    /** The failure as a non-admin sees it: the receiver's answer, or that no connection was made. */
    static String shown(String error) {
        return error == null || error.startsWith(RECEIVER_ANSWERED) ? error : COULD_NOT_CONNECT;
    }

    private void record(Due delivery, Integer status, String error) {
        int attempts = delivery.attempts() + 1;
        boolean delivered = error == null;
        boolean exhausted = !delivered && attempts >= settings.maxAttempts();
        Instant next = delivered || exhausted ? null
                : Instant.now().plus(settings.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20)));
        String shortError = error == null ? null : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        QuarkusTransaction.requiringNew().run(() -> sql.inTransaction(c -> Sql.update(c, """
                UPDATE webhook_delivery SET attempts = ?, status = ?, next_attempt_at = ?::timestamptz, last_status = ?,
                    last_error = ?, delivered_at = ?::timestamptz WHERE id = ?""", attempts,
                delivered ? "DELIVERED" : exhausted ? "FAILED" : "PENDING", next, status, shortError,
                delivered ? Instant.now() : null, delivery.id())));
        if (exhausted) {
            LOG.warnf("Webhook delivery %d failed for good after %d attempts: %s", delivery.id(), attempts, shortError);
        }
    }

    /** The body as the subscription wants it: Preflight's JSON, or Slack's {"text": ...}. */
    String body(Due delivery) throws JsonProcessingException {
        Map<String, Object> data = json.readValue(delivery.payload(), new TypeReference<>() {
        });
        absolute(data);
        if (delivery.format() == WebhookFormat.SLACK) {
            return json.writeValueAsString(Map.of("text", SlackText.of(delivery.event(), data)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", delivery.event());
        body.put("delivery", delivery.id());
        body.put("data", data);
        return json.writeValueAsString(body);
    }

    /** Links made absolute with the configured base address. */
    @SuppressWarnings("unchecked")
    private void absolute(Map<String, Object> data) {
        data.replaceAll((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                absolute((Map<String, Object>) nested);
                return nested;
            }
            return key.equals("link") && value instanceof String link && link.startsWith("/") ? baseUrl + link : value;
        });
    }

    /** The signature a receiver checks: hex HMAC-SHA256, keyed with the secret, of "timestamp.body". */
    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
