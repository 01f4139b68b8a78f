package dev.paydeck.accounts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.paydeck.platform.ApiAuthenticator;
import dev.paydeck.platform.PaydeckProperties;
import dev.paydeck.platform.SecretFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/**
 * Short-lived API tokens for people (JWT, HS256). The signing key comes from {@code paydeck.accounts.jwt-secret}
 * or is generated once into the data directory ({@code jwt-signing.key}, readable by its owner only), so tokens
 * survive restarts and are shared by instances that share the key.
 */
@Component
class Tokens implements ApiAuthenticator {

    static final String ISSUER = "paydeck";

    private final byte[] key;
    private final Duration lifetime;
    private final Accounts accounts;
    private final Clock clock = Clock.systemUTC();

    Tokens(PaydeckProperties properties, Accounts accounts,
            @Value("${paydeck.accounts.jwt-secret:}") String configuredSecret,
            @Value("${paydeck.accounts.token-lifetime:15m}") Duration lifetime) {
        this.key = configuredSecret.isBlank()
                ? SecretFile.readOrCreate(properties.dataDirectory().resolve("jwt-signing.key"), 32)
                : configuredSecret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (key.length < 32) {
            throw new IllegalStateException("paydeck.accounts.jwt-secret must be at least 32 bytes long");
        }
        this.lifetime = lifetime;
        this.accounts = accounts;
    }

    TokenIssuer.IssuedToken issue(Person person) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(person.id().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key));
            return new TokenIssuer.IssuedToken(jwt.serialize(), lifetime.toSeconds());
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }

    @Override
    public Optional<Authentication> authenticate(String bearerCredential) {
        if (bearerCredential.chars().filter(c -> c == '.').count() != 2) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(bearerCredential);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!ISSUER.equals(claims.getIssuer()) || claims.getExpirationTime() == null
                    || claims.getExpirationTime().toInstant().isBefore(clock.instant())) {
                return Optional.empty();
            }
            return accounts.find(new PersonId(UUID.fromString(claims.getSubject())))
                    .map(PersonAuthenticationProvider::authenticated);
        } catch (ParseException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
