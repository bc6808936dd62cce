package io.quantra.cli;

import java.net.URI;
import java.nio.file.Path;

import io.quantra.cli.CredentialStore.Credentials;

/**
 * The server a command talks to and how: its address (from {@code --server},
 * {@code QUANTRA_URL} or the last login), how its certificate is trusted (the options, or
 * the choice saved at login) and the token to send ({@code QUANTRA_TOKEN} or the saved
 * one).
 */
final class Session {

	private final QuantraCli cli;

	private final CredentialStore store;

	private final String server;

	private final ServerProfile profile;

	private Session(QuantraCli cli, CredentialStore store, String server, ServerProfile profile) {
		this.cli = cli;
		this.store = store;
		this.server = server;
		this.profile = profile;
	}

	/** The folder of the credentials file: --config, then the environment, then XDG. */
	static Path configFolder(QuantraCli cli) {
		if (cli.configDir != null) {
			return cli.configDir;
		}
		CliEnvironment environment = cli.environment;
		String explicit = environment.variable("QUANTRA_CONFIG_DIR");
		if (explicit != null) {
			return Path.of(explicit);
		}
		String xdg = environment.variable("XDG_CONFIG_HOME");
		if (xdg != null) {
			return Path.of(xdg, "quantra");
		}
		String home = environment.variable("HOME");
		return Path.of((home != null) ? home : System.getProperty("user.home"), ".config", "quantra");
	}

	static CredentialStore store(QuantraCli cli) {
		CredentialStore store = new CredentialStore(configFolder(cli), cli.json);
		if (store.readableByOthers()) {
			cli.environment.err()
				.println(cli.name() + ": warning: " + store.file() + " is readable by others; run chmod 600 on it "
						+ "and revoke the tokens it holds if others could have read them.");
		}
		return store;
	}

	/** The session of an ordinary command. */
	static Session open(QuantraCli cli) {
		CredentialStore store = store(cli);
		Credentials credentials = store.load();
		String server = (cli.server != null) ? cli.server : cli.environment.variable("QUANTRA_URL");
		if (server == null) {
			server = credentials.current();
		}
		if (server == null) {
			throw new CliException(ExitCodes.AUTH,
					"Not logged in. Run: " + cli.name() + " login https://localhost:4443 --insecure");
		}
		server = normalize(server);
		ServerProfile profile = credentials.servers().getOrDefault(server, ServerProfile.of(server));
		return new Session(cli, store, server, profile);
	}

	/**
	 * A server address as it is saved: with a scheme (https by default), no trailing
	 * slash.
	 */
	static String normalize(String server) {
		String url = server.strip();
		if (!url.contains("://")) {
			url = "https://" + url;
		}
		while (url.endsWith("/")) {
			url = url.substring(0, url.length() - 1);
		}
		try {
			URI uri = URI.create(url);
			if (uri.getHost() == null || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
				throw CliException.usage("Not a server address: " + server + " (try https://localhost:4443)");
			}
		}
		catch (IllegalArgumentException ex) {
			throw CliException.usage("Not a server address: " + server + " (try https://localhost:4443)");
		}
		return url;
	}

	String server() {
		return this.server;
	}

	ServerProfile profile() {
		return this.profile;
	}

	CredentialStore store() {
		return this.store;
	}

	Trust trust() {
		boolean insecure = this.cli.insecure || (this.profile.insecure() && this.cli.caCert == null);
		Path caCert = (this.cli.caCert != null) ? this.cli.caCert.toAbsolutePath()
				: (this.profile.caCert() != null && !this.cli.insecure) ? Path.of(this.profile.caCert()) : null;
		return new Trust(insecure, caCert);
	}

	/** A client without a credential (for login). */
	QuantraClient anonymous() {
		return client(null);
	}

	/** A client that sends the session's token. */
	QuantraClient client() {
		String token = this.cli.environment.variable("QUANTRA_TOKEN");
		if (token == null) {
			token = this.profile.token();
		}
		if (token == null) {
			throw new CliException(ExitCodes.AUTH,
					"Not logged in to " + this.server + ". Run: " + this.cli.name() + " login " + this.server);
		}
		return client(token);
	}

	QuantraClient client(String token) {
		return new QuantraClient(URI.create(this.server + "/"), trust(), token, this.cli.json,
				this.cli.verbose ? this.cli.environment.err() : null);
	}

}
