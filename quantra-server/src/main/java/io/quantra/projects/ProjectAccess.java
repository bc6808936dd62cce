package io.quantra.projects;

import io.quantra.platform.CurrentUser;

/**
 * Decides whether a caller may act on a project. Every module calls it before touching a
 * project's data: someone who cannot see the project gets 404 (its existence stays
 * hidden), a member without the needed role 403 {@code PERMISSION_DENIED}. Staff may do
 * everything.
 */
public interface ProjectAccess {

	/**
	 * The caller's effective role on the project, at least {@code needed}.
	 * @throws io.quantra.platform.ApiException 404 or 403 as described above
	 */
	Role require(CurrentUser caller, long projectId, Role needed);

}
