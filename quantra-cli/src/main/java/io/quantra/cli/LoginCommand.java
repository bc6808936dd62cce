package io.quantra.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;

import io.quantra.cli.CredentialStore.Credentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code quantra login}: signs in with e-mail, password and, when the account has it, an
 * MFA code, then keeps an API token the server issues for this computer — never the
 * password. With {@code --token} it keeps a token the user already has.
 */
@Command(name = "login", description = { "Log in to a Quantra server and remember it.",
		"Signs in with e-mail and password (and an MFA code when the account has MFA), then saves an API token "
				+ "created for this computer in the credentials file (mode 0600); the password is never saved." })
class LoginCommand extends CliCommand implements Callable<Integer> {

	@Parameters(index = "0", arity = "0..1", paramLabel = "URL",
			description = "Server address, such as https://localhost:4443 (default: the last one).")
	String url;

	@Option(names = { "-e", "--email" }, paramLabel = "EMAIL", description = "Account e-mail (asked when missing).")
	String email;

	@Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
	boolean passwordStdin;

	@Option(names = "--mfa-code", paramLabel = "CODE",
			description = "MFA code or recovery code, for scripts (asked when the server wants one).")
	String mfaCode;

	@Option(names = "--token", paramLabel = "qapi_...",
			description = "Use this existing API token instead of signing in with a password.")
	String token;

	@Option(names = "--token-days", paramLabel = "DAYS", defaultValue = "90",
			description = "Days until the API token created at login expires (default: ${DEFAULT-VALUE}).")
	int tokenDays;

	@Override
	public Integer call() {
		QuantraCli cli = cli();
		CredentialStore store = Session.store(cli);
		Credentials credentials = store.load();
		String server = (this.url != null) ? this.url
				: (cli.server != null) ? cli.server : (environment().variable("QUANTRA_URL") != null)
						? environment().variable("QUANTRA_URL") : credentials.current();
		if (server == null) {
			server = ask("Server URL (such as https://localhost:4443): ", "the server URL");
		}
		server = Session.normalize(server);
		ServerProfile previous = credentials.servers().getOrDefault(server, ServerProfile.of(server));
		ServerProfile profile = previous;
		if (cli.insecure || cli.caCert != null) {
			Path caCert = (cli.caCert != null) ? cli.caCert.toAbsolutePath() : null;
			if (caCert != null && !Files.isReadable(caCert)) {
				throw CliException.usage("Cannot read the certificate file " + caCert + ".");
			}
			profile = profile.withTrust(cli.insecure, (caCert != null) ? caCert.toString() : null);
		}
		Trust trust = new Trust(profile.insecure(), (profile.caCert() != null) ? Path.of(profile.caCert()) : null);
		QuantraClient anonymous = new QuantraClient(URI.create(server + "/"), trust, null, json(),
				cli.verbose ? environment().err() : null);
		ServerProfile loggedIn = (this.token != null) ? withToken(anonymous, server, profile)
				: withPassword(anonymous, server, profile);
		new Logout(json(), environment(), cli.name()).revokeQuietly(previous, trust);
		store.save(credentials.with(loggedIn, true));
		out().println("Logged in to " + server + " as " + loggedIn.email() + ".");
		if (loggedIn.tokenExpiresAt() != null) {
			out().println("The API token saved in " + store.file() + " expires "
					+ loggedIn.tokenExpiresAt().substring(0, 10) + "; log in again then.");
		}
		out().flush();
		return ExitCodes.OK;
	}

	private ServerProfile withToken(QuantraClient anonymous, String server, ServerProfile profile) {
		String given = this.token.strip();
		if (!given.startsWith("qapi_")) {
			throw CliException.usage("--token takes an API token (qapi_...), created under your account's API tokens.");
		}
		QuantraClient client = new QuantraClient(anonymous.base(), trustOf(profile), given, json(),
				cli().verbose ? environment().err() : null);
		JsonNode me = client.get("/auth/me");
		return profile.withLogin(Json.text(me, "email"), given, null, null, null);
	}

	private ServerProfile withPassword(QuantraClient anonymous, String server, ServerProfile profile) {
		String account = (this.email != null) ? this.email : ask("Email: ", "--email");
		char[] password = password();
		ObjectNode credentials = json().createObjectNode().put("email", account).put("password", new String(password));
		Arrays.fill(password, ' ');
		JsonNode answer = anonymous.post("/auth/login", credentials);
		credentials.removeAll();
		String status = Json.text(answer, "status");
		if ("mfa_setup_required".equals(status)) {
			throw new CliException(ExitCodes.AUTH, "This account must set up multi-factor authentication first: "
					+ "sign in to the console at " + server + ", enrol an authenticator app, then log in again.");
		}
		if ("mfa_required".equals(status)) {
			String code = (this.mfaCode != null) ? this.mfaCode : askMfaCode();
			answer = anonymous.post("/mfa/verify",
					json().createObjectNode()
						.put("code", code.replace(" ", ""))
						.put("mfa_token", Json.text(answer, "mfa_token")));
		}
		String access = Json.text(answer, "access_token");
		String refresh = Json.text(answer, "refresh_token");
		if (access == null) {
			throw new CliException(ExitCodes.SERVER, "The server answered the login without a token.");
		}
		QuantraClient signedIn = new QuantraClient(anonymous.base(), trustOf(profile), access, json(),
				cli().verbose ? environment().err() : null);
		String expires = Instant.now().plus(Math.max(1, this.tokenDays), ChronoUnit.DAYS).toString();
		JsonNode created = signedIn
			.call("POST", "/account/api-tokens",
					json().createObjectNode().put("name", tokenName()).put("expires_at", expires), Map.of())
			.body();
		return profile.withLogin(account, Json.text(created, "token"), created.path("id").asLong(),
				Json.text(created, "expires_at"), refresh);
	}

	private String askMfaCode() {
		Prompter prompter = environment().prompter();
		if (!prompter.interactive()) {
			throw CliException.usage("The account needs an MFA code: pass --mfa-code (no terminal to ask on).");
		}
		String code = prompter.readLine("MFA code (or a recovery code): ");
		if (code == null || code.isBlank()) {
			throw CliException.usage("No MFA code given.");
		}
		return code.strip();
	}

	private char[] password() {
		if (this.passwordStdin) {
			try {
				String line = new BufferedReader(new InputStreamReader(environment().in(), StandardCharsets.UTF_8))
					.readLine();
				if (line == null || line.isEmpty()) {
					throw CliException.usage("--password-stdin read no password from standard input.");
				}
				return line.toCharArray();
			}
			catch (IOException ex) {
				throw CliException.usage("Cannot read the password from standard input: " + ex.getMessage());
			}
		}
		Prompter prompter = environment().prompter();
		if (!prompter.interactive()) {
			throw CliException.usage("No terminal to ask for the password on: pipe it in with --password-stdin, "
					+ "or log in with --token qapi_...");
		}
		char[] password = prompter.readSecret("Password: ");
		if (password == null || password.length == 0) {
			throw CliException.usage("No password given.");
		}
		return password;
	}

	private static Trust trustOf(ServerProfile profile) {
		return new Trust(profile.insecure(), (profile.caCert() != null) ? Path.of(profile.caCert()) : null);
	}

	private String tokenName() {
		String host = environment().variable("HOSTNAME");
		if (host == null) {
			try {
				host = InetAddress.getLocalHost().getHostName();
			}
			catch (IOException ex) {
				host = "this computer";
			}
		}
		return "quantra CLI on " + host;
	}

}
