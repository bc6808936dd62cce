package io.quantra.services;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quantra.platform.ApiException;
import io.quantra.platform.ClientInfo;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.ErrorCode;
import io.quantra.platform.RouteAuthorizations;
import io.quantra.services.ServiceEndpointManagement.Change;
import io.quantra.services.ServiceEndpointManagement.Optionally;
import io.quantra.services.ServiceEndpointManagement.Registration;
import io.quantra.services.ServiceEndpointRepository.Stored;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /service-endpoints}: the registered tool microservices with their health and
 * versions (anyone signed in), registered and changed by staff. A shared secret is never
 * shown, only {@code has_secret}.
 */
@RestController
class ServiceEndpointsController {

	private final ServiceEndpointManagement endpoints;

	ServiceEndpointsController(ServiceEndpointManagement endpoints) {
		this.endpoints = endpoints;
	}

	@Operation(summary = "The registered tool microservices with their health and versions")
	@GetMapping("/service-endpoints")
	Map<String, Object> list() {
		List<Stored> all = this.endpoints.list();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("service_endpoints", all.stream().map(ServiceEndpointsController::view).toList());
		body.put("total", all.size());
		return body;
	}

	@Operation(summary = "One tool microservice with its health and version; its revision is the ETag")
	@GetMapping("/service-endpoints/{id}")
	ResponseEntity<Map<String, Object>> get(@PathVariable long id) {
		Stored endpoint = this.endpoints.get(id);
		return ResponseEntity.ok().eTag(etag(endpoint)).body(view(endpoint));
	}

	@Operation(summary = "Register a tool microservice (staff only); it is inactive until its first health check")
	@PostMapping("/service-endpoints")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(@RequestBody EndpointBody body, @AuthenticationPrincipal CurrentUser actor,
			HttpServletRequest request) {
		Registration registration = new Registration(body.name(), body.host(), body.port(), body.protocol(),
				body.pluginIds(), text("secret", body.secret()), text("ca_certificate", body.caCertificate()));
		return view(this.endpoints.create(actor, registration, ClientInfo.of(request)));
	}

	@Operation(summary = "Change a tool microservice (staff only): absent fields keep their value; "
			+ "secret and ca_certificate null remove them; If-Match with the ETag guards against lost updates")
	@PutMapping("/service-endpoints/{id}")
	ResponseEntity<Map<String, Object>> update(@PathVariable long id, @RequestBody EndpointBody body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@AuthenticationPrincipal CurrentUser actor, HttpServletRequest request) {
		Change change = new Change(body.name(), body.host(), body.port(), body.protocol(), body.pluginIds(),
				optionally("secret", body.secret()), optionally("ca_certificate", body.caCertificate()));
		Stored endpoint = this.endpoints.update(actor, id, change, revision(ifMatch), ClientInfo.of(request));
		return ResponseEntity.ok().eTag(etag(endpoint)).body(view(endpoint));
	}

	@Operation(summary = "Remove a tool microservice (staff only)")
	@DeleteMapping("/service-endpoints/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable long id, @AuthenticationPrincipal CurrentUser actor, HttpServletRequest request) {
		this.endpoints.delete(actor, id, ClientInfo.of(request));
	}

	static Map<String, Object> view(Stored endpoint) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", endpoint.id());
		view.put("name", endpoint.name());
		view.put("host", endpoint.host());
		view.put("port", endpoint.port());
		view.put("protocol", endpoint.protocol());
		view.put("active", endpoint.active());
		view.put("status", endpoint.status().value());
		view.put("status_message", endpoint.statusMessage());
		view.put("version", endpoint.version());
		view.put("protocol_version", endpoint.protocolVersion());
		view.put("plugin_ids", endpoint.pluginIds());
		view.put("last_health_check", text(endpoint.lastHealthCheck()));
		view.put("has_secret", endpoint.sealedSecret() != null);
		view.put("ca_certificate", endpoint.caCertificate());
		view.put("revision", endpoint.revision());
		view.put("created_at", text(endpoint.createdAt()));
		view.put("updated_at", text(endpoint.updatedAt()));
		return view;
	}

	private static String etag(Stored endpoint) {
		return "\"" + endpoint.revision() + "\"";
	}

	/** The revision in an {@code If-Match} header ({@code "3"} or {@code W/"3"}). */
	static Long revision(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
			return null;
		}
		String value = ifMatch.trim();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		try {
			return Long.valueOf(value.replace("\"", ""));
		}
		catch (NumberFormatException ex) {
			throw new ApiException(ErrorCode.PRECONDITION_FAILED,
					"If-Match must be the endpoint's ETag, such as \"3\"; this one matches no revision.");
		}
	}

	/** A field that may be a string or null, nothing else. */
	private static String text(String field, JsonNode value) {
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new ApiException(ErrorCode.BAD_REQUEST, "Field '" + field + "' must be a string or null.");
		}
		return value.asString();
	}

	private static Optionally optionally(String field, JsonNode value) {
		if (value == null || value.isMissingNode()) {
			return Optionally.KEEP;
		}
		if (value.isNull()) {
			return Optionally.REMOVE;
		}
		return Optionally.of(text(field, value));
	}

	private static String text(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	/**
	 * Anyone signed in reads the registry; only staff change it.
	 */
	@Bean
	static RouteAuthorizations serviceEndpointRouteRules() {
		return (routes) -> routes.requestMatchers(HttpMethod.GET, "/service-endpoints", "/service-endpoints/*")
			.authenticated()
			.requestMatchers("/service-endpoints", "/service-endpoints/**")
			.hasAuthority(CurrentUser.ROLE_STAFF);
	}

	/**
	 * A service endpoint as staff send it. {@code secret} and {@code ca_certificate} are
	 * kept as JSON so that a change can tell an absent field (keep) from null (remove).
	 */
	record EndpointBody(String name, String host, Integer port, String protocol,
			@JsonProperty("plugin_ids") List<String> pluginIds, JsonNode secret,
			@JsonProperty("ca_certificate") JsonNode caCertificate) {

		@Override
		public String toString() {
			return "EndpointBody[name=" + this.name + "]";
		}

	}

}
