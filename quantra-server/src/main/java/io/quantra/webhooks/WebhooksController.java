package io.quantra.webhooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quantra.platform.ClientInfo;
import io.quantra.platform.CommitDurability;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.PageRequest;
import io.quantra.webhooks.DeliveryRepository.Delivery;
import io.quantra.webhooks.WebhookManagement.Created;
import io.quantra.webhooks.WebhookRepository.Webhook;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's webhooks and their deliveries (project admins and staff). The signing
 * secret is in the creation response only.
 */
@RestController
class WebhooksController {

	private final WebhookManagement webhooks;

	private final JsonMapper json;

	private final CommitDurability durability;

	WebhooksController(WebhookManagement webhooks, JsonMapper json, CommitDurability durability) {
		this.webhooks = webhooks;
		this.json = json;
		this.durability = durability;
	}

	@Operation(summary = "A project's webhooks (admin or above)")
	@GetMapping("/projects/{id}/webhooks")
	Map<String, Object> list(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller) {
		List<Webhook> webhooks = this.webhooks.list(caller, id);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("webhooks", webhooks.stream().map(WebhooksController::view).toList());
		body.put("total", webhooks.size());
		return body;
	}

	@Operation(summary = "Send the project's run events to a URL, signed as Standard Webhooks (admin or above); "
			+ "the response is the only time the signing secret is shown")
	@PostMapping("/projects/{id}/webhooks")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(@PathVariable long id, @RequestBody WebhookBody body,
			@AuthenticationPrincipal CurrentUser caller, HttpServletRequest request) {
		Created created = this.webhooks.create(caller, id, body.url(), body.eventTypes(), body.description(),
				ClientInfo.of(request));
		Map<String, Object> view = view(created.webhook());
		view.put("secret", created.secret());
		return view;
	}

	@Operation(summary = "One webhook (admin or above)")
	@GetMapping("/webhooks/{id}")
	Map<String, Object> get(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller) {
		return view(this.webhooks.get(caller, id));
	}

	@Operation(summary = "Delete a webhook with its deliveries; pending ones are not sent (admin or above)")
	@DeleteMapping("/webhooks/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller, HttpServletRequest request) {
		this.webhooks.delete(caller, id, ClientInfo.of(request));
	}

	@Operation(summary = "A webhook's deliveries, newest first; ?status=pending|succeeded|failed (admin or above)")
	@GetMapping("/webhooks/{id}/deliveries")
	Map<String, Object> deliveries(@PathVariable long id, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) Integer offset,
			@AuthenticationPrincipal CurrentUser caller) {
		PageRequest page = PageRequest.of(limit, offset, 20, 100);
		WebhookManagement.Page deliveries = this.webhooks.deliveries(caller, id, status, page);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("deliveries", deliveries.deliveries().stream().map(WebhooksController::view).toList());
		body.put("total", deliveries.total());
		body.put("limit", page.limit());
		body.put("offset", page.offset());
		// deliveries come from run steps that may not be on disk yet
		this.durability.awaitCommitted();
		return body;
	}

	@Operation(summary = "One delivery with the payload it sends (admin or above)")
	@GetMapping("/webhooks/{id}/deliveries/{deliveryId}")
	Map<String, Object> delivery(@PathVariable long id, @PathVariable long deliveryId,
			@AuthenticationPrincipal CurrentUser caller) {
		Delivery delivery = this.webhooks.delivery(caller, id, deliveryId);
		Map<String, Object> view = view(delivery);
		view.put("payload", this.json.readTree(delivery.body()));
		this.durability.awaitCommitted();
		return view;
	}

	@Operation(summary = "Send a delivery again now, with the same webhook-id and a new 24-hour retry window "
			+ "(admin or above)")
	@PostMapping("/webhooks/{id}/deliveries/{deliveryId}/redeliver")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Map<String, Object> redeliver(@PathVariable long id, @PathVariable long deliveryId,
			@AuthenticationPrincipal CurrentUser caller) {
		return view(this.webhooks.redeliver(caller, id, deliveryId));
	}

	private static Map<String, Object> view(Webhook webhook) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", webhook.id());
		view.put("project_id", webhook.projectId());
		view.put("url", webhook.url());
		view.put("event_types", webhook.eventTypes());
		view.put("description", webhook.description());
		view.put("created_at", webhook.createdAt().toString());
		return view;
	}

	private static Map<String, Object> view(Delivery delivery) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", delivery.id());
		view.put("webhook_id", delivery.webhookId());
		view.put("message_id", WebhookDispatcher.messageId(delivery.id()));
		view.put("event_type", delivery.eventType());
		view.put("execution_id", delivery.executionId());
		view.put("seq", delivery.seq());
		view.put("status", delivery.status());
		view.put("attempts", delivery.attempts());
		view.put("last_response_code", delivery.lastResponseCode());
		view.put("last_error", delivery.lastError());
		view.put("created_at", text(delivery.createdAt()));
		view.put("last_attempt_at", text(delivery.lastAttemptAt()));
		view.put("next_attempt_at", text(delivery.nextAttemptAt()));
		view.put("retry_until", text(delivery.retryUntil()));
		view.put("delivered_at", text(delivery.deliveredAt()));
		return view;
	}

	private static String text(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	/**
	 * A new webhook.
	 *
	 * @param eventTypes the run event types to send; absent or empty for all
	 */
	record WebhookBody(String url, @JsonProperty("event_types") List<String> eventTypes, String description) {
	}

}
