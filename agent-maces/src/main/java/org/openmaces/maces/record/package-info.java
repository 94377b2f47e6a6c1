/**
 * The ring record format (native/RECORD_FORMAT.md): {@link org.openmaces.maces.record.FieldTag}
 * (the field catalog), {@link org.openmaces.maces.record.RecordDecoder} (a flyweight with typed
 * access to every field by tag) and {@link org.openmaces.maces.record.RecordWriter} (the same bytes
 * from Java, for sources other than the native shim).
 *
 * <pre>{@code
 * RecordDecoder record = new RecordDecoder();          // one per reading thread
 * record.wrap(buffer, offset);                         // validates and indexes the fields
 * if (record.eventType() == 9) {                       // exec
 *     String executable = record.getString(FieldTag.TARGET_EXECUTABLE);
 *     List<String> arguments = record.getStringList(FieldTag.EXEC_ARGS);
 *     long pid = record.getAuditTokenWord(FieldTag.TARGET_AUDIT_TOKEN, 5);
 * }
 * if (record.has(FieldTag.PROCESS_TTY) && record.messageVersion() > 2) { ... }
 * }</pre>
 */
package org.openmaces.maces.record;
