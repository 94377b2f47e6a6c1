package org.openmaces.core.record;

/** The fields the core itself sets or every module relies on (language spec §10). */
public final class CoreFields {
    public static final FieldName RAW_EVENT = FieldName.of("raw_event");
    public static final FieldName EVENT_RECEIVED_TIME = FieldName.of("EventReceivedTime");
    public static final FieldName SOURCE_MODULE_NAME = FieldName.of("SourceModuleName");
    public static final FieldName SOURCE_MODULE_TYPE = FieldName.of("SourceModuleType");

    // Not core fields in NXLog's sense, but set by many modules under these spellings.
    public static final FieldName EVENT_TIME = FieldName.of("EventTime");
    public static final FieldName MESSAGE = FieldName.of("Message");
    public static final FieldName HOSTNAME = FieldName.of("Hostname");
    public static final FieldName SEVERITY = FieldName.of("Severity");
    public static final FieldName SEVERITY_VALUE = FieldName.of("SeverityValue");
    public static final FieldName SOURCE_NAME = FieldName.of("SourceName");
    public static final FieldName PROCESS_ID = FieldName.of("ProcessID");

    private CoreFields() {
    }
}
