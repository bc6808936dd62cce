package io.quantra.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.quantra.runs.RunEventEmitted;
import io.quantra.webhooks.WebhookRepository.Subscription;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The transactional outbox of webhooks: in the transaction that stores a run event, one
 * delivery row and one queued attempt per webhook subscribed to it, so an event is sent
 * exactly when it is committed and never lost in between. It runs for every event of
 * every run: for a project without webhooks it costs one in-memory lookup.
 */
@Component
class WebhookOutbox {

	private final WebhookSubscriptions subscriptions;

	private final DeliveryRepository deliveries;

	private final DeliveryQueue queue;

	private final JsonMapper json;

	private final Clock clock;

	private final WebhookProperties properties;

	WebhookOutbox(WebhookSubscriptions subscriptions, DeliveryRepository deliveries, DeliveryQueue queue,
			JsonMapper json, Clock clock, WebhookProperties properties) {
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.queue = queue;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
	}

	@EventListener
	void on(RunEventEmitted event) {
		List<Subscription> subscribed = this.subscriptions.of(event.projectId());
		if (subscribed.isEmpty()) {
			return;
		}
		String body = null;
		Instant now = this.clock.instant();
		for (Subscription subscription : subscribed) {
			if (!subscription.wants(event.type())) {
				continue;
			}
			if (body == null) {
				body = body(event);
			}
			long id = this.deliveries.insert(subscription.webhookId(), event.executionId(), event.seq(), event.type(),
					body, now, now.plus(this.properties.retryWindow()));
			this.queue.enqueue(id, now);
		}
	}

	/**
	 * The Standard Webhooks payload: the event's type and time, and its data with the
	 * project, execution and sequence number that identify it.
	 */
	String body(RunEventEmitted event) {
		ObjectNode data = (ObjectNode) this.json.readTree(event.payload());
		data.put("project_id", event.projectId());
		data.put("execution_id", event.executionId());
		data.put("seq", event.seq());
		ObjectNode body = this.json.createObjectNode();
		body.put("type", event.type());
		body.put("timestamp", event.at().toString());
		body.set("data", data);
		return this.json.writeValueAsString(body);
	}

}
