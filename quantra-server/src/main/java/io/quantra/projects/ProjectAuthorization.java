package io.quantra.projects;

import java.util.Optional;

import io.quantra.platform.ApiException;
import io.quantra.platform.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * The {@link ProjectAccess} every module calls.
 */
@Component
class ProjectAuthorization implements ProjectAccess {

	private final ProjectRepository projects;

	ProjectAuthorization(ProjectRepository projects) {
		this.projects = projects;
	}

	@Override
	public Role require(CurrentUser caller, long projectId, Role needed) {
		Optional<Role> role = this.projects.roleOf(projectId, caller.userId());
		if (role.isEmpty()) {
			if (caller.staff() && this.projects.exists(projectId)) {
				return Role.OWNER;
			}
			throw notFound(projectId);
		}
		if (!role.get().atLeast(needed) && !caller.staff()) {
			throw ApiException.permissionDenied("This needs the " + needed.value() + " role on project " + projectId
					+ "; yours is " + role.get().value() + ".");
		}
		return caller.staff() ? Role.OWNER : role.get();
	}

	static ApiException notFound(long projectId) {
		return ApiException.notFound("No project " + projectId + " that you can see.");
	}

}
