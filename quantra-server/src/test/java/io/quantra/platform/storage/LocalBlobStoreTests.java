package io.quantra.platform.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.quantra.platform.BlobStore.Blob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIOException;

class LocalBlobStoreTests {

	@TempDir
	Path root;

	@Test
	void storesReadsAndDeletesABlob() throws IOException {
		LocalBlobStore store = new LocalBlobStore(this.root);
		Blob blob = store.put("projects/1/uploads/a.txt", stream("hello"));
		assertThat(blob.size()).isEqualTo(5);
		assertThat(blob.sha256()).isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
		try (InputStream in = store.open("projects/1/uploads/a.txt").orElseThrow()) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
		}
		assertThat(store.size("projects/1/uploads/a.txt")).contains(5L);
		assertThat(store.delete("projects/1/uploads/a.txt")).isTrue();
		assertThat(store.open("projects/1/uploads/a.txt")).isEmpty();
		assertThat(store.delete("projects/1/uploads/a.txt")).isFalse();
	}

	@Test
	void replacesAnExistingBlob() throws IOException {
		LocalBlobStore store = new LocalBlobStore(this.root);
		store.put("k", stream("first"));
		store.put("k", stream("second, longer"));
		assertThat(store.size("k")).contains(14L);
	}

	@Test
	void aFailedPutLeavesNeitherAPartialBlobNorATemporaryFile() throws IOException {
		LocalBlobStore store = new LocalBlobStore(this.root);
		store.put("doc.pdf", stream("original"));
		InputStream failing = new InputStream() {
			int sent;

			@Override
			public int read() throws IOException {
				if (this.sent++ > 1000) {
					throw new IOException("client went away");
				}
				return 'x';
			}
		};
		assertThatIOException().isThrownBy(() -> store.put("doc.pdf", failing));
		try (InputStream in = store.open("doc.pdf").orElseThrow()) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("original");
		}
		try (Stream<Path> staged = Files.list(this.root.resolve(".staging"))) {
			assertThat(staged).isEmpty();
		}
	}

	@Test
	void deletesEverythingUnderAPrefixOnly() throws IOException {
		LocalBlobStore store = new LocalBlobStore(this.root);
		store.put("projects/1/a", stream("a"));
		store.put("projects/1/deep/b", stream("b"));
		store.put("projects/10/c", stream("c"));
		store.deleteAll("projects/1");
		assertThat(store.open("projects/1/a")).isEmpty();
		assertThat(store.open("projects/1/deep/b")).isEmpty();
		assertThat(store.open("projects/10/c")).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "../escape", "a/../../escape", "/etc/passwd", "a//b", "a/./b", "..", ".staging/x", "a\\b",
			"a/b/", "with space", "nul\u0000byte", "" })
	void refusesKeysThatCouldLeaveTheStore(String key) {
		LocalBlobStore store = new LocalBlobStore(this.root);
		assertThatIllegalArgumentException().isThrownBy(() -> store.put(key, stream("x")));
		assertThat(this.root.getParent().resolve("escape")).doesNotExist();
	}

	private static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

}
