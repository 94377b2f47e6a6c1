package org.openmaces.outputs.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openmaces.core.language.NxlogLanguage;
import org.openmaces.core.testing.RuntimeHarness;

class DatagramOutputTest {
    @TempDir
    Path directory;

    @Test
    void shouldSendOneDatagramPerRecordAndTruncateOversizedOnes() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            receiver.setReceiveBufferSize(1 << 20);
            receiver.setSoTimeout(10_000);
            new RuntimeHarness(directory, new NxlogLanguage()).runOneshot(String.join("\n", "CacheDir " + directory,
                    "<Input in>", "Module im_testgen", "MaxCount 2",
                    "Exec if $raw_event =~ /^1@/ $raw_event = 'x';", "</Input>",
                    "<Output out>", "Module om_udp", "Host 127.0.0.1", "Port " + receiver.getLocalPort(),
                    "Exec if $raw_event == 'x' $raw_event = " + repeat() + ";", "</Output>", ""));
            DatagramPacket packet = new DatagramPacket(new byte[70_000], 70_000);
            receiver.receive(packet);
            String first = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            assertEquals(true, first.startsWith("0@"), first);
            receiver.receive(packet);
            assertEquals(DatagramOutput.MAXIMUM_DATAGRAM, packet.getLength());
        }
    }

    /** An expression for a 70,000-character string. */
    private static String repeat() {
        String thousand = "'" + "y".repeat(1000) + "'";
        StringBuilder expression = new StringBuilder(thousand);
        for (int i = 1; i < 70; i++) {
            expression.append(" + ").append(thousand);
        }
        return expression.toString();
    }
}
