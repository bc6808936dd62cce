package io.quantra.triggers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.quantra.platform.ApiException;
import io.quantra.platform.ErrorCode;

/**
 * The signature of a {@code POST /run} sent without a credential:
 * {@code X-Quantra-Timestamp: <unix seconds>} and
 * {@code X-Quantra-Signature: v1=<hex HMAC-SHA256>}, the HMAC keyed with a trigger secret
 * of the project over the bytes {@code <timestamp>.<raw request body>}. The timestamp
 * bounds how long a captured request stays usable; the version prefix lets the scheme
 * change without breaking senders.
 */
final class TriggerSignature {

	static final String TIMESTAMP_HEADER = "X-Quantra-Timestamp";

	static final String SIGNATURE_HEADER = "X-Quantra-Signature";

	private static final Pattern TIMESTAMP = Pattern.compile("\\d{1,12}");

	private static final Pattern SIGNATURE = Pattern.compile("v1=([0-9a-fA-F]{64})");

	private static final String ALGORITHM = "HmacSHA256";

	private final long timestamp;

	private final byte[] mac;

	private TriggerSignature(long timestamp, byte[] mac) {
		this.timestamp = timestamp;
		this.mac = mac;
	}

	/**
	 * Reads the two headers.
	 * @throws ApiException 401 when either is missing or not in the documented form
	 */
	static TriggerSignature parse(String timestamp, String signature) {
		Matcher mac = (signature != null) ? SIGNATURE.matcher(signature.trim()) : null;
		if (timestamp == null || !TIMESTAMP.matcher(timestamp.trim()).matches() || mac == null || !mac.matches()) {
			throw new ApiException(ErrorCode.UNAUTHORIZED, "Sign the request: send " + TIMESTAMP_HEADER
					+ " as Unix seconds and " + SIGNATURE_HEADER + " as v1=<hex HMAC-SHA256>, or send a credential.");
		}
		return new TriggerSignature(Long.parseLong(timestamp.trim()), HexFormat.of().parseHex(mac.group(1)));
	}

	/** Whether the timestamp is within {@code tolerance} of {@code now}, either way. */
	boolean freshAt(Instant now, Duration tolerance) {
		return Math.abs(now.getEpochSecond() - this.timestamp) <= tolerance.toSeconds();
	}

	/** When a request with this timestamp stops being fresh. */
	Instant staleAfter(Duration tolerance) {
		return Instant.ofEpochSecond(this.timestamp).plus(tolerance);
	}

	/** Compares in constant time. */
	boolean signedWith(String secret, byte[] body) {
		return MessageDigest.isEqual(this.mac, hmac(secret, this.timestamp, body));
	}

	/** The signature in lower-case hex: the key under which a replay is recognised. */
	String hex() {
		return HexFormat.of().formatHex(this.mac);
	}

	static byte[] hmac(String secret, long timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
			mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
