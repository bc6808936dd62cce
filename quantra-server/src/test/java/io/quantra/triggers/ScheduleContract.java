package io.quantra.triggers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Response;
import io.quantra.identity.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.quantra.triggers.ProjectSetup.await;
import static io.quantra.triggers.ProjectSetup.runnableProject;
import static io.quantra.triggers.ProjectSetup.share;
import static io.quantra.triggers.ProjectSetup.signIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cron schedules over real HTTP on each database (test servers let schedules fire every 2
 * s): who may read and change them, how they are validated, and that they fire runs on
 * behalf of their creator, once per fire time.
 */
abstract class ScheduleContract {

	private static final String EVERY_TWO_SECONDS = "*/2 * * * * *";

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Scheduler scheduler;

	HttpTestClient http;

	String editorEmail;

	String[] owner;

	String[] editor;

	long project;

	@BeforeEach
	void createProject() {
		this.http = HttpTestClient.local(this.port);
		this.owner = signIn(this.http, this.accounts.user("owner"));
		this.project = runnableProject(this.http, this.owner);
		this.editorEmail = this.accounts.user("editor");
		share(this.http, this.owner, this.project, this.editorEmail, "write");
		this.editor = signIn(this.http, this.editorEmail);
	}

	@Test
	void editorsCreateSchedulesThatShowTheirNextFire() {
		Response created = create("{\"cron\": \"30 6 * * 1-5\", \"timezone\": \"Europe/Berlin\", "
				+ "\"description\": \"weekday mornings\", \"inputs\": {\"region\": \"eu\"}}", this.editor);

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode schedule = created.json();
		assertThat(schedule.propertyNames()).contains("id", "project_id", "cron", "timezone", "enabled", "description",
				"next_run_at", "last_run_at", "last_execution_id", "last_error", "created_by", "created_at");
		assertThat(schedule.get("project_id").asLong()).isEqualTo(this.project);
		assertThat(schedule.get("cron").asString()).isEqualTo("30 6 * * 1-5");
		assertThat(schedule.get("timezone").asString()).isEqualTo("Europe/Berlin");
		assertThat(schedule.get("enabled").asBoolean()).isTrue();
		assertThat(schedule.get("description").asString()).isEqualTo("weekday mornings");
		assertThat(schedule.get("inputs").get("region").asString()).isEqualTo("eu");
		assertThat(schedule.get("created_by").asString()).isEqualTo(this.editorEmail);
		assertThat(schedule.get("last_run_at").isNull()).isTrue();
		assertThat(schedule.get("last_execution_id").isNull()).isTrue();
		Instant next = Instant.parse(schedule.get("next_run_at").asString());
		assertThat(next).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofDays(4)));
		assertThat(next.atZone(java.time.ZoneId.of("Europe/Berlin")).toLocalTime())
			.isEqualTo(java.time.LocalTime.of(6, 30));

		JsonNode listed = this.http.get("/projects/" + this.project + "/schedules", this.owner).json();
		assertThat(listed.get("schedules").size()).isEqualTo(1);
		assertThat(listed.get("schedules").get(0).get("id").asLong()).isEqualTo(schedule.get("id").asLong());
	}

	@Test
	void absentValuesTakeTheirDefaults() {
		JsonNode schedule = create("{\"cron\": \"@daily\"}", this.editor).json();
		assertThat(schedule.get("timezone").asString()).isEqualTo("UTC");
		assertThat(schedule.get("enabled").asBoolean()).isTrue();
		assertThat(schedule.get("inputs").isNull()).isTrue();
		assertThat(schedule.get("description").isNull()).isTrue();
		assertThat(schedule.get("next_run_at").asString()).endsWith("T00:00:00Z");
	}

	@Test
	void invalidSchedulesNameTheField() {
		assertInvalid("{}", "cron", "required");
		assertInvalid("{\"cron\": \"61 * * * *\"}", "cron", "61");
		assertInvalid("{\"cron\": \"* * *\"}", "cron", "3 fields");
		assertInvalid("{\"cron\": \"0 0 30 2 *\"}", "cron", "never fires");
		assertInvalid("{\"cron\": \"* * * * * *\"}", "cron", "at most once every 2 seconds");
		assertInvalid("{\"cron\": \"0 * * * *\", \"timezone\": \"Mars/Olympus_Mons\"}", "timezone", "IANA");
		assertInvalid("{\"cron\": \"0 * * * *\", \"timezone\": \"+02:00\"}", "timezone", "IANA");
		assertInvalid("{\"cron\": \"0 * * * *\", \"inputs\": [1]}", "inputs", "object");
		assertInvalid("{\"cron\": \"0 * * * *\", \"description\": \"" + "d".repeat(2001) + "\"}", "description",
				"2000");
		Response wrongType = create("{\"cron\": \"0 * * * *\", \"enabled\": \"sometimes\"}", this.editor);
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.json().get("error").asString()).contains("enabled");
		assertThat(this.http.get("/projects/" + this.project + "/schedules", this.owner).json().get("schedules").size())
			.isZero();
	}

	@Test
	void rolesDecideWhoSeesAndChangesSchedules() {
		String viewerEmail = this.accounts.user("viewer");
		share(this.http, this.owner, this.project, viewerEmail, "read");
		String runnerEmail = this.accounts.user("runner");
		share(this.http, this.owner, this.project, runnerEmail, "execute");
		String[] viewer = signIn(this.http, viewerEmail);
		String[] runner = signIn(this.http, runnerEmail);
		String[] outsider = signIn(this.http, this.accounts.user("outsider"));
		String body = "{\"cron\": \"0 * * * *\"}";
		String list = "/projects/" + this.project + "/schedules";

		assertThat(this.http.get(list, viewer).status()).isEqualTo(200);
		assertThat(this.http.get(list, outsider).status()).isEqualTo(404);
		assertThat(this.http.get(list).status()).isEqualTo(401);
		assertThat(create(body, viewer).status()).isEqualTo(403);
		assertThat(create(body, runner).status()).isEqualTo(403);
		assertThat(create(body, outsider).status()).isEqualTo(404);
		long id = create(body, this.editor).json().get("id").asLong();
		String one = "/schedules/" + id;

		assertThat(this.http.get(one, viewer).status()).isEqualTo(200);
		Response hidden = this.http.get(one, outsider);
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(hidden.json().get("error").asString()).isEqualTo(this.http.get("/schedules/999999999", outsider)
			.json()
			.get("error")
			.asString()
			.replace("999999999", Long.toString(id)));
		assertThat(this.http.send("PUT", one, body, outsider).status()).isEqualTo(404);
		assertThat(this.http.send("PUT", one, body, viewer).status()).isEqualTo(403);
		assertThat(this.http.send("PUT", one, body, runner).status()).isEqualTo(403);
		assertThat(this.http.send("PUT", one, body).status()).isEqualTo(401);
		assertThat(this.http.send("DELETE", one, "", outsider).status()).isEqualTo(404);
		assertThat(this.http.send("DELETE", one, "", runner).status()).isEqualTo(403);
		assertThat(this.http.send("PUT", one, body, this.owner).status()).isEqualTo(200);
		assertThat(this.http.send("DELETE", one, "", this.editor).status()).isEqualTo(204);
		assertThat(this.http.get(one, this.editor).status()).isEqualTo(404);
		assertThat(this.http.send("DELETE", one, "", this.editor).status()).isEqualTo(404);
	}

	@Test
	void putReplacesTheWholeScheduleAndDisablingClearsItsTimer() {
		long id = create("{\"cron\": \"0 * * * *\", \"description\": \"hourly\", \"inputs\": {\"a\": 1}}", this.editor)
			.json()
			.get("id")
			.asLong();
		assertThat(timers(id)).hasSize(1);

		Response disabled = this.http.send("PUT", "/schedules/" + id,
				"{\"cron\": \"15 * * * *\", \"timezone\": \"Asia/Tokyo\", \"enabled\": false}", this.editor);

		assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
		JsonNode schedule = disabled.json();
		assertThat(schedule.get("cron").asString()).isEqualTo("15 * * * *");
		assertThat(schedule.get("timezone").asString()).isEqualTo("Asia/Tokyo");
		assertThat(schedule.get("enabled").asBoolean()).isFalse();
		assertThat(schedule.get("description").isNull()).isTrue();
		assertThat(schedule.get("inputs").isNull()).isTrue();
		assertThat(schedule.get("next_run_at").isNull()).isTrue();
		assertThat(timers(id)).isEmpty();

		JsonNode enabled = this.http.send("PUT", "/schedules/" + id, "{\"cron\": \"15 * * * *\"}", this.editor).json();
		assertThat(Instant.parse(enabled.get("next_run_at").asString()).toString()).endsWith(":15:00Z");
		assertThat(timers(id))
			.containsExactly(id + "@" + Instant.parse(enabled.get("next_run_at").asString()).getEpochSecond());

		assertThat(this.http.send("DELETE", "/schedules/" + id, "", this.editor).status()).isEqualTo(204);
		assertThat(timers(id)).isEmpty();
	}

	@Test
	void aScheduleFiresRunsOnBehalfOfItsCreator() {
		long id = create("{\"cron\": \"" + EVERY_TWO_SECONDS + "\", \"inputs\": {\"x\": 7}}", this.editor).json()
			.get("id")
			.asLong();

		JsonNode run = await("a scheduled run", Duration.ofSeconds(20), () -> {
			JsonNode runs = this.http.get("/projects/" + this.project + "/executions?trigger=schedule", this.owner)
				.json()
				.get("executions");
			return (runs.size() > 0) ? runs.get(runs.size() - 1) : null;
		});
		this.http.send("PUT", "/schedules/" + id, "{\"cron\": \"" + EVERY_TWO_SECONDS + "\", \"enabled\": false}",
				this.editor);

		assertThat(run.get("trigger").asString()).isEqualTo("schedule");
		assertThat(run.get("initiated_by").asString()).isEqualTo(this.editorEmail);
		long execution = run.get("id").asLong();
		JsonNode output = await("the run's end", Duration.ofSeconds(20), () -> {
			JsonNode results = this.http.get("/executions/" + execution + "/results", this.owner).json();
			return "completed".equals(results.get("status").asString()) ? results.get("results") : null;
		});
		assertThat(output.valueStream()
			.findFirst()
			.orElseThrow()
			.get("output")
			.get("data")
			.get(0)
			.get("content")
			.get("x")
			.asInt()).isEqualTo(7);
		JsonNode schedule = this.http.get("/schedules/" + id, this.owner).json();
		assertThat(schedule.get("last_execution_id").isNull()).isFalse();
		assertThat(schedule.get("last_run_at").isNull()).isFalse();
		assertThat(schedule.get("last_error").isNull()).isTrue();
		JsonNode fires = this.http.get("/schedules/" + id + "/fires", this.owner).json();
		List<Long> started = fires.get("fires").valueStream().map((f) -> f.get("execution_id").asLong()).toList();
		assertThat(started).contains(execution);
		long runs = this.http.get("/projects/" + this.project + "/executions?trigger=schedule", this.owner)
			.json()
			.get("total")
			.asLong();
		assertThat(fires.get("total").asLong()).isEqualTo(runs);
	}

	@Test
	void aCreatorWithoutTheRunnerRoleStartsNothing() {
		long id = create("{\"cron\": \"" + EVERY_TWO_SECONDS + "\", \"enabled\": false}", this.editor).json()
			.get("id")
			.asLong();
		long editorId = this.http.get("/projects/" + this.project + "/members", this.owner)
			.json()
			.get("members")
			.valueStream()
			.filter((m) -> m.get("email").asString().equals(this.editorEmail))
			.findFirst()
			.orElseThrow()
			.get("user_id")
			.asLong();
		ProjectSetup.setRole(this.http, this.owner, this.project, editorId, "viewer");
		// the owner switches it on; it still runs as its creator
		this.http.send("PUT", "/schedules/" + id, "{\"cron\": \"" + EVERY_TWO_SECONDS + "\"}", this.owner);

		String error = await("a fire without a run", Duration.ofSeconds(20), () -> {
			JsonNode schedule = this.http.get("/schedules/" + id, this.owner).json();
			return schedule.get("last_error").isNull() ? null : schedule.get("last_error").asString();
		});
		this.http.send("PUT", "/schedules/" + id, "{\"cron\": \"" + EVERY_TWO_SECONDS + "\", \"enabled\": false}",
				this.owner);

		assertThat(error).contains("runner role");
		JsonNode schedule = this.http.get("/schedules/" + id, this.owner).json();
		assertThat(schedule.get("created_by").asString()).isEqualTo(this.editorEmail);
		assertThat(schedule.get("last_execution_id").isNull()).isTrue();
		JsonNode fire = this.http.get("/schedules/" + id + "/fires", this.owner).json().get("fires").get(0);
		assertThat(fire.get("execution_id").isNull()).isTrue();
		assertThat(fire.get("error").asString()).isEqualTo(error);
		assertThat(this.http.get("/projects/" + this.project + "/executions?trigger=schedule", this.owner)
			.json()
			.get("total")
			.asLong()).isZero();
	}

	@Test
	void aFireMissedWhileNoServerWasPickingRunsOnceAndTheScheduleCarriesOnFromNow() {
		long id;
		Instant resumed;
		this.scheduler.pause();
		try {
			id = create("{\"cron\": \"" + EVERY_TWO_SECONDS + "\"}", this.editor).json().get("id").asLong();
			// at least two fire times pass unserved
			ProjectSetup.pause(Duration.ofMillis(5500));
			resumed = Instant.now();
		}
		finally {
			this.scheduler.resume();
		}
		List<JsonNode> fires = await("two fires after the pause", Duration.ofSeconds(20), () -> {
			List<JsonNode> all = new ArrayList<>();
			this.http.get("/schedules/" + id + "/fires", this.owner).json().get("fires").forEach(all::add);
			return (all.size() >= 2) ? all : null;
		});
		this.http.send("PUT", "/schedules/" + id, "{\"cron\": \"" + EVERY_TWO_SECONDS + "\", \"enabled\": false}",
				this.editor);

		fires.sort(Comparator.comparing((JsonNode f) -> Instant.parse(f.get("fire_time").asString())));
		Instant overdue = Instant.parse(fires.get(0).get("fire_time").asString());
		Instant following = Instant.parse(fires.get(1).get("fire_time").asString());
		assertThat(overdue).isBefore(resumed.minusSeconds(3));
		assertThat(Instant.parse(fires.get(0).get("fired_at").asString())).isAfterOrEqualTo(resumed.minusSeconds(1));
		assertThat(following).as("missed fire times are not made up").isAfter(resumed);
		assertThat(fires.get(0).get("execution_id").isNull()).isFalse();
	}

	@Test
	void deletingTheProjectDeletesItsSchedules() {
		long id = create("{\"cron\": \"0 * * * *\"}", this.editor).json().get("id").asLong();
		assertThat(this.http.send("DELETE", "/projects/" + this.project, "", this.owner).status()).isEqualTo(204);
		assertThat(this.http.get("/schedules/" + id, this.owner).status()).isEqualTo(404);
		assertThat(timers(id)).isEmpty();
	}

	private Response create(String body, String[] caller) {
		return this.http.postJson("/projects/" + this.project + "/schedules", body, caller);
	}

	private void assertInvalid(String body, String field, String hint) {
		Response response = create(body, this.editor);
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.json().get("code").asString()).isEqualTo("VALIDATION_ERROR");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
		assertThat(response.json().get("error").asString()).contains(hint);
	}

	/** The scheduler's pending timers of a schedule. */
	private List<String> timers(long scheduleId) {
		return this.scheduler.getScheduledExecutionsForTask(ScheduleTimers.TASK)
			.stream()
			.map((execution) -> execution.getTaskInstance().getId())
			.filter((instance) -> instance.startsWith(scheduleId + "@"))
			.toList();
	}

}
