/** The core library: functions and procedures of the language itself. Internal to the language. */
package org.openmaces.core.language.builtins;
