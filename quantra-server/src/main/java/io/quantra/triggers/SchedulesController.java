package io.quantra.triggers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quantra.platform.ClientInfo;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.PageRequest;
import io.quantra.triggers.ScheduleManagement.ScheduleInput;
import io.quantra.triggers.ScheduleRepository.Fire;
import io.quantra.triggers.ScheduleRepository.StoredSchedule;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cron schedules that run a project's pipeline: {@code /projects/{id}/schedules} and
 * {@code /schedules/{id}}.
 */
@RestController
class SchedulesController {

	private final ScheduleManagement schedules;

	SchedulesController(ScheduleManagement schedules) {
		this.schedules = schedules;
	}

	@Operation(summary = "A project's schedules (viewer or above)")
	@GetMapping("/projects/{id}/schedules")
	Map<String, Object> list(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller) {
		List<StoredSchedule> schedules = this.schedules.list(caller, id);
		Map<Long, String> creators = this.schedules.creators(schedules);
		return Map.of("schedules", schedules.stream().map((s) -> view(s, creators)).toList());
	}

	@Operation(summary = "Run the project's pipeline on a cron schedule (editor or above); "
			+ "the runs start on behalf of the schedule's creator")
	@PostMapping("/projects/{id}/schedules")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(@PathVariable long id, @RequestBody ScheduleInput body,
			@AuthenticationPrincipal CurrentUser caller, HttpServletRequest request) {
		return view(this.schedules.create(caller, id, body, ClientInfo.of(request)));
	}

	@Operation(summary = "A schedule (viewer or above)")
	@GetMapping("/schedules/{id}")
	Map<String, Object> get(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller) {
		return view(this.schedules.get(caller, id));
	}

	@Operation(summary = "Replace a schedule's cron, time zone, inputs, description and enabled flag "
			+ "(editor or above)")
	@PutMapping("/schedules/{id}")
	Map<String, Object> update(@PathVariable long id, @RequestBody ScheduleInput body,
			@AuthenticationPrincipal CurrentUser caller, HttpServletRequest request) {
		return view(this.schedules.update(caller, id, body, ClientInfo.of(request)));
	}

	@Operation(summary = "Delete a schedule; runs it started stay (editor or above)")
	@DeleteMapping("/schedules/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller, HttpServletRequest request) {
		this.schedules.delete(caller, id, ClientInfo.of(request));
	}

	@Operation(summary = "A schedule's fire times of the last week and the run each started, newest first")
	@GetMapping("/schedules/{id}/fires")
	Map<String, Object> fires(@PathVariable long id, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) Integer offset, @AuthenticationPrincipal CurrentUser caller) {
		PageRequest page = PageRequest.of(limit, offset, 20, 100);
		List<Fire> fires = this.schedules.fires(caller, id, page);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("fires", fires.stream().map(SchedulesController::view).toList());
		body.put("total", this.schedules.countFires(id));
		body.put("limit", page.limit());
		body.put("offset", page.offset());
		return body;
	}

	private Map<String, Object> view(StoredSchedule schedule) {
		return view(schedule, this.schedules.creators(List.of(schedule)));
	}

	private Map<String, Object> view(StoredSchedule schedule, Map<Long, String> creators) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", schedule.id());
		view.put("project_id", schedule.projectId());
		view.put("cron", schedule.definition().cron());
		view.put("timezone", schedule.definition().timezone());
		view.put("enabled", schedule.definition().enabled());
		view.put("description", schedule.definition().description());
		view.put("inputs", this.schedules.inputs(schedule));
		view.put("next_run_at", text(schedule.nextRunAt()));
		view.put("last_run_at", text(schedule.lastRunAt()));
		view.put("last_execution_id", schedule.lastExecutionId());
		view.put("last_error", schedule.lastError());
		view.put("created_by", creators.get(schedule.createdBy()));
		view.put("created_at", text(schedule.createdAt()));
		view.put("updated_at", text(schedule.updatedAt()));
		return view;
	}

	private static Map<String, Object> view(Fire fire) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("fire_time", text(fire.fireTime()));
		view.put("fired_at", text(fire.firedAt()));
		view.put("execution_id", fire.executionId());
		view.put("error", fire.error());
		return view;
	}

	private static String text(java.time.Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
