package io.quantra.webhooks;

import java.util.List;

/**
 * The run event types a webhook can subscribe to: those the runs module stores and
 * publishes as {@code RunEventEmitted}.
 */
final class WebhookEventTypes {

	static final List<String> ALL = List.of("run_started", "node_started", "node_completed", "node_failed",
			"gate_requested", "gate_decision", "run_paused", "run_resumed", "run_completed", "run_failed",
			"run_cancelled");

	private WebhookEventTypes() {
	}

}
