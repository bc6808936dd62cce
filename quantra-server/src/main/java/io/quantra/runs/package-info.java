/**
 * Runs: the execution engine. A run keeps the chain JSON it ran; its nodes execute in
 * dependency order as durable db-scheduler tasks, so runs carry on after a restart.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Runs",
		allowedDependencies = { "platform", "identity", "admin", "projects", "pipelines", "plugins" })
package io.quantra.runs;
