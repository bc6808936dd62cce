package io.quantra.projects;

import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Response;
import io.quantra.identity.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Projects and sharing over real HTTP on each database: who sees what, and how roles and
 * ownership move.
 */
abstract class ProjectsContract {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	HttpTestClient http;

	@BeforeEach
	void connect() {
		this.http = HttpTestClient.local(this.port);
	}

	@Test
	void creatorsOwnTheirProjectsAndOthersDoNotSeeThem() {
		String ownerEmail = this.accounts.user("own");
		String[] owner = login(ownerEmail);
		String[] stranger = login(this.accounts.user("stranger"));
		Response created = this.http.postJson("/projects",
				"{\"name\": \"Invoice Processing Pipeline\", \"description\": \"Automated extraction.\"}", owner);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("owner").asString()).isEqualTo(ownerEmail);
		long id = created.json().get("id").asLong();

		JsonNode mine = this.http.get("/projects", owner).json();
		assertThat(mine.get("total").asLong()).isEqualTo(1);
		assertThat(mine.get("limit").asInt()).isEqualTo(50);
		assertThat(mine.get("projects").get(0).get("description").asString()).isEqualTo("Automated extraction.");
		assertThat(this.http.get("/projects", stranger).json().get("total").asLong()).isZero();
		assertThat(this.http.get("/projects/" + id, stranger).status()).isEqualTo(404);

		String[] staff = login(this.accounts.staff("ops"));
		Response asStaff = this.http.get("/projects/" + id, staff);
		assertThat(asStaff.status()).isEqualTo(200);
		assertThat(asStaff.json().get("role").asString()).isEqualTo("staff");
	}

	@Test
	void namesAreRequiredAndBounded() {
		String[] owner = login(this.accounts.user("names"));
		assertThat(this.http.postJson("/projects", "{\"description\": \"no name\"}", owner).status()).isEqualTo(400);
		assertThat(this.http.postJson("/projects", "{\"name\": \"" + "n".repeat(201) + "\"}", owner).status())
			.isEqualTo(400);
		assertThat(this.http.postJson("/projects", "{\"name\": \"" + "n".repeat(200) + "\"}", owner).status())
			.isEqualTo(201);
		assertThat(this.http.get("/projects?limit=201", owner).status()).isEqualTo(400);
	}

	@Test
	void sharingMapsPermissionLevelsOntoRoles() {
		String[] owner = login(this.accounts.user("sharer"));
		long id = project(owner);
		String readerEmail = this.accounts.user("reader");
		Response shared = this.http.postJson("/projects/" + id + "/share",
				"{\"email\": \"" + readerEmail.toUpperCase() + "\", \"permission_level\": \"execute\"}", owner);
		assertThat(shared.status()).isEqualTo(201);
		assertThat(shared.json().get("role").asString()).isEqualTo("runner");
		String[] reader = login(readerEmail);
		assertThat(this.http.get("/projects/" + id, reader).json().get("role").asString()).isEqualTo("runner");
		assertThat(
				this.http
					.postJson("/projects/" + id + "/share",
							"{\"email\": \"nobody-" + System.nanoTime()
									+ "@example.com\", \"permission_level\": \"read\"}",
							owner)
					.status())
			.isEqualTo(404);
		assertThat(this.http
			.postJson("/projects/" + id + "/share",
					"{\"email\": \"" + readerEmail + "\", \"permission_level\": \"own\"}", owner)
			.status()).isEqualTo(400);
	}

	@Test
	void ownershipMovesOnlyByTransferAndTheOwnerStays() {
		String[] owner = login(this.accounts.user("founder"));
		long id = project(owner);
		String adminEmail = this.accounts.user("deputy");
		long adminId = this.http
			.postJson("/projects/" + id + "/share",
					"{\"email\": \"" + adminEmail + "\", \"permission_level\": \"write\"}", owner)
			.json()
			.get("user_id")
			.asLong();
		this.http.send("PUT", "/projects/" + id + "/members/" + adminId, "{\"role\": \"admin\"}", owner);
		String[] admin = login(adminEmail);
		long ownerId = this.http.get("/auth/me", owner).json().get("id").asLong();

		assertThat(this.http.send("DELETE", "/projects/" + id + "/members/" + ownerId, "", admin).status())
			.isEqualTo(409);
		assertThat(this.http.send("PUT", "/projects/" + id + "/members/" + ownerId, "{\"role\": \"viewer\"}", admin)
			.status()).isEqualTo(409);
		assertThat(this.http.send("PUT", "/projects/" + id + "/members/" + adminId, "{\"role\": \"owner\"}", admin)
			.status()).isEqualTo(403);

		Response transferred = this.http.send("PUT", "/projects/" + id + "/members/" + adminId, "{\"role\": \"owner\"}",
				owner);
		assertThat(transferred.status()).isEqualTo(200);
		assertThat(this.http.get("/projects/" + id, admin).json().get("owner").asString()).isEqualTo(adminEmail);
		assertThat(this.http.get("/projects/" + id, owner).json().get("role").asString()).isEqualTo("admin");
		assertThat(this.http.send("DELETE", "/projects/" + id + "/members/" + ownerId, "", owner).status())
			.as("members may leave")
			.isEqualTo(204);
		assertThat(this.http.get("/projects/" + id, owner).status()).isEqualTo(404);
	}

	private long project(String[] owner) {
		return this.http.postJson("/projects", "{\"name\": \"Shared\"}", owner).json().get("id").asLong();
	}

	private String[] login(String email) {
		return TestAccounts.signIn(this.http, email);
	}

}
