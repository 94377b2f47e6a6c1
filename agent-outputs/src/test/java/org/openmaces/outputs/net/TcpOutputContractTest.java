package org.openmaces.outputs.net;

import java.net.InetAddress;
import java.net.ServerSocket;

class TcpOutputContractTest extends StreamOutputContractTest {
    @Override
    ServerSocket listen() throws Exception {
        return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @Override
    String outputDirectives() {
        return "Module om_tcp";
    }
}
