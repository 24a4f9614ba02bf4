package org.carequeue.web.support;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

/** Secure metadata as an organization's own server makes it: a JWE sealed with a master key. */
public final class SecureMetadataTokens {

    private SecureMetadataTokens() {
    }

    public static String jwe(String keyId, String secret, Map<String, String> metadata, Instant expires) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("u-" + keyId).expirationTime(Date.from(expires))
                    .claim("ninchat.com/metadata", metadata).build();
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                    .keyID(keyId).build(), new Payload(claims.toJSONObject()));
            jwe.encrypt(new DirectEncrypter(Base64.getUrlDecoder().decode(secret)));
            return jwe.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
