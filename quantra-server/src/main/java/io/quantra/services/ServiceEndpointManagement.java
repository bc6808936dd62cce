package io.quantra.services;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.quantra.admin.AuditEvent;
import io.quantra.admin.AuditLog;
import io.quantra.platform.ApiException;
import io.quantra.platform.ClientInfo;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.ErrorCode;
import io.quantra.platform.SecretBox;
import io.quantra.services.ServiceEndpointRepository.Settings;
import io.quantra.services.ServiceEndpointRepository.Stored;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules of the service registry: staff register, change and remove tool
 * microservices; anyone signed in sees them, never their secrets; every change goes to
 * the audit log without secret material. A changed address, protocol, secret, certificate
 * or plugin list makes the endpoint unchecked (inactive) until the next health check.
 */
@Service
class ServiceEndpointManagement implements ServiceEndpoints {

	private final ServiceEndpointRepository endpoints;

	private final SecretBox secrets;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	/** This server's connections to the services, closed with their endpoints. */
	private final ServiceChannels channels;

	ServiceEndpointManagement(ServiceEndpointRepository endpoints, SecretBox secrets, AuditLog audit,
			TransactionTemplate transactions, Clock clock, ServiceChannels channels) {
		this.channels = channels;
		this.endpoints = endpoints;
		this.secrets = secrets;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public Optional<Endpoint> forPlugin(String pluginId) {
		if (pluginId == null) {
			return Optional.empty();
		}
		return all().stream().filter((e) -> e.active() && e.declares(pluginId)).findFirst();
	}

	@Override
	public List<Endpoint> all() {
		return this.endpoints.all().stream().map(this::endpoint).toList();
	}

	@Override
	public Optional<Endpoint> find(long id) {
		return this.endpoints.find(id).map(this::endpoint);
	}

	List<Stored> list() {
		return this.endpoints.all();
	}

	Stored get(long id) {
		return this.endpoints.find(id).orElseThrow(() -> notFound(id));
	}

	Stored create(CurrentUser actor, Registration registration, ClientInfo client) {
		String name = EndpointFields.name(registration.name());
		String host = EndpointFields.host(registration.host());
		int port = EndpointFields.port(registration.port());
		String protocol = EndpointFields.protocol(registration.protocol());
		List<String> pluginIds = EndpointFields.pluginIds(registration.pluginIds());
		String secret = (registration.secret() != null) ? EndpointFields.secret(registration.secret()) : null;
		String ca = (registration.caCertificate() != null) ? EndpointFields.caCertificate(registration.caCertificate())
				: null;
		EndpointFields.caCertificateFits(protocol, ca);
		Settings settings = new Settings(name, host, port, protocol, pluginIds,
				(secret != null) ? this.secrets.seal(secret) : null, ca);
		return this.transactions.execute((tx) -> {
			requireFreeName(name, null);
			long id;
			try {
				id = this.endpoints.insert(settings, this.clock.instant());
			}
			catch (DuplicateKeyException ex) {
				throw nameTaken(name);
			}
			Map<String, Object> details = describe(settings);
			details.put("secret", (secret != null) ? "set" : "none");
			this.audit
				.record(AuditEvent.by(actor, "service_endpoint_created", "service_endpoint", id, client, details));
			return this.endpoints.find(id).orElseThrow();
		});
	}

	/**
	 * Applies the fields present in {@code change}.
	 * @param expectedRevision the revision the caller edited ({@code If-Match}), or null
	 */
	Stored update(CurrentUser actor, long id, Change change, Long expectedRevision, ClientInfo client) {
		return this.transactions.execute((tx) -> {
			Stored before = get(id);
			if (expectedRevision != null && expectedRevision != before.revision()) {
				throw new ApiException(ErrorCode.PRECONDITION_FAILED, "Service endpoint " + id + " is at revision "
						+ before.revision() + ", not " + expectedRevision + "; read it again and repeat the change.");
			}
			Settings old = before.settings();
			String name = (change.name() != null) ? EndpointFields.name(change.name()) : old.name();
			String host = (change.host() != null) ? EndpointFields.host(change.host()) : old.host();
			int port = (change.port() != null) ? EndpointFields.port(change.port()) : old.port();
			String protocol = (change.protocol() != null) ? EndpointFields.protocol(change.protocol()) : old.protocol();
			List<String> pluginIds = (change.pluginIds() != null) ? EndpointFields.pluginIds(change.pluginIds())
					: old.pluginIds();
			String sealed = switch (change.secret().kind()) {
				case KEEP -> old.sealedSecret();
				case REMOVE -> null;
				case REPLACE -> this.secrets.seal(EndpointFields.secret(change.secret().value()));
			};
			String ca = switch (change.caCertificate().kind()) {
				case KEEP -> old.caCertificate();
				case REMOVE -> null;
				case REPLACE -> EndpointFields.caCertificate(change.caCertificate().value());
			};
			EndpointFields.caCertificateFits(protocol, ca);
			if (!name.equalsIgnoreCase(old.name())) {
				requireFreeName(name, id);
			}
			Settings after = new Settings(name, host, port, protocol, pluginIds, sealed, ca);
			boolean connectionChanged = !host.equals(old.host()) || port != old.port()
					|| !protocol.equals(old.protocol()) || !pluginIds.equals(old.pluginIds())
					|| change.secret().kind() != Presence.KEEP || !Objects.equals(ca, old.caCertificate());
			boolean stored;
			try {
				stored = this.endpoints.update(id, before.revision(), after, connectionChanged, this.clock.instant());
			}
			catch (DuplicateKeyException ex) {
				throw nameTaken(name);
			}
			if (!stored) {
				throw ApiException.conflict(
						"Service endpoint " + id + " was changed by someone else meanwhile; read it again and repeat.");
			}
			this.audit.record(AuditEvent.by(actor, "service_endpoint_updated", "service_endpoint", id, client,
					changes(before, after, change)));
			return this.endpoints.find(id).orElseThrow();
		});
	}

	void delete(CurrentUser actor, long id, ClientInfo client) {
		this.transactions.executeWithoutResult((tx) -> {
			Stored endpoint = get(id);
			if (!this.endpoints.delete(id)) {
				throw notFound(id);
			}
			this.audit.record(AuditEvent.by(actor, "service_endpoint_deleted", "service_endpoint", id, client,
					Map.of("name", endpoint.name())));
		});
		// committed: this server's connection to the service goes too
		this.channels.close(id);
	}

	/**
	 * The endpoint with its secret opened; a secret this server's key cannot open is left
	 * out, and the health check reports it.
	 */
	Endpoint endpoint(Stored stored) {
		String secret = null;
		if (stored.sealedSecret() != null) {
			try {
				secret = this.secrets.open(stored.sealedSecret());
			}
			catch (IllegalStateException ex) {
				secret = null;
			}
		}
		return new Endpoint(stored.id(), stored.name(), stored.host(), stored.port(), stored.protocol(),
				stored.pluginIds(), stored.sealedSecret() != null, secret, stored.caCertificate(), stored.active(),
				stored.status(), stored.statusMessage(), stored.version(), stored.protocolVersion(),
				stored.lastHealthCheck(), stored.revision());
	}

	private void requireFreeName(String name, Long self) {
		this.endpoints.findByName(name).filter((e) -> self == null || e.id() != self).ifPresent((e) -> {
			throw nameTaken(name);
		});
	}

	private static Map<String, Object> describe(Settings settings) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", settings.name());
		details.put("host", settings.host());
		details.put("port", settings.port());
		details.put("protocol", settings.protocol());
		details.put("plugin_ids", String.join(",", settings.pluginIds()));
		details.put("ca_certificate", settings.caCertificate() != null);
		return details;
	}

