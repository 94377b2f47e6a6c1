package org.openmaces.core.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openmaces.core.module.DoctorFinding;

class EsClientResultTest {
    @Test
    void shouldRecogniseAppleConstantsAsEsloggerPrintsThem() {
        assertEquals(Optional.of(EsClientResult.ERR_NOT_PERMITTED),
                EsClientResult.findIn("eslogger: ES_NEW_CLIENT_RESULT_ERR_NOT_PERMITTED"));
        assertEquals(Optional.of(EsClientResult.ERR_TOO_MANY_CLIENTS),
                EsClientResult.findIn("ES_NEW_CLIENT_RESULT_ERR_TOO_MANY_CLIENTS"));
    }

    @Test
    void shouldRecogniseTheMessagesOfLibnxes() {
        assertEquals(Optional.of(EsClientResult.ERR_NOT_ENTITLED), EsClientResult.findIn("es_new_client: this executable"
                + " lacks the com.apple.developer.endpoint-security.client entitlement (ERR_NOT_ENTITLED); start ..."));
        assertEquals(Optional.of(EsClientResult.ERR_NOT_PRIVILEGED),
                EsClientResult.findIn("es_new_client: the agent is not running as root (ERR_NOT_PRIVILEGED); run it"));
        assertEquals(Optional.of(EsClientResult.ERR_INTERNAL), EsClientResult.findIn("could not be reached (ERR_INTERNAL)"));
        assertEquals(Optional.of(EsClientResult.ERR_INVALID_ARGUMENT),
                EsClientResult.findIn("es_new_client: invalid argument (a bug in the shim; please report it)"));
        assertEquals(Optional.empty(), EsClientResult.findIn("connection refused"));
    }

    @Test
    void shouldNameBothBinariesWhenEsloggerLacksFullDiskAccess() {
        DoctorFinding finding = EsClientResult.ERR_NOT_PERMITTED.interpret(Path.of("/opt/nxlog/lib/nxlog.app/Contents/MacOS/nxlog"), true);
        assertEquals(DoctorFinding.Status.PROBLEM, finding.status());
        assertTrue(finding.detail().startsWith("eslogger reported ES_NEW_CLIENT_RESULT_ERR_NOT_PERMITTED (4): "), finding.detail());
        assertTrue(finding.detail().contains("/usr/bin/eslogger and /opt/nxlog/lib/nxlog.app/Contents/MacOS/nxlog"), finding.detail());
        assertTrue(finding.fix().contains("/opt/nxlog/lib/nxlog.app and /usr/bin/eslogger"), finding.fix());
    }

    @Test
    void shouldGiveEveryFailureAFix() {
        for (EsClientResult result : EsClientResult.values()) {
            DoctorFinding finding = result.interpret(null, false);
            assertEquals(DoctorFinding.Status.PROBLEM, finding.status());
            assertTrue(finding.detail().contains(result.constant()), finding.detail());
            assertTrue(!finding.fix().isBlank(), result.name());
        }
    }
}
