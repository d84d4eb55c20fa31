package dev.preflight.platform;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Values the application generates once and every instance shares, such as signing keys: the
 * first instance to need one creates it, the others read the same row.
 */
@ApplicationScoped
public class AppSettings {

    private final EntityManager em;

    public AppSettings(EntityManager em) {
        this.em = em;
    }

    public String getOrCreate(String name, Supplier<String> initial) {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("INSERT INTO app_setting (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                    .setParameter("name", name).setParameter("value", initial.get()).executeUpdate();
            return (String) em.createNativeQuery("SELECT value FROM app_setting WHERE name = :name")
                    .setParameter("name", name).getSingleResult();
        });
    }
}
