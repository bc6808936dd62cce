package io.quantra.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing secrets and signatures as the Standard Webhooks specification defines them: a
 * secret is {@code whsec_} followed by base64 key bytes, and a signature is {@code v1,}
 * followed by the base64 HMAC-SHA256 of {@code <id>.<timestamp>.<body>}.
 */
final class WebhookSignature {

	static final String SECRET_PREFIX = "whsec_";

	private static final int KEY_BYTES = 24;

	private static final SecureRandom random = new SecureRandom();

	private WebhookSignature() {
	}

	static String newSecret() {
		byte[] key = new byte[KEY_BYTES];
		random.nextBytes(key);
		return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
	}

	/** The {@code webhook-signature} header of a message sent at {@code timestamp}. */
	static String sign(String secret, String messageId, long timestamp, String body) {
		if (!secret.startsWith(SECRET_PREFIX)) {
			throw new IllegalArgumentException("Not a webhook signing secret");
		}
		byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] digest = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "v1," + Base64.getEncoder().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
