package io.quantra.identity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quantra.identity.ApiTokenRepository.StoredApiToken;
import io.quantra.identity.ApiTokenService.CreatedToken;
import io.quantra.platform.ApiException;
import io.quantra.platform.ClientInfo;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /account/api-tokens}: the caller's API tokens. The token itself is in the
 * creation response only.
 */
@RestController
class ApiTokenController {

	private final ApiTokenService tokens;

	ApiTokenController(ApiTokenService tokens) {
		this.tokens = tokens;
	}

	@Operation(summary = "List your API tokens")
	@GetMapping("/account/api-tokens")
	Map<String, Object> list(@AuthenticationPrincipal CurrentUser caller) {
		return Map.of("api_tokens", this.tokens.list(caller).stream().map(ApiTokenController::view).toList());
	}

	@Operation(summary = "Create an API token; the response is the only time its value is shown")
	@PostMapping("/account/api-tokens")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> create(@RequestBody NewToken body, @AuthenticationPrincipal CurrentUser caller,
			HttpServletRequest request) {
		CreatedToken created = this.tokens.create(caller, body.name(), expiry(body.expiresAt()),
				ClientInfo.of(request));
		Map<String, Object> view = view(created.stored());
		view.put("token", created.token());
		return view;
	}

	@Operation(summary = "Revoke one of your API tokens")
	@DeleteMapping("/account/api-tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable long id, @AuthenticationPrincipal CurrentUser caller, HttpServletRequest request) {
		this.tokens.revoke(caller, id, ClientInfo.of(request));
	}

	private static Map<String, Object> view(StoredApiToken token) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", token.id());
		view.put("name", token.name());
		view.put("token_hint", token.hint() + "…");
		view.put("created_at", token.createdAt().toString());
		view.put("expires_at", (token.expiresAt() != null) ? token.expiresAt().toString() : null);
		view.put("last_used_at", (token.lastUsedAt() != null) ? token.lastUsedAt().toString() : null);
		return view;
	}

	private static Instant expiry(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR,
					"expires_at must be an ISO-8601 date-time such as 2026-12-31T23:59:59Z.");
		}
	}

	record NewToken(String name, @JsonProperty("expires_at") String expiresAt) {
	}

}
