package io.bikecast.ingest.source;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An address block in CIDR notation ({@code 127.0.0.1/32}, {@code 10.0.0.0/8}, {@code fd00::/8}); a bare address is
 * a block of one.
 */
record AddressRange(byte[] network, int prefixLength) {

    static AddressRange parse(String cidr) {
        String text = cidr.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (!address.matches("[0-9a-fA-F:.]+")) {
            // Only literals: a host name here would be resolved, and could resolve anywhere later.
            throw new IllegalArgumentException(
                    "bikecast.ingest.fetch.allowed-addresses: '" + cidr + "' is not an IP address or CIDR block");
        }
        byte[] network;
        try {
            network = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(
                    "bikecast.ingest.fetch.allowed-addresses: '" + cidr + "' is not an IP address or CIDR block", e);
        }
        int bits = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
        if (bits < 0 || bits > network.length * 8) {
            throw new IllegalArgumentException(
                    "bikecast.ingest.fetch.allowed-addresses: '" + cidr + "' has a prefix length out of range");
        }
        return new AddressRange(network, bits);
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }
}
