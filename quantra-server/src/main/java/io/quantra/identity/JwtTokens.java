package io.quantra.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.quantra.platform.DataDirectory;
import io.quantra.platform.OwnerOnlyFiles;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Issues and verifies Quantra's HS256 JWTs (seed 003): claims {@code sub} (user id),
 * {@code exp}, {@code iat}, {@code type} ({@code access}, {@code refresh} or {@code mfa})
 * and a unique {@code jti}. The key is {@code JWT_SECRET_KEY}, or a random one generated
 * into the data directory on first start (set {@code JWT_SECRET_KEY} when several nodes
 * serve one cluster).
 */
@Component
class JwtTokens {

	static final Duration ACCESS_TTL = Duration.ofMinutes(15);

	static final Duration REFRESH_TTL = Duration.ofDays(7);

	static final Duration MFA_TTL = Duration.ofMinutes(5);

	static final String SECRET_FILE = "jwt-secret";

	private static final int MIN_SECRET_BYTES = 32;

	private final MACSigner signer;

	private final MACVerifier verifier;

	private final Clock clock;

	JwtTokens(@Value("${quantra.jwt.secret:}") String configuredSecret, DataDirectory dataDirectory, Clock clock)
			throws JOSEException {
		byte[] secret = secret(configuredSecret, dataDirectory.resolve(SECRET_FILE));
		this.signer = new MACSigner(secret);
		this.verifier = new MACVerifier(secret);
		this.clock = clock;
	}

	Issued issue(long userId, int generation, TokenType type, String jti) {
		Instant now = this.clock.instant();
		Instant expires = now.plus(type.ttl());
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(Long.toString(userId))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(expires))
			.jwtID(jti)
			.claim("type", type.claim())
			.claim("gen", generation)
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		try {
			jwt.sign(this.signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign a token", ex);
		}
		return new Issued(jwt.serialize(), jti, expires);
	}

	Issued issue(long userId, int generation, TokenType type) {
		return issue(userId, generation, type, UUID.randomUUID().toString());
	}

	/**
	 * The verified claims of a token of the expected type, or empty when the token is
	 * malformed, forged, expired or of another type.
	 */
	Optional<Verified> verify(String token, TokenType expected) {
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(this.verifier)) {
				return Optional.empty();
			}
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			Date expires = claims.getExpirationTime();
			Date issued = claims.getIssueTime();
			if (expires == null || issued == null || !expires.toInstant().isAfter(this.clock.instant())
					|| !expected.claim().equals(claims.getClaim("type")) || claims.getJWTID() == null
					|| claims.getSubject() == null || !claims.getSubject().matches("\\d{1,18}")) {
				return Optional.empty();
			}
			Long generation = claims.getLongClaim("gen");
			return Optional.of(new Verified(Long.parseLong(claims.getSubject()), claims.getJWTID(),
					(generation != null) ? generation.intValue() : 0, expires.toInstant()));
		}
		catch (ParseException | JOSEException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static byte[] secret(String configured, Path file) {
		if (configured != null && !configured.isBlank()) {
			byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
			if (bytes.length < MIN_SECRET_BYTES) {
				throw new IllegalStateException(
						"JWT_SECRET_KEY must be at least " + MIN_SECRET_BYTES + " bytes long for HS256");
			}
			return bytes;
		}
		try {
			if (!Files.isRegularFile(file)) {
				OwnerOnlyFiles.write(file, (SecretTokens.random(64) + "\n").getBytes(StandardCharsets.UTF_8));
			}
			return Files.readString(file, StandardCharsets.UTF_8).trim().getBytes(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the JWT key " + file, ex);
		}
	}

	enum TokenType {

		ACCESS("access", ACCESS_TTL), REFRESH("refresh", REFRESH_TTL), MFA("mfa", MFA_TTL);

		private final String claim;

		private final Duration ttl;

		TokenType(String claim, Duration ttl) {
			this.claim = claim;
			this.ttl = ttl;
		}

		String claim() {
			return this.claim;
		}

		Duration ttl() {
			return this.ttl;
		}

	}

	record Issued(String token, String jti, Instant expiresAt) {
	}

	record Verified(long userId, String jti, int generation, Instant expiresAt) {
	}

}
