/**
 * Plugins: the code behind canvas nodes. The root package is the plugin SPI and the
 * catalog other modules consult; built-in plugins live in {@code builtin}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plugins",
		allowedDependencies = { "platform", "projects" })
package io.quantra.plugins;
