package io.quantra.projects;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quantra.identity.Accounts.Account;
import io.quantra.platform.ApiException;
import io.quantra.platform.ClientInfo;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.ErrorCode;
import io.quantra.platform.PageRequest;
import io.quantra.projects.ProjectRepository.Member;
import io.quantra.projects.ProjectRepository.Project;
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
 * {@code /projects} (seed 000): projects, sharing and members.
 */
@RestController
class ProjectsController {

	private final ProjectManagement projects;

	private final List<ProjectContent> contents;

	ProjectsController(ProjectManagement projects, List<ProjectContent> contents) {
		this.projects = projects;
		this.contents = contents;
	}

	@Operation(summary = "List the projects you can see")
	@GetMapping("/projects")
	Map<String, Object> list(@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) Integer offset, @AuthenticationPrincipal CurrentUser caller) {
		PageRequest page = PageRequest.of(limit, offset, 50, 200);
		ProjectManagement.Page result = this.projects.list(caller, page);
		Map<Long, Account> accounts = this.projects.accounts(result.projects(), List.of());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("projects", result.projects().stream().map((p) -> view(p, accounts)).toList());
		body.put("total", result.total());
		body.put("limit", page.limit());
		body.put("offset", page.offset());
		return body;
	}

	@Operation(summary = "Create a project; you become its owner")
	@PostMapping("/projects")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(@RequestBody ProjectBody body, @AuthenticationPrincipal CurrentUser caller,
			HttpServletRequest request) {
		Project project = this.projects.create(caller, body.name(), body.description(), ClientInfo.of(request));
		return view(project, this.projects.accounts(List.of(project), List.of()));
	}

	@Operation(summary = "A project with its canvas and your role on it")
	@GetMapping("/projects/{id}")
	Map<String, Object> get(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller) {
		Project project = this.projects.get(caller, id);
		Map<String, Object> body = view(project, this.projects.accounts(List.of(project), List.of()));
		body.put("role", this.projects.roleShown(caller, id));
		for (ProjectContent content : this.contents) {
			body.putAll(content.describe(id));
		}
		return body;
	}

	@Operation(summary = "Rename or describe a project (editor or above)")
	@PutMapping("/projects/{id}")
	Map<String, Object> update(@PathVariable long id, @RequestBody ProjectBody body,
			@AuthenticationPrincipal CurrentUser caller, HttpServletRequest request) {
		Project project = this.projects.update(caller, id, body.name(), body.description(), ClientInfo.of(request));
		return view(project, this.projects.accounts(List.of(project), List.of()));
	}

	@Operation(summary = "Delete a project with its canvas, runs and files; irreversible (editor or above)")
	@DeleteMapping("/projects/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller, HttpServletRequest request) {
		this.projects.delete(caller, id, ClientInfo.of(request));
	}

	@Operation(summary = "Share a project: read, execute or write (admin or above)")
	@PostMapping("/projects/{id}/share")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> share(@PathVariable long id, @RequestBody ShareBody body,
			@AuthenticationPrincipal CurrentUser caller, HttpServletRequest request) {
		Role role = Role.fromPermissionLevel(body.permissionLevel())
			.orElseThrow(() -> new ApiException(ErrorCode.VALIDATION_ERROR,
					"permission_level must be read, execute or write."));
		Member member = this.projects.share(caller, id, body.email(), role, ClientInfo.of(request));
		return member(member, this.projects.accounts(List.of(), List.of(member)));
	}

	@Operation(summary = "The members of a project and their roles")
	@GetMapping("/projects/{id}/members")
	Map<String, Object> members(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller) {
		List<Member> members = this.projects.members(caller, id);
		Map<Long, Account> accounts = this.projects.accounts(List.of(), members);
		return Map.of("members", members.stream().map((m) -> member(m, accounts)).toList());
	}

	@Operation(summary = "Change a member's role; role owner transfers ownership (admin or above)")
	@PutMapping("/projects/{id}/members/{userId}")
	Map<String, Object> setRole(@PathVariable long id, @PathVariable long userId, @RequestBody RoleBody body,
			@AuthenticationPrincipal CurrentUser caller, HttpServletRequest request) {
		Role role = Role.parse(body.role())
			.or(() -> Role.fromPermissionLevel(body.permissionLevel()))
			.orElseThrow(() -> new ApiException(ErrorCode.VALIDATION_ERROR,
					"role must be viewer, runner, editor, admin or owner (or permission_level read, execute, write)."));
		Member member = this.projects.setRole(caller, id, userId, role, ClientInfo.of(request));
		return member(member, this.projects.accounts(List.of(), List.of(member)));
	}

	@Operation(summary = "Remove a member (admin or above), or leave a project yourself")
	@DeleteMapping("/projects/{id}/members/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable long id, @PathVariable long userId, @AuthenticationPrincipal CurrentUser caller,
			HttpServletRequest request) {
		this.projects.remove(caller, id, userId, ClientInfo.of(request));
	}

	private static Map<String, Object> view(Project project, Map<Long, Account> accounts) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", project.id());
		body.put("name", project.name());
		Account owner = accounts.get(project.ownerId());
		body.put("owner", (owner != null) ? owner.email() : null);
		body.put("created_at", project.createdAt().toString());
		body.put("updated_at", project.updatedAt().toString());
		body.put("description", project.description());
		return body;
	}

	private static Map<String, Object> member(Member member, Map<Long, Account> accounts) {
		Map<String, Object> body = new LinkedHashMap<>();
		Account account = accounts.get(member.userId());
		body.put("user_id", member.userId());
		body.put("email", (account != null) ? account.email() : null);
		body.put("first_name", (account != null) ? account.firstName() : null);
		body.put("last_name", (account != null) ? account.lastName() : null);
		body.put("role", member.role().value());
		body.put("since", member.since().toString());
		return body;
	}

	record ProjectBody(String name, String description) {
	}

	record ShareBody(String email, @JsonProperty("permission_level") String permissionLevel) {
	}

	record RoleBody(String role, @JsonProperty("permission_level") String permissionLevel) {
	}

}
