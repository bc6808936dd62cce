/**
 * Projects (seed 001's spaces), their members and roles, and
 * {@link io.quantra.projects.ProjectAccess}: the one place where project authorization is
 * decided.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Projects",
		allowedDependencies = { "platform", "identity", "admin" })
package io.quantra.projects;
