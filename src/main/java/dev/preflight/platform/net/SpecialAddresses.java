package dev.preflight.platform.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The address blocks of IANA's special-purpose registries, IPv4 and IPv6 (RFC 6890 and its
 * updates), with multicast: none of them is an ordinary host on the internet, so a host reached
 * through a domain or a wildcard may not resolve into any of them. IPv4-compatible and NAT64 forms
 * of IPv6 carry an IPv4 address inside and are refused whole; IPv4-mapped ones Java reads as IPv4.
 */
final class SpecialAddresses {

    private record Block(byte[] prefix, int bits, String name) {

        boolean contains(byte[] address) {
            if (address.length != prefix.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            return rest == 0 || ((address[whole] ^ prefix[whole]) & (0xff << (8 - rest))) == 0;
        }
    }

    private static final List<Block> BLOCKS = List.of(
            block("0.0.0.0/8", "this network"),
            block("10.0.0.0/8", "private use"),
            block("100.64.0.0/10", "shared address space (carrier-grade NAT, cloud metadata)"),
            block("127.0.0.0/8", "loopback"),
            block("169.254.0.0/16", "link local"),
            block("172.16.0.0/12", "private use"),
            block("192.0.0.0/24", "IETF protocol assignments"),
            block("192.0.2.0/24", "documentation (TEST-NET-1)"),
            block("192.31.196.0/24", "AS112"),
            block("192.52.193.0/24", "AMT"),
            block("192.88.99.0/24", "6to4 relay anycast"),
            block("192.168.0.0/16", "private use"),
            block("192.175.48.0/24", "AS112 direct delegation"),
            block("198.18.0.0/15", "benchmarking"),
            block("198.51.100.0/24", "documentation (TEST-NET-2)"),
            block("203.0.113.0/24", "documentation (TEST-NET-3)"),
            block("224.0.0.0/4", "multicast"),
            block("240.0.0.0/4", "reserved"),
            block("255.255.255.255/32", "limited broadcast"),
            block("::/96", "unspecified, loopback and IPv4-compatible"),
            block("64:ff9b::/96", "IPv4/IPv6 translation (NAT64)"),
            block("64:ff9b:1::/48", "local-use IPv4/IPv6 translation"),
            block("100::/64", "discard-only"),
            block("2001::/23", "IETF protocol assignments (Teredo, benchmarking, ORCHID)"),
            block("2001:db8::/32", "documentation"),
            block("2002::/16", "6to4"),
            block("2620:4f:8000::/48", "AS112"),
            block("3fff::/20", "documentation"),
            block("5f00::/16", "segment routing (SRv6) SIDs"),
            block("fc00::/7", "unique local"),
            block("fe80::/10", "link local"),
            block("ff00::/8", "multicast"));

    private SpecialAddresses() {
    }

    /** What the address is for when it is special ("loopback"), or null for an ordinary address. */
    static String of(InetAddress address) {
        byte[] bytes = address.getAddress();
        return BLOCKS.stream().filter(b -> b.contains(bytes)).map(Block::name).findFirst().orElse(null);
    }

    private static Block block(String cidr, String name) {
        String[] parts = cidr.split("/");
        try {
            return new Block(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]), name);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("Not an address block: " + cidr, e);
        }
    }
}
