package org.openmaces.outputs.syslog;

import org.openmaces.core.record.FieldName;

/** The fields xm_syslog reads and writes. */
final class SyslogFields {
    static final FieldName FACILITY_VALUE = FieldName.of("SyslogFacilityValue");
    static final FieldName FACILITY = FieldName.of("SyslogFacility");
    static final FieldName SEVERITY_VALUE = FieldName.of("SyslogSeverityValue");
    static final FieldName SEVERITY = FieldName.of("SyslogSeverity");
    static final FieldName MESSAGE_ID = FieldName.of("MessageID");
    static final FieldName MESSAGE_SOURCE_ADDRESS = FieldName.of("MessageSourceAddress");
    // to_syslog_snare() reads these Windows Event Log fields under NXLog's names.
    static final FieldName CHANNEL = FieldName.of("Channel");
    static final FieldName FILE_NAME = FieldName.of("FileName");
    static final FieldName EVENT_ID = FieldName.of("EventID");
    static final FieldName ACCOUNT_NAME = FieldName.of("AccountName");
    static final FieldName ACCOUNT_TYPE = FieldName.of("AccountType");
    static final FieldName EVENT_TYPE = FieldName.of("EventType");
    static final FieldName CATEGORY = FieldName.of("Category");
    static final FieldName RECORD_NUMBER = FieldName.of("RecordNumber");

    private SyslogFields() {
    }
}
