/**
 * Pipelines: the canvas of each project (nodes and edges), the rules that keep it a valid
 * graph, and the CNO chain JSON the engine runs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pipelines",
		allowedDependencies = { "platform", "projects", "plugins" })
package io.quantra.pipelines;
