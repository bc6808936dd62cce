package io.quantra.identity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;

import io.quantra.TestServers;
import io.quantra.platform.DataDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A node's first start creates the staff account, on each supported database: each test
 * starts a real server on an empty database.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class InitialAdminAccountContract {

	/** Properties that point a server at a new, empty database and data directory. */
	abstract Map<String, Object> freshDatabase();

	@Test
	void createsTheStaffAccountFromTheConfiguredCredentials(CapturedOutput output) {
		Map<String, Object> properties = new HashMap<>(freshDatabase());
		properties.put("quantra.admin.email", "Ops.Lead@Example.com");
		properties.put("quantra.admin.password", "Correct-Horse-42");
		try (ConfigurableApplicationContext server = TestServers.start(properties)) {
			Map<String, Object> row = staffRow(server);
			assertThat(row.get("email")).isEqualTo("ops.lead@example.com");
			assertThat(row.get("is_superuser")).isEqualTo(true);
			String hash = (String) row.get("password_hash");
			assertThat(hash).startsWith("{argon2}$argon2id$");
			assertThat(server.getBean(PasswordEncoder.class).matches("Correct-Horse-42", hash)).isTrue();
			assertThat(dataDirectory(server).resolve(InitialAdminAccount.PASSWORD_FILE)).doesNotExist();
		}
		assertThat(output.getOut()).contains("Created the initial staff account")
			.doesNotContain("Correct-Horse-42")
			.doesNotContainIgnoringCase("ops.lead@example.com");
	}

	@Test
	void generatesAPasswordIntoAnOwnerOnlyFileAndLogsOnlyItsPath(CapturedOutput output) throws Exception {
		Map<String, Object> properties = freshDatabase();
		Path file;
		String password;
		try (ConfigurableApplicationContext server = TestServers.start(properties)) {
			file = dataDirectory(server).resolve(InitialAdminAccount.PASSWORD_FILE);
			assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
			password = Files.readString(file, StandardCharsets.UTF_8).trim();
			assertThat(PasswordPolicy.violations(password)).isEmpty();
			Map<String, Object> row = staffRow(server);
			assertThat(row.get("email")).isEqualTo(InitialAdminAccount.DEFAULT_EMAIL);
			assertThat(server.getBean(PasswordEncoder.class).matches(password, (String) row.get("password_hash")))
				.isTrue();
		}
		assertThat(output.getOut()).contains(file.toString()).doesNotContain(password);

		FileTime written = Files.getLastModifiedTime(file);
		try (ConfigurableApplicationContext restarted = TestServers.start(properties)) {
			assertThat(staffCount(restarted)).isEqualTo(1);
		}
		assertThat(Files.readString(file, StandardCharsets.UTF_8).trim()).isEqualTo(password);
		assertThat(Files.getLastModifiedTime(file)).isEqualTo(written);
	}

	@Test
	void aWeakConfiguredPasswordStopsTheStartWithTheRulesItBreaks() {
		Map<String, Object> properties = new HashMap<>(freshDatabase());
		properties.put("quantra.admin.password", "password");
		assertThatException().isThrownBy(() -> TestServers.start(properties).close())
			.satisfies((ex) -> assertThat(rootCause(ex).getMessage()).contains("QUANTRA_ADMIN_PASSWORD")
				.contains("a digit"));
	}

	private static Map<String, Object> staffRow(ConfigurableApplicationContext server) {
		return server.getBean(JdbcClient.class)
			.sql("select email, password_hash, is_superuser from users where is_staff = true")
			.query()
			.singleRow();
	}

	private static long staffCount(ConfigurableApplicationContext server) {
		return server.getBean(JdbcClient.class)
			.sql("select count(*) from users where is_staff = true")
			.query(Long.class)
			.single();
	}

	private static Path dataDirectory(ConfigurableApplicationContext server) {
		return server.getBean(DataDirectory.class).path();
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}
