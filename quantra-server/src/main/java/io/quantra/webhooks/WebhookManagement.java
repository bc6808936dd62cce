package io.quantra.webhooks;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quantra.admin.AuditEvent;
import io.quantra.admin.AuditLog;
import io.quantra.admin.Settings;
import io.quantra.platform.ApiException;
import io.quantra.platform.ClientInfo;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.ErrorCode;
import io.quantra.platform.PageRequest;
import io.quantra.platform.SecretBox;
import io.quantra.projects.ProjectAccess;
import io.quantra.projects.ProjectDeleted;
import io.quantra.projects.Role;
import io.quantra.runs.Runs;
import io.quantra.webhooks.DeliveryRepository.Delivery;
import io.quantra.webhooks.WebhookRepository.Webhook;
import io.quantra.webhooks.WebhookTargets.RefusedTarget;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules of webhooks: project admins (and staff) manage a project's webhooks and see
 * their deliveries; a webhook sends only to a public http(s) address unless staff allow
 * private ones; its signing secret is shown once, when it is created.
 */
@Service
class WebhookManagement {

	static final int MAX_DESCRIPTION = 500;

	/**
	 * Queued attempts cancelled one by one when a webhook goes; later ones find no row.
	 */
	static final int MAX_CANCELLED = 1000;

	static final List<String> STATUSES = List.of("pending", "succeeded", "failed");

	private final WebhookRepository webhooks;

	private final DeliveryRepository deliveries;

	private final WebhookSubscriptions subscriptions;

	private final DeliveryQueue queue;

	private final ProjectAccess access;

	private final Settings settings;

	private final SecretBox secrets;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final WebhookProperties properties;

