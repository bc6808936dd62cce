package io.quantra.plugins.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.quantra.platform.ApiException;
import io.quantra.platform.ErrorCode;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Recognises what a document is from its bytes, and refuses one whose bytes are not what
 * its extension claims: a {@code .pdf} must start like a PDF, a {@code .docx} must be a
 * Word package, a {@code .txt} must be text.
 */
final class ContentSniffer {

	/** How much of the start of a file is looked at. */
	static final int HEAD_BYTES = 64 * 1024;

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	/** The media type each well-known extension stands for. */
	static final Map<String, String> KNOWN = Map.ofEntries(Map.entry(".pdf", "application/pdf"),
			Map.entry(".docx", DOCX), Map.entry(".txt", "text/plain"), Map.entry(".md", "text/markdown"),
			Map.entry(".csv", "text/csv"), Map.entry(".png", "image/png"), Map.entry(".jpg", "image/jpeg"),
			Map.entry(".jpeg", "image/jpeg"), Map.entry(".tif", "image/tiff"), Map.entry(".tiff", "image/tiff"));

	private static final int MAX_ZIP_ENTRIES = 10_000;

	private final MimeTypes types = MimeTypes.getDefaultMimeTypes();

	private final MediaTypeRegistry registry = this.types.getMediaTypeRegistry();

	/** Opens the whole content again, for checks that need more than its start. */
	@FunctionalInterface
	interface Content {

		InputStream open() throws IOException;

	}

	/**
	 * The media type of a file named {@code name} whose content starts with {@code head}.
	 * @throws ApiException 415 {@code UNSUPPORTED_MEDIA_TYPE} when the content is not
	 * what the extension claims
	 */
	String mediaType(String name, byte[] head, Content content) throws IOException {
		String extension = UploadName.extension(name);
		String expected = KNOWN.get(extension);
		MediaType detected = this.types.detect(new ByteArrayInputStream(head), new Metadata());
		if (expected == null) {
			return byNameAndContent(name, head, detected);
		}
		if (expected.startsWith("text/")) {
			if (!looksLikeText(head)) {
				throw mismatch(name, "text", "binary data");
			}
			return expected;
		}
		if (expected.equals(DOCX)) {
			if (!is(detected, MediaType.APPLICATION_ZIP) || !isWordPackage(content)) {
				throw mismatch(name, "a Word document", describe(detected));
			}
			return expected;
		}
		if (!is(detected, MediaType.parse(expected))) {
			throw mismatch(name, expected, describe(detected));
		}
		return expected;
	}

	/** Extensions without a rule of their own: Tika's view by name must fit the bytes. */
	private String byNameAndContent(String name, byte[] head, MediaType detected) throws IOException {
		Metadata metadata = new Metadata();
		metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
		MediaType byName = this.types.detect(null, metadata);
		if (!MediaType.OCTET_STREAM.equals(detected) && !MediaType.OCTET_STREAM.equals(byName) && !is(byName, detected)
				&& !is(detected, byName) && !(is(byName, MediaType.TEXT_PLAIN) && looksLikeText(head))) {
			throw mismatch(name, byName.toString(), describe(detected));
		}
		return MediaType.OCTET_STREAM.equals(byName) ? detected.toString() : byName.toString();
	}

	private boolean is(MediaType type, MediaType expected) {
		return type.equals(expected) || this.registry.isSpecializationOf(type, expected);
	}

	private static String describe(MediaType detected) {
		return MediaType.OCTET_STREAM.equals(detected) ? "unrecognised data" : detected.toString();
	}

	/**
	 * No NUL bytes and hardly any other control characters: text in any 8-bit encoding.
	 */
	static boolean looksLikeText(byte[] head) {
		int control = 0;
		for (byte b : head) {
			int c = b & 0xff;
			if (c == 0) {
				return false;
			}
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) {
				control++;
			}
		}
		return control * 100 <= head.length;
	}

	private static boolean isWordPackage(Content content) throws IOException {
		try (ZipInputStream zip = new ZipInputStream(content.open())) {
			ZipEntry entry;
			int entries = 0;
			while ((entry = zip.getNextEntry()) != null && entries++ < MAX_ZIP_ENTRIES) {
				if (entry.getName().equals("word/document.xml")) {
					return true;
				}
			}
			return false;
		}
		catch (java.util.zip.ZipException ex) {
			return false;
		}
	}

	private static ApiException mismatch(String name, String expected, String found) {
		return new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "'" + name + "' should be " + expected
				+ " by its extension, but its content is " + found + "; send the file under its real extension.");
	}

}
