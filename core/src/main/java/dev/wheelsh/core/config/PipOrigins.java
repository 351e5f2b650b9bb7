package dev.wheelsh.core.config;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether pip fetches from a URL without complaint: pip's is_secure_origin (network/session.py)
 * over its built-in secure origins (https, localhost, 127.0.0.0/8, ::1, file, ssh) and the
 * trusted-host entries, with URLs split as Python's urllib.parse does.
 */
final class PipOrigins {

    /** A URL as urllib.parse.urlparse splits it: scheme, hostname (lower case), port (-1 when none). */
    record Origin(String scheme, String host, int port) {
    }

    /** A trusted-host entry as pip's parse_netloc reads it: the host and the port (-1: any port). */
    record Trusted(String host, int port) {
    }

    private PipOrigins() {
    }

    /** The parts of a URL, or empty where Python would raise (a port that is not a number in 0..65535). */
    static Optional<Origin> parse(String url) {
        String scheme = "";
        String rest = url;
        int colon = url.indexOf(':');
        if (colon > 0 && TextShapes.SCHEME.matcher(url.substring(0, colon)).matches()) {
            scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
            rest = url.substring(colon + 1);
        }
        if (!rest.startsWith("//")) {
            return Optional.of(new Origin(scheme, null, -1));
        }
        int end = 2;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String netloc = rest.substring(2, end);
        String hostinfo = netloc.substring(netloc.lastIndexOf('@') + 1);
        String host;
        String port;
        int bracket = hostinfo.indexOf('[');
        if (bracket >= 0) {
            String bracketed = hostinfo.substring(bracket + 1);
            int close = bracketed.indexOf(']');
            host = close >= 0 ? bracketed.substring(0, close) : bracketed;
            String after = close >= 0 ? bracketed.substring(close + 1) : "";
            int c = after.indexOf(':');
            port = c >= 0 ? after.substring(c + 1) : "";
        } else {
            int c = hostinfo.indexOf(':');
            host = c >= 0 ? hostinfo.substring(0, c) : hostinfo;
            port = c >= 0 ? hostinfo.substring(c + 1) : "";
        }
        int p = -1;
        if (!port.isEmpty()) {
            if (!TextShapes.DIGITS.matcher(port).matches() || port.length() > 5 || Integer.parseInt(port) > 65535) {
                return Optional.empty();
            }
            p = Integer.parseInt(port);
        }
        return Optional.of(new Origin(scheme, host.isEmpty() ? null : host.toLowerCase(Locale.ROOT), p));
    }

    /** A trusted-host entry as pip reads it: the host of https://ENTRY (ENTRY bracketed when it is a bare IPv6 address). */
    static Optional<Trusted> trusted(String entry) {
        String netloc = entry.chars().filter(c -> c == ':').count() >= 2 && !entry.contains("@") && !entry.contains("[")
                ? "[" + entry + "]" : entry;
        return parse("https://" + netloc).filter(o -> o.host() != null).map(o -> new Trusted(o.host(), o.port()));
    }

    /** pip's is_secure_origin: true when pip uses the URL without the "not a trusted or secure host" warning. */
    static boolean isSecure(String url, List<String> trustedHosts) {
        Optional<Origin> parsed = parse(url);
        if (parsed.isEmpty()) {
            return false;
        }
        Origin o = parsed.get();
        String protocol = o.scheme().substring(o.scheme().lastIndexOf('+') + 1);
        if (protocol.equals("https") || protocol.equals("ssh") || protocol.equals("file")) {
            return true;
        }
        if (o.host() == null) {
            return true; // pip's host comparison passes when the URL names no host
        }
        if (o.host().equals("localhost") || inNetwork(o.host(), "127.0.0.0", 8) || inNetwork(o.host(), "::1", 128)) {
            return true;
        }
        for (String entry : trustedHosts) {
            Optional<Trusted> t = trusted(entry);
            if (t.isEmpty()) {
                continue;
            }
            boolean hostMatches = ip(o.host()).isPresent() && ip(t.get().host()).isPresent()
                    ? ip(o.host()).equals(ip(t.get().host()))
                    : o.host().equalsIgnoreCase(t.get().host());
            if (hostMatches && (t.get().port() < 0 || t.get().port() == o.port())) {
                return true;
            }
        }
        return false;
    }

    /** A literal IP address as a number (IPv4 and IPv6 kept apart by their length); empty for a name. */
    private static Optional<BigInteger> ip(String host) {
        boolean v4 = TextShapes.IPV4.matcher(host).matches()
                && java.util.Arrays.stream(host.split("\\.")).allMatch(o -> Integer.parseInt(o) <= 255 && (o.length() == 1 || !o.startsWith("0")));
        boolean v6 = host.contains(":") && TextShapes.IPV6_CHARS.matcher(host).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            byte[] b = InetAddress.getByName(host).getAddress();
            return Optional.of(new BigInteger(1, b).add(BigInteger.ONE.shiftLeft(b.length * 8)));
        } catch (UnknownHostException e) {
            // a literal that does not parse: getByName resolves no names for literals of these shapes
            return Optional.empty();
        }
    }

    private static boolean inNetwork(String host, String network, int bits) {
        Optional<BigInteger> a = ip(host);
        Optional<BigInteger> n = ip(network);
        if (a.isEmpty() || n.isEmpty() || a.get().bitLength() != n.get().bitLength()) {
            return false;
        }
        int shift = a.get().bitLength() - 1 - bits;
        return a.get().shiftRight(shift).equals(n.get().shiftRight(shift));
    }
}
