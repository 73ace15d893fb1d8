package nl.llomonitor.region;

/**
 * A region as other resources refer to it.
 *
 * @param code CBS code
 * @param name name in the response language
 * @param level level code
 */
public record RegionRef(String code, String name, String level) {
}
