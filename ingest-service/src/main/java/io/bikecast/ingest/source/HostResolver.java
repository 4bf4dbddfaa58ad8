package io.bikecast.ingest.source;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves a host name to its addresses, for {@link FetchAddressPolicy}. The system resolver is the default bean; tests
 * put a stub in its place to map a test host name onto a private or link-local address without any real traffic.
 */
@FunctionalInterface
public interface HostResolver {

    InetAddress[] resolve(String host) throws UnknownHostException;

    /** The JVM's resolver ({@link InetAddress#getAllByName}). */
    static HostResolver system() {
        return InetAddress::getAllByName;
    }
}
