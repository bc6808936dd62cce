package io.quantra.runs;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Response;
import io.quantra.QuantraApplication;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a server (a separate JVM) with SIGKILL while runs are mid-flight, starts it again
 * on the same database, and checks that no run is lost, duplicated or left running: work
 * of an idempotent plugin is done again, other interrupted work fails the run with
 * NODE_INTERRUPTED.
 */
abstract class CrashContract {

	private static final String EMAIL = "crash@example.com";

	private static final String PASSWORD = "Crash-Passw0rd!";

	/** Properties that put the servers on one database that outlives them. */
	abstract Map<String, String> database();

	@Test
	void runsSurviveAKilledServer() throws Exception {
		Map<String, String> database = database();
		int port = freePort();
		Process first = start(database, port);
		HttpTestClient http = HttpTestClient.local(port);
		awaitReady(http, first);
		String[] auth = login(http);
		long project = http.postJson("/projects", "{\"name\": \"Crash\"}", auth).json().get("id").asLong();
		long source = node(http, auth, project, "datasource", "inputs", "{}");
		long safe = node(http, auth, project, "tool", "test_sleep_idempotent", "{\"millis\": 3000}");
		long unsafe = node(http, auth, project, "tool", "test_sleep", "{\"millis\": 3000}");
		edge(http, auth, project, source, safe);
		edge(http, auth, project, source, unsafe);
		long execution = http.postJson("/projects/" + project + "/run", "{}", auth).json().get("execution_id").asLong();
		awaitNodes(http, auth, execution, "running", "node_" + safe, "node_" + unsafe);

		first.destroyForcibly().waitFor();

		Process second = start(database, port);
		try {
			awaitReady(http, second);
			auth = login(http);
			assertInterrupted(awaitEnd(http, auth, execution));
			JsonNode results = http.get("/executions/" + execution + "/results", auth).json().get("results");
			assertThat(results.get("node_" + source).get("status").asString()).isEqualTo("completed");
			assertThat(results.get("node_" + source).get("attempts").asInt()).isEqualTo(1);
			assertThat(results.get("node_" + unsafe).get("status").asString()).isEqualTo("failed");
			JsonNode executions = http.get("/projects/" + project + "/executions", auth).json();
			assertThat(executions.get("total").asLong()).as("no run duplicated").isEqualTo(1);

			// an idempotent node alone is run again and the run completes
			http.send("DELETE", "/nodes/" + unsafe, "", auth);
			long again = http.postJson("/projects/" + project + "/run", "{}", auth).json().get("execution_id").asLong();
			awaitNodes(http, auth, again, "running", "node_" + safe);
			second.destroyForcibly().waitFor();
			Process third = start(database, port);
			try {
				awaitReady(http, third);
				auth = login(http);
				JsonNode completed = awaitEnd(http, auth, again);
				assertThat(completed.get("status").asString()).isEqualTo("completed");
				JsonNode safeResult = http.get("/executions/" + again + "/results", auth)
					.json()
					.get("results")
					.get("node_" + safe);
				assertThat(safeResult.get("attempts").asInt()).isEqualTo(2);

				// a node that cannot run twice, claimed by a step after the run's start:
				// the
				// server dies the moment it starts, before anyone looked at the run
				long later = http.postJson("/projects", "{\"name\": \"Crash later\"}", auth).json().get("id").asLong();
				Path marker = Files.createTempFile("quantra-crash-", ".marker");
				long entry = node(http, auth, later, "datasource", "inputs", "{}");
				long quick = node(http, auth, later, "tool", "test_sleep_idempotent", "{\"millis\": 10}");
				long once = node(http, auth, later, "tool", "test_sleep",
						"{\"millis\": 5000, \"marker\": \"" + marker.toString().replace("\\", "/") + "\"}");
				edge(http, auth, later, entry, quick);
				edge(http, auth, later, quick, once);
				long interruptedRun = http.postJson("/projects/" + later + "/run", "{}", auth)
					.json()
					.get("execution_id")
					.asLong();
				awaitLines(marker, 1);
				third.destroyForcibly().waitFor();
				Process fourth = start(database, port);
				try {
					awaitReady(http, fourth);
					auth = login(http);
					JsonNode interrupted = awaitEnd(http, auth, interruptedRun);
					assertThat(Files.readAllLines(marker)).as("the node that cannot run twice ran once").hasSize(1);
					assertInterrupted(interrupted);
				}
				finally {
					fourth.destroyForcibly().waitFor();
				}
			}
			finally {
				third.destroyForcibly().waitFor();
			}
		}
		finally {
			second.destroyForcibly().waitFor();
		}
	}

