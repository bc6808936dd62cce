package io.quantra.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.quantra.platform.BlobStore;

/**
 * Blobs as files under {@code <data>/blobs}. A put writes to a temporary file beside the
 * target and moves it into place, so readers never see a half-written blob.
 */
class LocalBlobStore implements BlobStore {

	private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,254}");

	private static final int MAX_KEY_LENGTH = 1024;

	private final Path root;

	private final Path staging;

	LocalBlobStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
		this.staging = this.root.resolve(".staging");
		try {
			Files.createDirectories(this.staging);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the blob store at " + this.root, ex);
		}
	}

	@Override
	public Blob put(String key, InputStream content) throws IOException {
		Path target = pathOf(key);
		Files.createDirectories(target.getParent());
		Path temporary = Files.createTempFile(this.staging, "put-", ".part");
		try {
			MessageDigest digest = sha256();
			long size;
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
				size = content.transferTo(out);
			}
			moveIntoPlace(temporary, target);
			return new Blob(key, size, HexFormat.of().formatHex(digest.digest()));
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	@Override
	public Optional<InputStream> open(String key) throws IOException {
		try {
			return Optional.of(Files.newInputStream(pathOf(key)));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
	}

	@Override
	public Optional<Long> size(String key) throws IOException {
		Path path = pathOf(key);
		return Files.isRegularFile(path) ? Optional.of(Files.size(path)) : Optional.empty();
	}

	@Override
	public boolean delete(String key) throws IOException {
		return Files.deleteIfExists(pathOf(key));
	}

	@Override
	public void deleteAll(String prefix) throws IOException {
		Path directory = pathOf(prefix);
		if (!Files.isDirectory(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				try {
					Files.deleteIfExists(path);
				}
				catch (DirectoryNotEmptyException ex) {
					// a concurrent put landed in this directory; its blob stays
				}
			}
		}
	}

	/**
	 * Resolves a key to its file, refusing anything that could leave the store: absolute
	 * paths, {@code ..} or {@code .} segments, backslashes and characters outside a safe
	 * set.
	 */
	Path pathOf(String key) {
		if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
			throw new IllegalArgumentException("A blob key must have 1 to " + MAX_KEY_LENGTH + " characters");
		}
		for (String segment : key.split("/", -1)) {
			if (!SEGMENT.matcher(segment).matches() || segment.chars().allMatch((c) -> c == '.')) {
				throw new IllegalArgumentException("Blob key '" + key
						+ "' must be a relative path of segments made of letters, digits, '.', '_' and '-'");
			}
		}
		Path path = this.root.resolve(key).normalize();
		if (!path.startsWith(this.root) || path.startsWith(this.staging)) {
			throw new IllegalArgumentException("Blob key '" + key + "' points outside the blob store");
		}
		return path;
	}

	private static void moveIntoPlace(Path temporary, Path target) throws IOException {
		try {
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
