package io.quantra.plugins.pii;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces what the detectors found. Where findings overlap, the more specific kind wins
 * (an e-mail address over the name inside it), then the longer finding.
 */
final class PiiRedactor {

	/** What takes the place of a finding. */
	enum Mode {

		/** Its kind, such as {@code [EMAIL]}, or a fixed replacement. */
		MASK,
		/**
		 * Its kind and a keyed hash of the value, the same for the same value within a
		 * project, so records stay linkable without the value.
		 */
		HASH,
		/** Nothing. */
		REMOVE

	}

	/** The text with its findings replaced, and the findings that were. */
	record Redacted(String text, List<PiiFinding> findings) {
	}

	/** Most specific first. */
	private static final List<PiiEntity> PRIORITY = List.of(PiiEntity.EMAIL, PiiEntity.IBAN, PiiEntity.CREDIT_CARD,
			PiiEntity.SSN, PiiEntity.IP_ADDRESS, PiiEntity.DATE_OF_BIRTH, PiiEntity.PHONE, PiiEntity.ADDRESS,
			PiiEntity.NAME);

	/** Each entity's place in {@link #PRIORITY}, by ordinal. */
	private static final int[] RANK = new int[PiiEntity.values().length];

	static {
		for (int i = 0; i < PRIORITY.size(); i++) {
			RANK[PRIORITY.get(i).ordinal()] = i;
		}
	}

	private static final Comparator<PiiFinding> PRECEDENCE = Comparator
		.comparingInt((PiiFinding f) -> RANK[f.entity().ordinal()])
		.thenComparing(Comparator.comparingInt(PiiFinding::length).reversed())
		.thenComparingInt(PiiFinding::start);

	private final Mode mode;

	private final String replacement;

	private final Mac hash;

	/**
	 * @param replacement what {@link Mode#MASK} puts instead of the kind, or null
	 * @param key the project's key for {@link Mode#HASH}
	 */
	PiiRedactor(Mode mode, String replacement, byte[] key) {
		this.mode = mode;
		this.replacement = replacement;
		this.hash = (mode == Mode.HASH) ? hmac(key) : null;
	}

	Redacted redact(String text, List<PiiFinding> findings) {
		List<PiiFinding> kept = resolve(findings);
		StringBuilder out = new StringBuilder(text.length());
		int at = 0;
		for (PiiFinding finding : kept) {
			out.append(text, at, finding.start());
			String value = text.substring(finding.start(), finding.end());
			switch (this.mode) {
				case MASK -> out.append((this.replacement != null) ? this.replacement : finding.entity().mask());
				case HASH ->
					out.append('[').append(finding.entity().name()).append(':').append(hash(value)).append(']');
				case REMOVE -> {
					// no double space where the value was
					if (out.length() > 0 && out.charAt(out.length() - 1) == ' ' && finding.end() < text.length()
							&& text.charAt(finding.end()) == ' ') {
						out.setLength(out.length() - 1);
					}
				}
			}
			at = finding.end();
		}
		out.append(text, at, text.length());
		return new Redacted(out.toString(), kept);
	}

	/** The findings that win where they overlap, in text order. */
	static List<PiiFinding> resolve(List<PiiFinding> findings) {
		List<PiiFinding> byPrecedence = new ArrayList<>(findings);
		byPrecedence.sort(PRECEDENCE);
		TreeMap<Integer, PiiFinding> kept = new TreeMap<>();
		for (PiiFinding finding : byPrecedence) {
			Map.Entry<Integer, PiiFinding> before = kept.floorEntry(finding.start());
			Map.Entry<Integer, PiiFinding> after = kept.ceilingEntry(finding.start());
			boolean clash = before != null && before.getValue().overlaps(finding)
					|| after != null && after.getValue().overlaps(finding);
			if (!clash) {
				kept.put(finding.start(), finding);
			}
		}
		return List.copyOf(kept.values());
	}

	private String hash(String value) {
		byte[] digest = this.hash.doFinal(value.getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(digest, 0, 8);
	}

	private static Mac hmac(byte[] key) {
		if (key == null || key.length < 16) {
			throw new IllegalArgumentException("A hash key of at least 16 bytes is needed");
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac;
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
