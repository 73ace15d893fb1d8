/**
 * The shared vocabulary of the data cube: period codes and their types, units, import run
 * states. Plain Java: no Spring, no HTTP, no feature package (checked by
 * {@code ArchitectureTests}); the web boundary turns its exceptions into problems.
 */
package nl.llomonitor.cube;
