package io.quantra.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Quantra server for the CLI's tests: the server's own jar started as a process,
 * as a user starts it — HTTPS with its self-signed certificate, the embedded database in
 * a fresh data directory — and stopped when the tests' JVM exits. All test classes share
 * one.
 */
final class TestServer {

	static final String ADMIN_EMAIL = "admin@quantra.local";

	static final String ADMIN_PASSWORD = "Cli-Tests-Passw0rd!k7";

	private static TestServer shared;

	private final Process process;

	private final int port;

	private final Path dataDir;

	private final JsonMapper json = JsonMapper.builder().build();

	private TestServer(Process process, int port, Path dataDir) {
		this.process = process;
		this.port = port;
		this.dataDir = dataDir;
	}

	static synchronized TestServer shared() {
		if (shared == null) {
			shared = start();
			Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "quantra-test-server-stop"));
		}
		return shared;
	}

	String url() {
		return "https://localhost:" + this.port;
	}

	/** The server's self-signed certificate, as {@code --ca-cert} takes it. */
	Path certificate() {
		return this.dataDir.resolve("tls").resolve("certificate.pem");
	}

	/** Signs in through the API (not the CLI) and answers the access token. */
	String accessToken(String email, String password) {
		JsonNode answer = call("POST", "/auth/login", null,
				this.json.createObjectNode().put("email", email).put("password", password));
		return answer.path("access_token").asString();
	}

	/** A new account, created by the staff account. */
	void createUser(String email, String password) {
		call("POST", "/users", accessToken(ADMIN_EMAIL, ADMIN_PASSWORD),
				this.json.createObjectNode()
					.put("email", email)
					.put("password", password)
					.put("first_name", "Test")
					.put("last_name", "User"));
	}

	/**
	 * Sends a request to the API; fails the test on any status but 2xx.
	 */
	JsonNode call(String method, String path, String token, JsonNode body) {
		HttpClient http = HttpClient.newBuilder().sslContext(new Trust(true, null).sslContext()).build();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
			.header("Content-Type", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body.toString())
					: HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(
						method + " " + path + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body().isBlank() ? this.json.createObjectNode() : this.json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static TestServer start() {
		Path jar = Path.of(System.getProperty("quantra.server.jar", "../quantra-server/target/quantra-server.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("The CLI's tests start the server from " + jar.toAbsolutePath()
					+ "; build it first (./mvnw verify builds it before these tests, or ./quantra build).");
		}
		try {
			Path dataDir = Files.createTempDirectory("quantra-cli-test-");
			int port = freePort();
			Path log = Path.of("target", "test-server.log");
			Files.createDirectories(log.getParent());
			List<String> command = new ArrayList<>(List.of(
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
					"-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString(), "--quantra.data-dir=" + dataDir,
					"--quantra.port=" + port, "--quantra.management-port=0", "--quantra.rate-limits.enabled=false"));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().put("QUANTRA_ADMIN_EMAIL", ADMIN_EMAIL);
			builder.environment().put("QUANTRA_ADMIN_PASSWORD", ADMIN_PASSWORD);
			builder.environment().remove("QUANTRA_DB_URL");
			builder.environment().remove("QUANTRA_REDIS_URL");
			TestServer server = new TestServer(builder.start(), port, dataDir);
			server.awaitReady(log);
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitReady(Path log) {
		HttpClient http = HttpClient.newBuilder()
			.sslContext(new Trust(true, null).sslContext())
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"The test server exited with " + this.process.exitValue() + "; see " + log.toAbsolutePath());
			}
			try {
				HttpResponse<String> response = http.send(
						HttpRequest.newBuilder(URI.create(url() + "/version")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		stop();
		throw new IllegalStateException("The test server did not start within 3 minutes; see " + log.toAbsolutePath());
	}

	private void stop() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