	WebhookManagement(WebhookRepository webhooks, DeliveryRepository deliveries, WebhookSubscriptions subscriptions,
			DeliveryQueue queue, ProjectAccess access, Settings settings, SecretBox secrets, AuditLog audit,
			TransactionTemplate transactions, Clock clock, WebhookProperties properties) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.subscriptions = subscriptions;
		this.queue = queue;
		this.access = access;
		this.settings = settings;
		this.secrets = secrets;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
		this.properties = properties;
	}

	List<Webhook> list(CurrentUser caller, long projectId) {
		this.access.require(caller, projectId, Role.ADMIN);
		return this.webhooks.ofProject(projectId);
	}

	/**
	 * Creates a webhook with a new signing secret, returned here and never again. The
	 * URL's host is resolved before any transaction starts.
	 */
	Created create(CurrentUser caller, long projectId, String url, List<String> eventTypes, String description,
			ClientInfo client) {
		this.access.require(caller, projectId, Role.ADMIN);
		URI target = url(url);
		List<String> types = eventTypes(eventTypes);
		String text = description(description);
		try {
			WebhookTargets.vet(target, this.settings.security().webhooksAllowPrivateTargets());
		}
		catch (RefusedTarget ex) {
			throw invalid("url is refused: " + ex.getMessage() + ".");
		}
		String secret = WebhookSignature.newSecret();
		Webhook webhook = this.transactions.execute((status) -> {
			if (this.webhooks.count(projectId) >= this.properties.maxPerProject()) {
				throw ApiException.conflict("Project " + projectId + " already has " + this.properties.maxPerProject()
						+ " webhooks, the most it may have; delete one first.");
			}
			long id = this.webhooks.insert(projectId, target.toString(), types, text, this.secrets.seal(secret),
					caller.userId(), this.clock.instant());
			this.subscriptions.changed(projectId);
			this.audit.record(AuditEvent.by(caller, "webhook_created", "webhook", id, client,
					Map.of("project_id", projectId, "event_types", types.isEmpty() ? "all" : String.join(",", types))));
			return this.webhooks.find(id).orElseThrow();
		});
		return new Created(webhook, secret);
	}

	Webhook get(CurrentUser caller, long id) {
		return administered(caller, id);
	}

	/**
	 * Deletes the webhook with its deliveries; none of them is attempted again.
	 */
	void delete(CurrentUser caller, long id, ClientInfo client) {
		this.transactions.executeWithoutResult((status) -> {
			Webhook webhook = administered(caller, id);
			remove(webhook);
			this.audit.record(AuditEvent.by(caller, "webhook_deleted", "webhook", id, client,
					Map.of("project_id", webhook.projectId())));
		});
	}

	/** A deleted project takes its webhooks with it, in the same transaction. */
	@EventListener
	void on(ProjectDeleted event) {
		for (Webhook webhook : this.webhooks.ofProject(event.projectId())) {
			remove(webhook);
		}
	}

	Page deliveries(CurrentUser caller, long webhookId, String status, PageRequest page) {
		administered(caller, webhookId);
		if (status != null && !STATUSES.contains(status)) {
			throw invalid("status must be one of " + String.join(", ", STATUSES) + ".");
		}
		return new Page(this.deliveries.list(webhookId, status, page.limit(), page.offset()),
				this.deliveries.count(webhookId, status));
	}

	Delivery delivery(CurrentUser caller, long webhookId, long deliveryId) {
		administered(caller, webhookId);
		return this.deliveries.find(webhookId, deliveryId).orElseThrow(() -> deliveryNotFound(webhookId, deliveryId));
	}

	/**
	 * Sends the delivery again now, with the same {@code webhook-id}: pending once more
	 * with a new retry window, whatever its status was.
	 */
	Delivery redeliver(CurrentUser caller, long webhookId, long deliveryId) {
		administered(caller, webhookId);
		return this.transactions.execute((status) -> {
			this.deliveries.lock(deliveryId);
			this.deliveries.find(webhookId, deliveryId).orElseThrow(() -> deliveryNotFound(webhookId, deliveryId));
			Instant now = this.clock.instant();
			if (!this.queue.requeue(deliveryId, now)) {
				throw ApiException.conflict("An attempt of delivery " + deliveryId
						+ " is under way; redeliver it again once it has finished.");
			}
			this.deliveries.redeliver(deliveryId, now, now.plus(this.properties.retryWindow()));
			return this.deliveries.find(webhookId, deliveryId).orElseThrow();
		});
	}

	private void remove(Webhook webhook) {
		this.queue.cancel(this.deliveries.pendingIds(webhook.id(), MAX_CANCELLED));
		this.webhooks.delete(webhook.id());
		this.subscriptions.changed(webhook.projectId());
	}

	/**
	 * The webhook, if the caller administers its project; 404 to whoever cannot see the
	 * project, 403 to its members below admin.
	 */
	private Webhook administered(CurrentUser caller, long id) {
		Webhook webhook = this.webhooks.find(id).orElseThrow(() -> webhookNotFound(id));
		try {
			this.access.require(caller, webhook.projectId(), Role.ADMIN);
		}
		catch (ApiException ex) {
			throw (ex.code() == ErrorCode.NOT_FOUND) ? webhookNotFound(id) : ex;
		}
		return webhook;
	}

	private static URI url(String url) {
		try {
			return WebhookTargets.checkedUrl(url);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(ex.getMessage());
		}
	}

	private static List<String> eventTypes(List<String> requested) {
		if (requested == null) {
			return List.of();
		}
		Set<String> types = new LinkedHashSet<>();
		List<String> unknown = new ArrayList<>();
		for (String type : requested) {
			if (type != null && Runs.EVENT_TYPES.contains(type)) {
				types.add(type);
			}
			else {
				unknown.add(String.valueOf(type));
			}
		}
		if (!unknown.isEmpty()) {
			throw invalid("event_types has unknown " + ((unknown.size() == 1) ? "type " : "types ")
					+ String.join(", ", unknown) + "; the run event types are " + String.join(", ", Runs.EVENT_TYPES)
					+ ".");
		}
		return List.copyOf(types);
	}

	private static String description(String description) {
		String text = (description != null) ? description.strip() : "";
		if (text.length() > MAX_DESCRIPTION) {
			throw invalid("description must be at most " + MAX_DESCRIPTION + " characters.");
		}
		return text;
	}

	private static ApiException invalid(String message) {
		return new ApiException(ErrorCode.VALIDATION_ERROR, message);
	}

	private static ApiException webhookNotFound(long id) {
		return ApiException.notFound("No webhook " + id + " that you can see.");
	}

	private static ApiException deliveryNotFound(long webhookId, long deliveryId) {
		return ApiException.notFound("Webhook " + webhookId + " has no delivery " + deliveryId + ".");
	}

	/** A new webhook and its signing secret, shown this once. */
	record Created(Webhook webhook, String secret) {
	}

	/** A page of deliveries and how many there are in all. */
	record Page(List<Delivery> deliveries, long total) {
	}

}
