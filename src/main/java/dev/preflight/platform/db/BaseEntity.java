package dev.preflight.platform.db;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * Identity, timestamps and an optimistic-locking version shared by the entities people edit.
 * The id comes from the table's own sequence ({@code <table>_seq}, blocks of 50).
 */
@MappedSuperclass
public abstract class BaseEntity extends VersionedEntity {

    @Id
    @GeneratedValue
    public Long id;
}
