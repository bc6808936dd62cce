package io.quantra.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quantra.identity.TokenService.TokenPair;
import io.quantra.identity.UserRepository.NewUser;
import io.quantra.platform.ApiException;
import io.quantra.platform.ClientInfo;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Token login (seed 003): {@code /auth/login}, {@code /auth/refresh},
 * {@code /auth/logout}, {@code /auth/me} and, when {@code ALLOW_REGISTRATION=true},
 * {@code /auth/register}.
 */
@RestController
class TokenController {

	private final TokenLogins logins;

	private final TokenService tokens;

	private final UserRepository users;

	private final UserAdministration administration;

	TokenController(TokenLogins logins, TokenService tokens, UserRepository users, UserAdministration administration) {
		this.logins = logins;
		this.tokens = tokens;
		this.users = users;
		this.administration = administration;
	}

	@Operation(summary = "Exchange e-mail and password for an access and a refresh token")
	@PostMapping("/auth/login")
	Map<String, Object> login(@RequestBody ConsoleLoginController.Credentials credentials, HttpServletRequest request) {
		TokenLogins.Outcome outcome = this.logins.login(credentials.email(), credentials.password(),
				ClientInfo.of(request));
		if (outcome.tokens() == null) {
			return MfaPrompts.pending(outcome, "mfa_token");
		}
		return body(outcome.tokens());
	}

	@Operation(summary = "Exchange a refresh token (once) for a new token pair")
	@PostMapping("/auth/refresh")
	Map<String, Object> refresh(@RequestBody RefreshRequest body, HttpServletRequest request) {
		return body(this.tokens.refresh(body.refreshToken(), ClientInfo.of(request)));
	}

	@Operation(summary = "Revoke a refresh token and the login it belongs to")
	@PostMapping("/auth/logout")
	Map<String, Object> logout(@RequestBody RefreshRequest body) {
		this.tokens.logout(body.refreshToken());
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("status", "success");
		response.put("message", "Logged out successfully.");
		return response;
	}

	@Operation(summary = "The signed-in account")
	@GetMapping("/auth/me")
	Map<String, Object> me(@AuthenticationPrincipal CurrentUser caller) {
		UserAccount user = this.users.findById(new UserId(caller.userId()))
			.orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED, "The account no longer exists."));
		return UserViews.detail(user);
	}

	@Operation(summary = "Create an account (only when registration is open)")
	@PostMapping("/auth/register")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> register(@RequestBody Registration registration) {
		return UserViews.detail(this.administration.register(registration.email(), registration.password(),
				registration.firstName(), registration.lastName()));
	}

	static Map<String, Object> body(TokenPair pair) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", pair.accessToken());
		body.put("refresh_token", pair.refreshToken());
		body.put("token_type", "bearer");
		body.put("expires_in", pair.expiresIn());
		return body;
	}

	record RefreshRequest(@JsonProperty("refresh_token") String refreshToken) {
	}

	record Registration(String email, String password, @JsonProperty("first_name") String firstName,
			@JsonProperty("last_name") String lastName) {
	}

}
