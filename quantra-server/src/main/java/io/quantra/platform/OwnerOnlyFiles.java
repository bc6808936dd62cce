package io.quantra.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes secrets to disk (keys, generated passwords) readable by their owner only (mode
 * 0600), atomically, so a crash never leaves half a secret behind.
 */
public final class OwnerOnlyFiles {

	private OwnerOnlyFiles() {
	}

	public static void write(Path target, byte[] content) throws IOException {
		Path directory = target.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path temporary = Files.createTempFile(directory, ".tmp-", ".part");
		try {
			try {
				Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the platform's temp-file default (owner-only)
				// stays
			}
			try (OutputStream out = Files.newOutputStream(temporary)) {
				out.write(content);
			}
			try {
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}
