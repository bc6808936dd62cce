package io.quantra.plugins.files;

import java.util.Locale;

import io.quantra.platform.ApiException;

/**
 * The name a document is listed under: what the client sent, without any directory part.
 * It is shown to people and handed to plugins, never used as a path.
 */
final class UploadName {

	static final int MAX_LENGTH = 255;

	private UploadName() {
	}

	/**
	 * The file name part of {@code given}.
	 * @throws ApiException 400 when it is empty, too long, or has control characters
	 */
	static String clean(String given) {
		if (given == null) {
			throw ApiException.badRequest("The file has no name; send it with a filename, such as report.pdf.");
		}
		if (given.chars().anyMatch(UploadName::isControl)) {
			throw ApiException
				.badRequest("The file name contains control characters; rename the file and send it again.");
		}
		String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1).strip();
		if (name.isEmpty() || name.chars().allMatch((c) -> c == '.')) {
			throw ApiException.badRequest("The file name '" + given + "' has no name after its folders; "
					+ "send it with a filename, such as report.pdf.");
		}
		if (name.length() > MAX_LENGTH) {
			throw ApiException.badRequest("The file name must be at most " + MAX_LENGTH + " characters.");
		}
		return name;
	}

	/**
	 * The lower-case extension of a name with its dot ({@code .pdf}), or "" when none.
	 */
	static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return (dot > 0) ? name.substring(dot).toLowerCase(Locale.ROOT) : "";
	}

	static boolean isControl(int c) {
		return Character.getType(c) == Character.CONTROL || c == '\u2028' || c == '\u2029';
	}

}
