package club.twinning.platform.egress;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** A CIDR range of IPv4 or IPv6 addresses; an address of the other family is never in it. */
public record AddressRange(byte[] network, int bits, String text) {

    public static AddressRange parse(String text) {
        int slash = text.indexOf('/');
        try {
            byte[] network = InetAddress.getByName(slash < 0 ? text : text.substring(0, slash)).getAddress();
            int bits = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
            // "::ffff:0:0/96" reads as IPv4 (the JDK unmaps it): its 96 bits then leave the whole IPv4 address to match.
            if (bits < 0 || bits > (text.contains(":") ? 128 : network.length * 8)) {
                throw new NumberFormatException();
            }
            return new AddressRange(network, bits, text);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not an address range: " + text);
        }
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftLeft(bytes.length * 8 - bits);
        return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, network).and(mask));
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressRange r && r.bits == bits && Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + bits;
    }
}
