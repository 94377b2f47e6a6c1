package org.openmaces.core.module;

import java.util.Objects;

/**
 * One result of {@code nxlog doctor}: what was checked, what was found, and for a problem the exact fix.
 *
 * @param status  OK, WARNING (works, but not as it should) or PROBLEM (will not work)
 * @param check   what was checked, e.g. {@code Full Disk Access}
 * @param detail  what was found, e.g. {@code es_new_client returned ES_NEW_CLIENT_RESULT_ERR_NOT_PERMITTED}
 * @param fix     what to do about it (empty for OK)
 */
public record DoctorFinding(Status status, String check, String detail, String fix) {

    public enum Status { OK, WARNING, PROBLEM }

    public DoctorFinding {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(check, "check");
        detail = detail == null ? "" : detail;
        fix = fix == null ? "" : fix;
    }

    public static DoctorFinding ok(String check, String detail) {
        return new DoctorFinding(Status.OK, check, detail, "");
    }

    public static DoctorFinding warning(String check, String detail, String fix) {
        return new DoctorFinding(Status.WARNING, check, detail, fix);
    }

    public static DoctorFinding problem(String check, String detail, String fix) {
        return new DoctorFinding(Status.PROBLEM, check, detail, fix);
    }
}
