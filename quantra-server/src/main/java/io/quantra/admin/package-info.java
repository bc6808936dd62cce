/**
 * Administration: the platform version (and, as they arrive, settings and the audit log).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Admin", allowedDependencies = "platform")
package io.quantra.admin;
