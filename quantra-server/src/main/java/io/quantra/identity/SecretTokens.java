package io.quantra.identity;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random bearer secrets and the hashes they are stored as. A secret is shown to its owner
 * once; the database only ever holds its SHA-256, which is enough for 256-bit random
 * values.
 */
final class SecretTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private SecretTokens() {
	}

	/** A URL-safe random secret of {@code bytes} random bytes. */
	static String random(int bytes) {
		byte[] secret = new byte[bytes];
		RANDOM.nextBytes(secret);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	/** Random bytes written in base 62 (letters and digits only), for API tokens. */
	static String base62(int bytes) {
		byte[] secret = new byte[bytes];
		RANDOM.nextBytes(secret);
		BigInteger value = new BigInteger(1, secret);
		BigInteger base = BigInteger.valueOf(62);
		int length = (int) Math.ceil(bytes * 8 / (Math.log(62) / Math.log(2)));
		char[] out = new char[length];
		for (int i = length - 1; i >= 0; i--) {
			BigInteger[] division = value.divideAndRemainder(base);
			out[i] = BASE62.charAt(division[1].intValue());
			value = division[0];
		}
		return new String(out);
	}

	static String sha256(String secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Compares two hashes in constant time. */
	static boolean sameHash(String a, String b) {
		return a != null && b != null
				&& MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

}
