package io.bikecast.ingest.source;

import io.bikecast.ingest.config.IngestProperties;
import io.bikecast.ingest.input.SourceUnavailableException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Where a URL ingest may connect: never to loopback, link-local (cloud metadata at 169.254.169.254), private,
 * carrier-grade NAT, multicast or unspecified addresses unless {@code bikecast.ingest.fetch.allowed-addresses} names
 * them. Otherwise the ingest service could be asked to read another service's actuator on the same host, or anything on
 * the internal network, and report what it found. The host is resolved and every address it resolves to is checked
 * before any connection is made; {@link UrlFetcher} does it again for every redirect.
 */
class FetchAddressPolicy {

    private final HostResolver resolver;
    private final List<AddressRange> allowed;

    FetchAddressPolicy(HostResolver resolver, IngestProperties.Fetch settings) {
        this.resolver = resolver;
        this.allowed =
                settings.allowedAddresses().stream().map(AddressRange::parse).toList();
    }

    /**
     * @param field the request field the URL is named in, for the refusal
     * @throws RefusedSourceException if the host resolves to a refused address
     * @throws SourceUnavailableException if it does not resolve
     */
    void check(URI uri, String field) {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw new SourceUnavailableException(
                    SourceUnavailableException.Reason.UNREACHABLE, "The host " + uri.getHost() + " does not resolve.");
        }
        for (InetAddress address : addresses) {
            Optional<String> refusal = refusal(address);
            if (refusal.isPresent()) {
                String reason = "resolves to " + address.getHostAddress() + ", " + refusal.get()
                        + " address; URLs may only point at public addresses unless"
                        + " bikecast.ingest.fetch.allowed-addresses names it";
                throw new RefusedSourceException(
                        RefusedSourceException.Reason.INVALID_URL,
                        "The URL cannot be ingested: " + reason + ".",
                        field,
                        reason,
                        uri.toString());
            }
        }
    }

    private Optional<String> refusal(InetAddress address) {
        InetAddress plain = unmapped(address);
        if (allowed.stream().anyMatch(range -> range.contains(address) || range.contains(plain))) {
            return Optional.empty();
        }
        if (plain.isLoopbackAddress()) {
            return Optional.of("a loopback");
        }
        if (plain.isLinkLocalAddress()) {
            return Optional.of("a link-local");
        }
        if (plain.isSiteLocalAddress() || isUniqueLocal(plain) || isSharedAddressSpace(plain)) {
            return Optional.of("a private");
        }
        if (plain.isMulticastAddress()) {
            return Optional.of("a multicast");
        }
        if (plain.isAnyLocalAddress()) {
            return Optional.of("an unspecified");
        }
        return Optional.empty();
    }

    /** An IPv4 address written as IPv6 ({@code ::ffff:127.0.0.1}) is judged as the IPv4 address it is. */
    private static InetAddress unmapped(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && bytes.length == 16) {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            mapped &= bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF;
            if (mapped) {
                try {
                    return InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
                } catch (UnknownHostException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }
        return address;
    }

    /** IPv6 unique local addresses, fc00::/7: IPv6's private ranges, which {@code isSiteLocalAddress} does not know. */
    private static boolean isUniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xFE) == 0xFC;
    }

    /** 100.64.0.0/10, carrier-grade NAT: not routed on the internet, often internal in clouds. */
    private static boolean isSharedAddressSpace(InetAddress address) {
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address && bytes[0] == 100 && (bytes[1] & 0xC0) == 64;
    }
}
