package io.quantra.triggers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Response;
import io.quantra.identity.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the trigger and schedule tests set up over HTTP: a runnable project, members, API
 * tokens, and signatures computed the way the README tells senders to.
 */
final class ProjectSetup {

	private ProjectSetup() {
	}

	/** A project whose canvas holds one inputs node, so that it can run. */
	static long runnableProject(HttpTestClient http, String[] owner) {
		Response project = http.postJson("/projects", "{\"name\": \"Triggered\"}", owner);
		assertThat(project.status()).as(project.toString()).isEqualTo(201);
		long id = project.json().get("id").asLong();
		Response node = http.postJson("/projects/" + id + "/nodes",
				"{\"node_type\": \"datasource\", \"plugin_id\": \"inputs\", \"config\": {}}", owner);
		assertThat(node.status()).as(node.toString()).isEqualTo(201);
		return id;
	}

	/** Shares the project with read, execute or write; returns the member's user id. */
	static long share(HttpTestClient http, String[] owner, long project, String email, String level) {
		Response shared = http.postJson("/projects/" + project + "/share",
				"{\"email\": \"" + email + "\", \"permission_level\": \"" + level + "\"}", owner);
		assertThat(shared.status()).as(shared.toString()).isEqualTo(201);
		return shared.json().get("user_id").asLong();
	}

	static void setRole(HttpTestClient http, String[] owner, long project, long userId, String role) {
		Response changed = http.send("PUT", "/projects/" + project + "/members/" + userId,
				"{\"role\": \"" + role + "\"}", owner);
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
	}

	static String[] signIn(HttpTestClient http, String email) {
		return TestAccounts.signIn(http, email);
	}

	/** A new API token of the account; returns the header that sends it. */
	static String[] apiToken(HttpTestClient http, String email) {
		Response created = http.postJson("/account/api-tokens", "{\"name\": \"ci\"}", signIn(http, email));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return new String[] { "Authorization", "Bearer " + created.json().get("token").asString() };
	}

	/** A new trigger secret of the project; returns its value. */
	static String triggerSecret(HttpTestClient http, String[] admin, long project) {
		Response created = http.postJson("/projects/" + project + "/trigger-secrets", "{\"name\": \"ci\"}", admin);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("secret").asString();
	}

	/**
	 * The two signature headers for {@code body} at {@code timestamp}: HMAC-SHA256 keyed
	 * with the secret over {@code <timestamp>.<body>}.
	 */
	static String[] signature(String secret, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return new String[] { "X-Quantra-Timestamp", Long.toString(timestamp), "X-Quantra-Signature",
					"v1=" + HexFormat.of().formatHex(digest) };
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String[] signature(String secret, String body) {
		return signature(secret, Instant.now().getEpochSecond(), body);
	}

	/** Polls until the value is there, or fails after the deadline. */
	static <T> T await(String what, Duration deadline, Supplier<T> probe) {
		Instant end = Instant.now().plus(deadline);
		while (true) {
			T value = probe.get();
			if (value != null) {
				return value;
			}
			if (Instant.now().isAfter(end)) {
				throw new AssertionError(what + " did not happen within " + deadline.toSeconds() + " s");
			}
			pause(Duration.ofMillis(100));
		}
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
