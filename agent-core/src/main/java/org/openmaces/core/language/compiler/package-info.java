/**
 * From syntax trees to closures: type checks, field and function resolution, PCRE translation, constant
 * folding and lint. Internal to the language.
 */
package org.openmaces.core.language.compiler;
