package dev.preflight.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import dev.preflight.platform.db.BaseEntity;

/**
 * A subscription of a URL to events of a team (all its services) or of one service. The secret
 * signs every delivery; it is shown once, when the subscription is made.
 */
@Entity
@Table(name = "webhook")
public class Webhook extends BaseEntity {

    @Column(name = "team_id")
    public Long teamId;

    @Column(name = "service_id")
    public Long serviceId;

    @Column(nullable = false)
    public String url;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WebhookFormat format;

    @Column(nullable = false)
    public String[] events;

    @Column(nullable = false)
    public String secret;

    @Column(nullable = false)
    public String description = "";

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
