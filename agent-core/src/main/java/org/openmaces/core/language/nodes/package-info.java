/**
 * The compiled form: one closure class per operation, each holding its compiled children, field names and
 * patterns resolved at compile time. Immutable and shareable across threads; per-thread state lives in the
 * {@link org.openmaces.core.language.ExecutionContext}. Internal to the language.
 */
package org.openmaces.core.language.nodes;
