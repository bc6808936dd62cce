package io.quantra.identity;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quantra.platform.ApiException;
import io.quantra.platform.ErrorCode;

import org.springframework.http.HttpStatus;

/**
 * What a password must be: 8 to 128 characters with at least one upper-case letter, one
 * lower-case letter, one digit and one special character, and not one of the 30,000 most
 * common passwords (OWASP ASVS 6.2.4; the list ships with the zxcvbn library, compared
 * ignoring case).
 */
public final class PasswordPolicy {

	static final int MIN_LENGTH = 8;

	static final int MAX_LENGTH = 128;

	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";

	private static final String DIGITS = "23456789";

	private static final String SPECIAL = "!#%+-.:=?@^_~";

	private static final SecureRandom RANDOM = new SecureRandom();

	private PasswordPolicy() {
	}

	/**
	 * The rules {@code password} breaks, as phrases to show the user; empty when it is
	 * acceptable.
	 */
	public static List<String> violations(String password) {
		List<String> violations = new ArrayList<>();
		if (password == null || password.length() < MIN_LENGTH) {
			violations.add("at least " + MIN_LENGTH + " characters");
		}
		if (password != null && password.length() > MAX_LENGTH) {
			violations.add("at most " + MAX_LENGTH + " characters");
		}
		String value = (password != null) ? password : "";
		if (value.chars().noneMatch(Character::isUpperCase)) {
			violations.add("an upper-case letter");
		}
		if (value.chars().noneMatch(Character::isLowerCase)) {
			violations.add("a lower-case letter");
		}
		if (value.chars().noneMatch(Character::isDigit)) {
			violations.add("a digit");
		}
		if (value.chars().allMatch(Character::isLetterOrDigit)) {
			violations.add("a special character");
		}
		if (!value.isEmpty() && CommonPasswords.contains(value)) {
			violations.add("not to be a commonly used password");
		}
		return violations;
	}

	/**
	 * The 422 answer for a password that breaks {@code violations}.
	 */
	public static ApiException rejection(List<String> violations) {
		return new ApiException(ErrorCode.VALIDATION_ERROR, HttpStatus.UNPROCESSABLE_CONTENT,
				"The password needs " + String.join(", ", violations) + ".", Map.of("rules", violations));
	}

	/**
	 * A random password that satisfies the policy: 24 characters from an alphabet without
	 * look-alike characters, about 140 bits of entropy.
	 */
	public static String generate() {
		String all = UPPER + LOWER + DIGITS + SPECIAL;
		char[] password = new char[24];
		password[0] = pick(UPPER);
		password[1] = pick(LOWER);
		password[2] = pick(DIGITS);
		password[3] = pick(SPECIAL);
		for (int i = 4; i < password.length; i++) {
			password[i] = pick(all);
		}
		for (int i = password.length - 1; i > 0; i--) {
			int j = RANDOM.nextInt(i + 1);
			char swap = password[i];
			password[i] = password[j];
			password[j] = swap;
		}
		return new String(password);
	}

	private static char pick(String alphabet) {
		return alphabet.charAt(RANDOM.nextInt(alphabet.length()));
	}

}
