package io.quantra.identity;

import java.nio.ByteBuffer;
import java.time.Instant;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * TOTP codes computed as an authenticator app does (RFC 6238: HMAC-SHA1, 30-second steps,
 * 6 digits), independently of the server's code.
 */
public final class TotpCodes {

	private TotpCodes() {
	}

	/** The code of the time step {@code stepOffset} steps from {@code now}. */
	public static String code(String secret, Instant now, int stepOffset) {
		long step = now.getEpochSecond() / 30 + stepOffset;
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(new Base32().decode(secret), "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%06d", binary % 1_000_000);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
