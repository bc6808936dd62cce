package io.quantra.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecretBoxTests {

	@TempDir
	Path directory;

	@Test
	void aSealedSecretOpensWithTheSameKeyOnly() {
		SecretBox box = SecretBox.of("a-cluster-wide-secret-key-of-enough-length", null);
		String sealed = box.seal("whsec_abc");
		assertThat(sealed).startsWith("v1:").doesNotContain("whsec_abc");
		assertThat(box.seal("whsec_abc")).as("a fresh nonce each time").isNotEqualTo(sealed);
		assertThat(box.open(sealed)).isEqualTo("whsec_abc");
		SecretBox other = SecretBox.of("another-cluster-wide-secret-key-of-length", null);
		assertThatIllegalStateException().isThrownBy(() -> other.open(sealed));
		assertThatIllegalStateException().isThrownBy(() -> box.open(sealed.substring(0, sealed.length() - 4) + "AAAA"));
	}

	@Test
	void withoutAConfiguredKeyTheDataDirectoryKeepsAnOwnerOnlyKey() throws Exception {
		DataDirectory data = new DataDirectory(this.directory);
		String sealed = SecretBox.of("", data).seal("trigger-secret");
		Path file = this.directory.resolve(SecretBox.FILE);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(SecretBox.of(null, data).open(sealed)).as("the same key after a restart")
			.isEqualTo("trigger-secret");
	}

	@Test
	void aShortConfiguredKeyIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> SecretBox.of("short", null));
	}

}
