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

    private SyslogFields() {
    }
}
