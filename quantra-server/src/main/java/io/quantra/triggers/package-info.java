/**
 * Triggers: runs started from outside a person's session — {@code POST /run} with a
 * runner's credential or a request signed with one of the project's trigger secrets, and
 * cron schedules that start one run per fire time across a cluster.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Triggers",
		allowedDependencies = { "platform", "projects", "runs", "admin", "identity" })
package io.quantra.triggers;
