/**
 * Run-time support: source locations, run-time errors and their rate-limited reporting, statistical
 * counters and module variables, date parsing and formatting. Internal to the language.
 */
package org.openmaces.core.language.runtime;