	private Process start(Map<String, String> database, int port) throws IOException {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp", classpath(),
				QuantraApplication.class.getName(), "--quantra.port=" + port, "--quantra.tls=off",
				"--quantra.management-port=0", "--quantra.rate-limits.enabled=false", "--quantra.runs.heartbeat=1s",
				"--quantra.admin.email=" + EMAIL, "--quantra.admin.password=" + PASSWORD));
		database.forEach((key, value) -> command.add("--" + key + "=" + value));
		Path log = Files.createTempFile("quantra-crash-", ".log");
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	/**
	 * The test's classpath, unpacked from Surefire's manifest-only jar when it uses one.
	 */
	private static String classpath() throws IOException {
		String classpath = System.getProperty("java.class.path");
		if (!classpath.contains(File.pathSeparator) && classpath.endsWith(".jar")) {
			try (JarFile jar = new JarFile(classpath)) {
				String entries = jar.getManifest().getMainAttributes().getValue("Class-Path");
				if (entries != null) {
					List<String> paths = new ArrayList<>();
					for (String entry : entries.split(" ")) {
						if (!entry.isBlank()) {
							paths.add(Path.of(java.net.URI.create(entry)).toString());
						}
					}
					return String.join(File.pathSeparator, paths);
				}
			}
		}
		return classpath;
	}

	private static int freePort() throws IOException {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void awaitReady(HttpTestClient http, Process process) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			assertThat(process.isAlive()).as("server process alive").isTrue();
			try {
				if (http.get("/version").status() == 200) {
					return;
				}
			}
			catch (IllegalStateException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new AssertionError("server did not start within 60 s");
	}

	private static String[] login(HttpTestClient http) {
		String token = http
			.postJson("/auth/login", "{\"email\": \"" + EMAIL + "\", \"password\": \"" + PASSWORD + "\"}")
			.json()
			.get("access_token")
			.asString();
		return new String[] { "Authorization", "Bearer " + token };
	}

	private static long node(HttpTestClient http, String[] auth, long project, String type, String plugin,
			String config) {
		Response created = http.postJson("/projects/" + project + "/nodes",
				"{\"node_type\": \"" + type + "\", \"plugin_id\": \"" + plugin + "\", \"config\": " + config + "}",
				auth);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private static void edge(HttpTestClient http, String[] auth, long project, long source, long target) {
		assertThat(http
			.postJson("/projects/" + project + "/edges",
					"{\"source_node\": " + source + ", \"target_node\": " + target + ", \"edge_mode\": \"flow\"}", auth)
			.status()).isEqualTo(201);
	}

	private static void awaitNodes(HttpTestClient http, String[] auth, long execution, String status, String... nodes)
			throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Instant.now().isBefore(deadline)) {
			JsonNode results = http.get("/executions/" + execution + "/results", auth).json().get("results");
			boolean all = true;
			for (String node : nodes) {
				all &= status.equals(results.get(node).get("status").asString());
			}
			if (all) {
				return;
			}
			Thread.sleep(20);
		}
		throw new AssertionError("nodes never all reached " + status);
	}

	private static void assertInterrupted(JsonNode run) {
		assertThat(run.get("status").asString()).isEqualTo("failed");
		assertThat(run.get("error").get("code").asString()).isEqualTo("NODE_INTERRUPTED");
	}

	private static void awaitLines(Path file, int lines) throws InterruptedException, IOException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (Files.readAllLines(file).size() < lines) {
			assertThat(Instant.now()).as("lines in " + file).isBefore(deadline);
			Thread.sleep(2);
		}
	}

	private static JsonNode awaitEnd(HttpTestClient http, String[] auth, long execution) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		while (Instant.now().isBefore(deadline)) {
			JsonNode run = http.get("/executions/" + execution, auth).json();
			String status = run.get("status").asString();
			if (status.equals("completed") || status.equals("failed") || status.equals("cancelled")) {
				return run;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("execution " + execution + " still not ended 90 s after the restart");
	}

}
