package io.quantra.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;

import io.quantra.cli.CredentialStore.Credentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialStoreTests {

	@TempDir
	Path home;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theFileIsPrivateFromItsCreationAndStaysSoWhenReplaced() throws Exception {
		Path folder = this.home.resolve("config").resolve("quantra");
		CredentialStore store = new CredentialStore(folder, this.json);
		ServerProfile profile = ServerProfile.of("https://localhost:4443")
			.withTrust(true, null)
			.withLogin("ada@example.com", "qapi_secret", 7L, "2030-01-01T00:00:00Z", "refresh");

		store.save(new Credentials(null, new LinkedHashMap<>()).with(profile, true));
		store.save(store.load().with(profile.loggedOut(), false));

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
		assertThat(Files.list(folder)).containsExactly(store.file());
		Credentials loaded = store.load();
		assertThat(loaded.current()).isEqualTo("https://localhost:4443");
		assertThat(loaded.servers().get("https://localhost:4443").insecure()).isTrue();
		assertThat(loaded.servers().get("https://localhost:4443").token()).isNull();
	}

	@Test
	void aFileOthersCanReadIsReported() throws Exception {
		CredentialStore store = new CredentialStore(this.home, this.json);
		store.save(new Credentials(null, new LinkedHashMap<>()));
		Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));

		assertThat(store.readableByOthers()).isTrue();
	}

}
