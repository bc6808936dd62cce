package io.quantra.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The most common passwords of public breach corpora, loaded on first use (not at
 * start-up).
 */
final class CommonPasswords {

	static final String RESOURCE = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

	private CommonPasswords() {
	}

	static boolean contains(String password) {
		return Holder.PASSWORDS.contains(password.toLowerCase(Locale.ROOT));
	}

	static int size() {
		return Holder.PASSWORDS.size();
	}

	private static final class Holder {

		static final Set<String> PASSWORDS = load();

		private static Set<String> load() {
			try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException("The common-password list " + RESOURCE + " is missing");
				}
				Set<String> passwords = new HashSet<>(40_000);
				try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
					reader.lines().map(String::trim).filter((line) -> !line.isEmpty()).forEach(passwords::add);
				}
				return Set.copyOf(passwords);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
