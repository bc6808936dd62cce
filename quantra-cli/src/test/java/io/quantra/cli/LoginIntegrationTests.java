package io.quantra.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import io.quantra.cli.Cli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code login}, {@code whoami} and {@code logout} against a real server: MFA asked at
 * the terminal, the certificate check, and credentials kept private.
 */
class LoginIntegrationTests {

	private static final String PASSWORD = "Term1nal-Login!x9";

	private final TestServer server = TestServer.shared();

	private final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path config;

	@Test
	void loginAsksForTheMfaCodeAndKeepsAnApiTokenOnlyTheUserCanRead() throws Exception {
		String email = "mfa-" + UUID.randomUUID() + "@example.com";
		this.server.createUser(email, PASSWORD);
		String secret = enrolMfa(email);
		Cli cli = new Cli(this.config.resolve("quantra"));
		// enrolment used this step's code, and a code is accepted once: the next step's
		ScriptedTerminal person = ScriptedTerminal.answering(email, PASSWORD, Totp.code(secret, 1));

		Result login = cli.run(person, "login", this.server.url(), "--ca-cert", this.server.certificate().toString());

		assertThat(login.exitCode()).as(login.toString()).isZero();
		assertThat(person.questions()).containsExactly("Email: ", "Password: ", "MFA code (or a recovery code): ");
		assertThat(login.out()).contains("Logged in to " + this.server.url() + " as " + email);
		Path credentials = cli.configDir().resolve("credentials");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.configDir())))
			.isEqualTo("rwx------");
		String saved = Files.readString(credentials);
		assertThat(saved).doesNotContain(PASSWORD);
		String token = this.json.readTree(saved).path("servers").path(this.server.url()).path("token").asString();
		assertThat(token).startsWith("qapi_");

		// the saved certificate choice and token serve later commands
		Result whoami = cli.run("whoami", "--verbose");
		assertThat(whoami.exitCode()).as(whoami.toString()).isZero();
		assertThat(whoami.out()).contains(email + " on " + this.server.url());
		assertThat(whoami.err()).contains("GET /auth/me -> 200").contains("request id");
		assertThat(login.out() + login.err() + whoami.out() + whoami.err()).doesNotContain(token);
	}

	@Test
	void loginWithoutATerminalNamesTheOptionsToUse() {
		Cli cli = new Cli(this.config);

		Result login = cli.run("login", this.server.url(), "--insecure", "--email", TestServer.ADMIN_EMAIL);

		assertThat(login.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(login.err()).contains("--password-stdin").contains("--token");
	}

	@Test
	void theSelfSignedCertificateIsRefusedUnlessTrusted() {
		Cli cli = new Cli(this.config);

		Result refused = cli.withStdin(TestServer.ADMIN_PASSWORD + "\n", "login", this.server.url(), "--email",
				TestServer.ADMIN_EMAIL, "--password-stdin");

		assertThat(refused.exitCode()).isEqualTo(ExitCodes.SERVER);
		assertThat(refused.err()).contains("not trusted").contains("--ca-cert").contains("--insecure");
		assertThat(Files.exists(this.config.resolve("credentials"))).isFalse();
	}

	@Test
	void aWrongPasswordIsAnAuthenticationFailureWithTheServersCodeAndRequestId() {
		Cli cli = new Cli(this.config);

		Result refused = cli.withStdin("Not-the-passw0rd!\n", "login", this.server.url(), "--insecure", "--email",
				TestServer.ADMIN_EMAIL, "--password-stdin");

		assertThat(refused.exitCode()).isEqualTo(ExitCodes.AUTH);
		assertThat(refused.err()).containsPattern("\\[UNAUTHORIZED, HTTP 401, request id [0-9a-f-]{36}]");
	}

	@Test
	void logoutRevokesTheTokenTheLoginCreated() throws Exception {
		Cli cli = new Cli(this.config);
		Result login = cli.withStdin(TestServer.ADMIN_PASSWORD + "\n", "login", this.server.url(), "--insecure",
				"--email", TestServer.ADMIN_EMAIL, "--password-stdin");
		assertThat(login.exitCode()).as(login.toString()).isZero();
		String token = this.json.readTree(Files.readString(this.config.resolve("credentials")))
			.path("servers")
			.path(this.server.url())
			.path("token")
			.asString();

		Result logout = cli.run("logout");

		assertThat(logout.exitCode()).as(logout.toString()).isZero();
		assertThat(logout.out()).contains("its API token is revoked");
		assertThat(Files.readString(this.config.resolve("credentials"))).doesNotContain(token);
		assertThat(cli.run("whoami").exitCode()).isEqualTo(ExitCodes.AUTH);
		Result revoked = cli.variable("QUANTRA_TOKEN", token).run("whoami");
		assertThat(revoked.exitCode()).isEqualTo(ExitCodes.AUTH);
		assertThat(revoked.err()).contains("UNAUTHORIZED").doesNotContain(token);
	}

	@Test
	void loginWithAGivenTokenKeepsIt() {
		String access = this.server.accessToken(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
		String token = this.server
			.call("POST", "/account/api-tokens", access, this.json.createObjectNode().put("name", "script"))
			.path("token")
			.asString();
		Cli cli = new Cli(this.config);

		Result login = cli.run("login", this.server.url(), "--insecure", "--token", token);

		assertThat(login.exitCode()).as(login.toString()).isZero();
		assertThat(cli.run("whoami").out()).contains(TestServer.ADMIN_EMAIL);
		assertThat(login.out() + login.err()).doesNotContain(token);
	}

	/**
	 * Enrols the account in MFA through the API, as the console does; the TOTP secret.
	 */
	private String enrolMfa(String email) {
		String access = this.server.accessToken(email, PASSWORD);
		JsonNode setup = this.server.call("POST", "/mfa/setup", access, this.json.createObjectNode());
		String secret = setup.path("secret").asString();
		this.server.call("POST", "/mfa/enable", access, this.json.createObjectNode().put("code", Totp.code(secret, 0)));
		return secret;
	}

}
