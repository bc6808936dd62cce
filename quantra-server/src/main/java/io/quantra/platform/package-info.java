/**
 * Shared kernel: problem-details errors, request ids, route authorization rules, PII
 * scrubbing, the data directory and the blob store. Every other module may use this
 * package's public types.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = {})
package io.quantra.platform;
