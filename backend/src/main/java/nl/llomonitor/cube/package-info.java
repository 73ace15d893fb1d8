/**
 * The shared vocabulary of the data cube: period codes and their types, units, import run
 * states, the status of a published value, the reason a value is missing, and the flags
 * that sources attach to a value. Plain Java: no Spring, no HTTP, no feature package
 * (checked by {@code ArchitectureTests}); the web boundary turns its exceptions into
 * problems. Importers, the store and the API all speak these words.
 */
package nl.llomonitor.cube;
