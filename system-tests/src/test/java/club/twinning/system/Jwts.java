package club.twinning.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/** Tokens an attacker could make from a real one: re-signed with another key, unsigned, or with a changed claim. */
final class Jwts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final PrivateKey OTHER_KEY;

    static {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            OTHER_KEY = generator.generateKeyPair().getPrivate();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Jwts() {
    }

    static ObjectNode part(String token, int index) {
        try {
            return (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Same header (so the same kid) and claims, signed with a key the realm never had. */
    static String signedWithAnotherKey(String token) {
        return sign(part(token, 0), part(token, 1));
    }

    /** {@code alg: none} and no signature. */
    static String unsigned(String token) {
        ObjectNode header = part(token, 0).put("alg", "none");
        return encode(header) + "." + encode(part(token, 1)) + ".";
    }

    /** The realm's own signature over claims that were changed afterwards. */
    static String withClaim(String token, String claim, String value) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + encode(part(token, 1).put(claim, value)) + "." + parts[2];
    }

    /** A token whose issuer claims to be another realm, signed with another key. */
    static String fromIssuer(String token, String issuer) {
        return sign(part(token, 0), part(token, 1).put("iss", issuer));
    }

    private static String sign(ObjectNode header, ObjectNode claims) {
        try {
            header.put("alg", "RS256");
            String signingInput = encode(header) + "." + encode(claims);
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(OTHER_KEY);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(ObjectNode node) {
        try {
            return B64.encodeToString(JSON.writeValueAsBytes(node));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
