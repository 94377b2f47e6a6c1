package org.openmaces.core.language.builtins;

import static org.openmaces.core.record.ValueType.BOOLEAN;
import static org.openmaces.core.record.ValueType.INTEGER;
import static org.openmaces.core.record.ValueType.IP4ADDR;
import static org.openmaces.core.record.ValueType.STRING;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.openmaces.core.language.ExecutionException;
import org.openmaces.core.language.compiler.Builtin;
import org.openmaces.core.record.IpAddress;

/** hostname, hostname_fqdn, host_ip, ip4addr, get_uuid, nxlog_version (language spec §8). */
final class SystemFunctions {
    /** What {@code nxlog_version()} returns. */
    static final String VERSION = "OpenMacES 0.1.0";

    private SystemFunctions() {
    }

    static void register(List<Builtin> library) {
        library.add(Builtin.function("hostname", STRING, false, context -> HostNames.shortName()));
        library.add(Builtin.function("hostname_fqdn", STRING, false, context -> HostNames.fullName()));
        library.add(Builtin.function("host_ip", IP4ADDR, false, context -> hostAddress(1)));
        library.add(Builtin.function("host_ip", IP4ADDR, INTEGER, false,
                (context, nth) -> nth == null ? null : hostAddress((Long) nth)));
        library.add(Builtin.function("ip4addr", IP4ADDR, INTEGER, true,
                (context, number) -> number == null ? null : ip4((Long) number, false)));
        library.add(Builtin.function("ip4addr", IP4ADDR, INTEGER, BOOLEAN, true,
                (context, number, ntoa) -> number == null ? null : ip4((Long) number, ntoa == Boolean.TRUE)));
        library.add(Builtin.function("get_uuid", STRING, false, context -> UUID.randomUUID().toString()));
        library.add(Builtin.function("nxlog_version", STRING, true, context -> VERSION));
    }

    private static IpAddress ip4(long number, boolean reversed) {
        byte[] bytes = {(byte) (number >>> 24), (byte) (number >>> 16), (byte) (number >>> 8), (byte) number};
        if (reversed) {
            bytes = new byte[] {bytes[3], bytes[2], bytes[1], bytes[0]};
        }
        return IpAddress.ofBytes(bytes);
    }

    private static IpAddress hostAddress(long nth) throws ExecutionException {
        if (nth <= 0) {
            throw new ExecutionException("host_ip() takes a positive index, got " + nth);
        }
        List<IpAddress> addresses = HostNames.addresses();
        return nth > addresses.size() ? null : addresses.get((int) nth - 1);
    }

    /** The host's names and addresses, looked up once (a lookup may be slow). */
    static final class HostNames {
        private static volatile String shortName;
        private static volatile String fullName;
        private static volatile List<IpAddress> addresses;

        static String shortName() {
            if (shortName == null) {
                String full = fullName();
                int dot = full.indexOf('.');
                shortName = dot > 0 ? full.substring(0, dot) : full;
            }
            return shortName;
        }

        static String fullName() {
            if (fullName == null) {
                try {
                    fullName = InetAddress.getLocalHost().getCanonicalHostName();
                } catch (UnknownHostException unknown) {
                    String fromEnvironment = System.getenv("HOSTNAME");
                    fullName = fromEnvironment != null ? fromEnvironment : "localhost";
                }
            }
            return fullName;
        }

        static List<IpAddress> addresses() {
            if (addresses == null) {
                List<IpAddress> found = new ArrayList<>();
                try {
                    for (InetAddress address : InetAddress.getAllByName(InetAddress.getLocalHost().getHostName())) {
                        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                            found.add(IpAddress.of(address));
                        }
                    }
                } catch (UnknownHostException unknown) {
                    // No resolvable host name: no addresses.
                }
                addresses = List.copyOf(found);
            }
            return addresses;
        }
    }
}
