package io.quantra.triggers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quantra.admin.AuditEvent;
import io.quantra.admin.AuditLog;
import io.quantra.identity.Accounts;
import io.quantra.identity.Accounts.Account;
import io.quantra.platform.ApiException;
import io.quantra.platform.ClientInfo;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.ErrorCode;
import io.quantra.platform.PageRequest;
import io.quantra.projects.ProjectAccess;
import io.quantra.projects.ProjectDeleted;
import io.quantra.projects.Role;
import io.quantra.runs.Runs;
import io.quantra.runs.Runs.StartedRun;
import io.quantra.triggers.ScheduleRepository.Definition;
import io.quantra.triggers.ScheduleRepository.Fire;
import io.quantra.triggers.ScheduleRepository.StoredSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cron schedules of a project: viewers read them, editors create, change and delete them.
 * A schedule fires on behalf of the account that created it, and only while that account
 * is active and still has the runner role on the project. Each fire time starts at most
 * one run, cluster-wide: the fire is claimed, the run started and the next timer set in
 * one transaction. After downtime the overdue fire runs once and the schedule carries on
 * from the present; missed fire times are not made up.
 */
@Service
class ScheduleManagement {

	private static final Logger log = LoggerFactory.getLogger(ScheduleManagement.class);

	static final String TRIGGER = "schedule";

	static final int MAX_PER_PROJECT = 100;

	static final int MAX_CRON = 200;

	static final int MAX_DESCRIPTION = 2000;

	static final int MAX_INPUT_CHARS = 1_000_000;

	static final int MAX_ERROR = 2000;

	/** How long the fires of a schedule are kept. */
	static final Duration FIRE_HISTORY = Duration.ofDays(7);

	/** Fires sampled for the shortest interval of a cron expression. */
	private static final int INTERVAL_SAMPLES = 200;

	private final ScheduleRepository schedules;

	private final ScheduleTimers timers;

	private final ProjectAccess access;

	private final Runs runs;

	private final Accounts accounts;

	private final AuditLog audit;

	private final JsonMapper json;

	private final TriggerSettings settings;

	private final Clock clock;

	private final TransactionTemplate transactions;

	/**
	 * A savepoint around starting a run, so a run that cannot start still lets the fire
	 * complete.
	 */
	private final TransactionTemplate savepoint;

