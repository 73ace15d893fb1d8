package nl.llomonitor.system;

/**
 * The store changed: an import bumped the data version (announced on the PostgreSQL
 * channel {@code llo_data_changed}).
 *
 * @param version the new data version
 */
public record DataChange(long version) {
}
