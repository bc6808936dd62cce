package io.quantra.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets that Quantra must be able to read back — webhook signing secrets,
 * trigger secrets — with AES-256-GCM before they reach the database. The key comes from
 * {@code QUANTRA_SECRET_KEY} (every server of a cluster needs the same one) or, on a
 * single server, from {@code <data>/secret-box.key}, generated on first use and readable
 * by its owner only. Sealed text looks like {@code v1:<base64 nonce + ciphertext>}.
 */
public final class SecretBox {

	static final String FILE = "secret-box.key";

	private static final String PREFIX = "v1:";

	private static final int NONCE_BYTES = 12;

	private static final int MIN_CONFIGURED_CHARS = 32;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	private SecretBox(byte[] key) {
		this.key = new SecretKeySpec(key, "AES");
	}

	/**
	 * The box of this server: the configured key when there is one, else the data
	 * directory's key file.
	 */
	public static SecretBox of(String configured, DataDirectory data) {
		if (configured != null && !configured.isBlank()) {
			if (configured.length() < MIN_CONFIGURED_CHARS) {
				throw new IllegalStateException(
						"QUANTRA_SECRET_KEY must be at least " + MIN_CONFIGURED_CHARS + " characters long");
			}
			return new SecretBox(sha256(configured.getBytes(StandardCharsets.UTF_8)));
		}
		Path file = data.resolve(FILE);
		try {
			if (!Files.isRegularFile(file)) {
				byte[] fresh = new byte[32];
				new SecureRandom().nextBytes(fresh);
				OwnerOnlyFiles.write(file,
						(Base64.getEncoder().encodeToString(fresh) + "\n").getBytes(StandardCharsets.UTF_8));
			}
			return new SecretBox(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.UTF_8).trim()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create the secret key " + file, ex);
		}
	}

	public String seal(String plain) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[NONCE_BYTES + sealed.length];
			System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
			System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a secret", ex);
		}
	}

	/**
	 * @throws IllegalStateException when the text was not sealed with this key (a server
	 * started with another {@code QUANTRA_SECRET_KEY})
	 */
	public String open(String sealed) {
		if (sealed == null || !sealed.startsWith(PREFIX)) {
			throw new IllegalStateException("Not a sealed secret");
		}
		try {
			byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
			return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("A stored secret cannot be decrypted with this server's key", ex);
		}
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
