package io.quantra.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps compute them: HMAC-SHA1,
 * 6 digits, 30-second steps, with one step of clock drift accepted either way.
 */
final class Totp {

	static final Duration STEP = Duration.ofSeconds(30);

	static final String ISSUER = "Quantra";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP, 6,
			TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

	private Totp() {
	}

	/** A new 160-bit secret in base 32, as authenticator apps expect it. */
	static String newSecret() {
		byte[] secret = new byte[20];
		RANDOM.nextBytes(secret);
		return new Base32().encodeToString(secret).replace("=", "");
	}

	static String otpauthUri(String secret, String account) {
		String label = URLEncoder.encode(ISSUER + ":" + account, StandardCharsets.UTF_8).replace("+", "%20");
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER
				+ "&algorithm=SHA1&digits=6&period=" + STEP.toSeconds();
	}

	/**
	 * The time step whose code {@code code} is, among the previous, current and next
	 * step.
	 */
	static OptionalLong matchingStep(String secret, String code, Instant now) {
		if (secret == null || code == null || !code.matches("\\d{6}")) {
			return OptionalLong.empty();
		}
		SecretKeySpec key = new SecretKeySpec(new Base32().decode(secret), "HmacSHA1");
		long current = now.getEpochSecond() / STEP.toSeconds();
		for (long step = current - 1; step <= current + 1; step++) {
			try {
				String expected = GENERATOR.generateOneTimePasswordString(key,
						Instant.ofEpochSecond(step * STEP.toSeconds()));
				if (SecretTokens.sameHash(expected, code)) {
					return OptionalLong.of(step);
				}
			}
			catch (InvalidKeyException ex) {
				throw new IllegalStateException("Unusable TOTP secret", ex);
			}
		}
		return OptionalLong.empty();
	}

}
