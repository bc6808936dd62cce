/**
 * Webhooks: a project's subscriptions to its run events, and their delivery as signed
 * HTTP requests (Standard Webhooks) from a transactional outbox, retried with backoff.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks",
		allowedDependencies = { "platform", "projects", "runs", "admin" })
package io.quantra.webhooks;