	ScheduleManagement(ScheduleRepository schedules, ScheduleTimers timers, ProjectAccess access, Runs runs,
			Accounts accounts, AuditLog audit, JsonMapper json, TriggerSettings settings, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.schedules = schedules;
		this.timers = timers;
		this.access = access;
		this.runs = runs;
		this.accounts = accounts;
		this.audit = audit;
		this.json = json;
		this.settings = settings;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.savepoint = new TransactionTemplate(transactionManager);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	List<StoredSchedule> list(CurrentUser caller, long projectId) {
		this.access.require(caller, projectId, Role.VIEWER);
		return this.schedules.findAll(projectId);
	}

	StoredSchedule get(CurrentUser caller, long id) {
		StoredSchedule schedule = this.schedules.find(id).orElseThrow(() -> notFound(id));
		require(caller, schedule, Role.VIEWER);
		return schedule;
	}

	@Transactional
	StoredSchedule create(CurrentUser caller, long projectId, ScheduleInput input, ClientInfo client) {
		this.access.require(caller, projectId, Role.EDITOR);
		Definition definition = definition(input);
		if (this.schedules.count(projectId) >= MAX_PER_PROJECT) {
			throw ApiException.conflict("Project " + projectId + " already has " + MAX_PER_PROJECT
					+ " schedules; delete one before adding another.");
		}
		Instant now = this.clock.instant();
		Instant next = definition.enabled() ? cron(definition).next(now) : null;
		long id = this.schedules.insert(projectId, definition, caller.userId(), now, next);
		if (next != null) {
			this.timers.set(id, next);
		}
		this.audit.record(AuditEvent.by(caller, "schedule_created", "schedule", id, client,
				Map.of("project_id", projectId, "cron", definition.cron(), "enabled", definition.enabled())));
		return this.schedules.find(id).orElseThrow();
	}

	/**
	 * Replaces the whole definition; a changed time or a re-enabled schedule starts
	 * afresh from now.
	 */
	@Transactional
	StoredSchedule update(CurrentUser caller, long id, ScheduleInput input, ClientInfo client) {
		StoredSchedule current = get(caller, id);
		require(caller, current, Role.EDITOR);
		Definition definition = definition(input);
		StoredSchedule locked = this.schedules.lock(id).orElseThrow(() -> notFound(id));
		Definition before = locked.definition();
		boolean keepsTimer = before.enabled() && definition.enabled() && before.sameTiming(definition)
				&& locked.nextRunAt() != null;
		Instant now = this.clock.instant();
		Instant next = null;
		if (keepsTimer) {
			next = locked.nextRunAt();
		}
		else {
			if (locked.nextRunAt() != null) {
				this.timers.clear(id, locked.nextRunAt());
			}
			if (definition.enabled()) {
				next = cron(definition).next(now);
				this.timers.set(id, next);
			}
		}
		this.schedules.update(id, definition, now, next);
		this.audit.record(AuditEvent.by(caller, "schedule_updated", "schedule", id, client,
				Map.of("project_id", locked.projectId(), "cron", definition.cron(), "enabled", definition.enabled())));
		return this.schedules.find(id).orElseThrow();
	}

	@Transactional
	void delete(CurrentUser caller, long id, ClientInfo client) {
		StoredSchedule current = get(caller, id);
		require(caller, current, Role.EDITOR);
		StoredSchedule locked = this.schedules.lock(id).orElseThrow(() -> notFound(id));
		if (locked.nextRunAt() != null) {
			this.timers.clear(id, locked.nextRunAt());
		}
		this.schedules.delete(id);
		this.audit.record(AuditEvent.by(caller, "schedule_deleted", "schedule", id, client,
				Map.of("project_id", locked.projectId())));
	}

	List<Fire> fires(CurrentUser caller, long id, PageRequest page) {
		get(caller, id);
		return this.schedules.fires(id, page);
	}

	long countFires(long id) {
		return this.schedules.countFires(id);
	}

	/** The e-mail addresses of the schedules' creators, by account id. */
	Map<Long, String> creators(Collection<StoredSchedule> schedules) {
		Map<Long, String> emails = new LinkedHashMap<>();
		this.accounts.findAll(schedules.stream().map(StoredSchedule::createdBy).distinct().toList())
			.forEach((id, account) -> emails.put(id, account.email()));
		return emails;
	}

	JsonNode inputs(StoredSchedule schedule) {
		String inputs = schedule.definition().inputs();
		return (inputs != null) ? this.json.readTree(inputs) : null;
	}

	/**
	 * A timer went off: starts the run of this fire time unless the schedule was deleted,
	 * disabled or re-timed since the timer was set, or the fire time was claimed before
	 * (a timer delivered again after its server died), and sets the next timer.
	 */
	void fire(long id, Instant fireTime) {
		this.transactions.executeWithoutResult((status) -> {
			StoredSchedule schedule = this.schedules.lock(id).orElse(null);
			if (schedule == null || !schedule.definition().enabled() || !fireTime.equals(schedule.nextRunAt())) {
				return;
			}
			Instant now = this.clock.instant();
			Instant lastRun = schedule.lastRunAt();
			Long lastExecution = schedule.lastExecutionId();
			String lastError = schedule.lastError();
			if (this.schedules.claimFire(id, fireTime, now)) {
				Outcome outcome = start(schedule);
				this.schedules.recordFire(id, fireTime, outcome.executionId(), outcome.error());
				this.schedules.forgetFiresBefore(id, now.minus(FIRE_HISTORY));
				if (outcome.executionId() != null) {
					lastRun = now;
					lastExecution = outcome.executionId();
					log.info("Schedule {} started execution {} for its fire time {}", id, outcome.executionId(),
							fireTime);
				}
				else {
					log.warn("Schedule {} did not start a run for its fire time {}: {}", id, fireTime, outcome.error());
				}
				lastError = outcome.error();
			}
			// one fire after downtime, then on from the present: missed times are skipped
			Instant next = cron(schedule.definition()).next(now.isAfter(fireTime) ? now : fireTime);
			this.schedules.fired(id, next, lastRun, lastExecution, lastError);
			if (next != null) {
				this.timers.set(id, next);
			}
		});
	}

	/**
	 * A deleted project takes its schedules and their timers with it, in the same
	 * transaction.
	 */
	@EventListener
	void on(ProjectDeleted event) {
		for (StoredSchedule schedule : this.schedules.lockAll(event.projectId())) {
			if (schedule.nextRunAt() != null) {
				this.timers.clear(schedule.id(), schedule.nextRunAt());
			}
		}
		this.schedules.deleteAll(event.projectId());
	}

	private Outcome start(StoredSchedule schedule) {
		long projectId = schedule.projectId();
		Account creator = this.accounts.findAll(List.of(schedule.createdBy())).get(schedule.createdBy());
		if (creator == null || !creator.active()) {
			return Outcome.notStarted("the account that created the schedule is no longer active.");
		}
		try {
			// membership only: a staff account's reach does not carry over to its
			// schedules
			this.access.require(new CurrentUser(creator.id(), null, false, null, "schedule:" + schedule.id()),
					projectId, Role.RUNNER);
		}
		catch (ApiException ex) {
			return Outcome.notStarted("the account that created the schedule no longer has the runner role on project "
					+ projectId + ".");
		}
		try {
			StartedRun run = this.savepoint
				.execute((status) -> this.runs.start(projectId, creator.id(), TRIGGER, inputs(schedule), null));
			return new Outcome(run.executionId(), null);
		}
		catch (ApiException ex) {
			return Outcome.notStarted(ex.getMessage());
		}
	}

	private Definition definition(ScheduleInput input) {
		String cron = (input.cron() != null) ? input.cron().trim() : "";
		if (cron.isEmpty()) {
			throw InvalidRequest.field("cron", "is required, e.g. \"0 6 * * 1-5\" or \"*/30 * * * * *\"");
		}
		if (cron.length() > MAX_CRON) {
			throw InvalidRequest.field("cron", "must be at most " + MAX_CRON + " characters");
		}
		String timezone = (input.timezone() != null && !input.timezone().isBlank()) ? input.timezone().trim() : "UTC";
		if (!ZoneId.getAvailableZoneIds().contains(timezone)) {
			throw InvalidRequest.field("timezone",
					"'" + timezone + "' is not an IANA time zone; use a name such as Europe/Berlin or UTC");
		}
		CronSchedule schedule;
		try {
			schedule = CronSchedule.parse(cron, ZoneId.of(timezone));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidRequest.field("cron", "'" + cron + "' " + ex.getMessage());
		}
		Instant now = this.clock.instant();
		if (schedule.next(now) == null) {
			throw InvalidRequest.field("cron", "'" + cron + "' never fires");
		}
		Duration shortest = schedule.shortestInterval(now, INTERVAL_SAMPLES);
		Duration floor = this.settings.minScheduleInterval();
		if (shortest != null && shortest.compareTo(floor) < 0) {
			throw InvalidRequest.field("cron",
					"'" + cron + "' fires " + shortest.toSeconds()
							+ " seconds apart at its closest; schedules may fire at most once every "
							+ floor.toSeconds() + " seconds");
		}
		String inputs = null;
		if (input.inputs() != null && !input.inputs().isNull()) {
			if (!input.inputs().isObject()) {
				throw InvalidRequest.field("inputs", "must be a JSON object");
			}
			inputs = this.json.writeValueAsString(input.inputs());
			if (inputs.length() > MAX_INPUT_CHARS) {
				throw InvalidRequest.field("inputs", "must be at most " + MAX_INPUT_CHARS + " characters of JSON");
			}
		}
		String description = (input.description() != null && !input.description().isBlank())
				? input.description().trim() : null;
		if (description != null && description.length() > MAX_DESCRIPTION) {
			throw InvalidRequest.field("description", "must be at most " + MAX_DESCRIPTION + " characters");
		}
		return new Definition(cron, timezone, (input.enabled() != null) ? input.enabled() : true, description, inputs);
	}

	private static CronSchedule cron(Definition definition) {
		return CronSchedule.parse(definition.cron(), ZoneId.of(definition.timezone()));
	}

	/**
	 * Outsiders learn nothing of the schedule: they get the same 404 as for a missing
	 * one.
	 */
	private void require(CurrentUser caller, StoredSchedule schedule, Role role) {
		try {
			this.access.require(caller, schedule.projectId(), role);
		}
		catch (ApiException ex) {
			throw (ex.code() == ErrorCode.NOT_FOUND) ? notFound(schedule.id()) : ex;
		}
	}

	private static ApiException notFound(long id) {
		return ApiException.notFound("No schedule " + id + " that you can see.");
	}

	/** A schedule as its editor sends it; absent values take their defaults. */
	record ScheduleInput(String cron, String timezone, Boolean enabled, JsonNode inputs, String description) {
	}

	private record Outcome(Long executionId, String error) {

		static Outcome notStarted(String reason) {
			String error = "Run not started: " + reason;
			return new Outcome(null, (error.length() > MAX_ERROR) ? error.substring(0, MAX_ERROR) : error);
		}

	}

}
