/**
 * The shared vocabulary of the statistical cube: the status of a published value, the
 * reason a value is missing, and the flags that sources attach to a value. No Spring, no
 * HTTP: importers, the store and the API all speak these words.
 */
package nl.llomonitor.cube;
