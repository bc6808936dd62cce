/**
 * Services: the registry of tool microservices the platform calls over gRPC, their health
 * and versions, and the remote plugins they serve. The root package is the public API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Services",
		allowedDependencies = { "platform", "admin", "plugins" })
package io.quantra.services;