	/** The fields that changed, with the new values; the secret only as what happened. */
	private static Map<String, Object> changes(Stored before, Settings after, Change change) {
		Map<String, Object> changes = new LinkedHashMap<>();
		Map<String, Object> old = describe(before.settings());
		describe(after).forEach((field, value) -> {
			if (!Objects.equals(old.get(field), value)) {
				changes.put(field, value);
			}
		});
		switch (change.secret().kind()) {
			case REMOVE -> changes.put("secret", "removed");
			case REPLACE -> changes.put("secret", "replaced");
			default -> {
			}
		}
		return changes;
	}

	private static ApiException nameTaken(String name) {
		return ApiException.conflict("A service endpoint named '" + name + "' exists already; choose another name.");
	}

	private static ApiException notFound(long id) {
		return ApiException.notFound("No service endpoint " + id + "; see GET /service-endpoints.");
	}

	/** A new endpoint as staff send it; secret and CA certificate may be null. */
	record Registration(String name, String host, Integer port, String protocol, List<String> pluginIds, String secret,
			String caCertificate) {

		@Override
		public String toString() {
			return "Registration[name=" + this.name + "]";
		}

	}

	/** A partial change: null fields keep their value. */
	record Change(String name, String host, Integer port, String protocol, List<String> pluginIds, Optionally secret,
			Optionally caCertificate) {

		@Override
		public String toString() {
			return "Change[name=" + this.name + "]";
		}

	}

	/** Whether a request keeps, removes or replaces a nullable field. */
	enum Presence {

		KEEP, REMOVE, REPLACE

	}

	/** A nullable field of a partial change: absent (keep), null (remove) or a value. */
	record Optionally(Presence kind, String value) {

		static final Optionally KEEP = new Optionally(Presence.KEEP, null);

		static final Optionally REMOVE = new Optionally(Presence.REMOVE, null);

		static Optionally of(String value) {
			return new Optionally(Presence.REPLACE, value);
		}

		@Override
		public String toString() {
			return this.kind.name();
		}

	}

}
