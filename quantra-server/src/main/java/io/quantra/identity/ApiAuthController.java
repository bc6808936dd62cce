package io.quantra.identity;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quantra.identity.TokenService.TokenPair;
import io.quantra.platform.ApiException;
import io.quantra.platform.ClientInfo;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The studio's authentication (seed 002) under {@code /api/auth}: the same accounts,
 * tokens and rules as {@code /auth}, with camelCase fields, plus password reset and
 * profile changes.
 */
@RestController
@RequestMapping("/api/auth")
class ApiAuthController {

	private final TokenLogins logins;

	private final TokenService tokens;

	private final UserAdministration administration;

	private final PasswordResetService resets;

	private final OidcLoginService oidc;

	ApiAuthController(TokenLogins logins, TokenService tokens, UserAdministration administration,
			PasswordResetService resets, OidcLoginService oidc) {
		this.oidc = oidc;
		this.logins = logins;
		this.tokens = tokens;
		this.administration = administration;
		this.resets = resets;
	}

	@Operation(summary = "Exchange e-mail and password for tokens (camelCase)")
	@PostMapping("/login")
	Map<String, Object> login(@RequestBody Credentials body, HttpServletRequest request) {
		return answer(this.logins.login(body.email(), body.password(), ClientInfo.of(request)));
	}

	@Operation(summary = "Exchange a refresh token (once) for new tokens (camelCase)")
	@PostMapping("/refresh")
	Map<String, Object> refresh(@RequestBody RefreshBody body, HttpServletRequest request) {
		return tokens(this.tokens.refresh(body.refreshToken(), ClientInfo.of(request)));
	}

	@Operation(summary = "Revoke a refresh token (camelCase)")
	@PostMapping("/logout")
	Map<String, Object> logout(@RequestBody RefreshBody body) {
		this.tokens.logout(body.refreshToken());
		return Map.of("status", "success", "message", "Logged out successfully.");
	}

	@Operation(summary = "The signed-in account (camelCase)")
	@GetMapping("/me")
	Map<String, Object> me(@AuthenticationPrincipal CurrentUser caller) {
		return user(this.administration.get(caller.userId()));
	}

	@Operation(summary = "Create an account when registration is open (camelCase)")
	@PostMapping("/register")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> register(@RequestBody RegisterBody body) {
		return user(this.administration.register(body.email(), body.password(), body.firstName(), body.lastName()));
	}

	@Operation(summary = "Send a password-reset link; answers the same for unknown addresses")
	@PostMapping("/forgot-password")
	Map<String, Object> forgotPassword(@RequestBody ForgotBody body) {
		this.resets.requestReset(body.email());
		return Map.of("status", "success", "message",
				"If an account exists for this address, a link to reset its password is on its way.");
	}

	@Operation(summary = "Choose a new password with a reset link's token (single use, 30 minutes)")
	@PostMapping("/reset-password")
	Map<String, Object> resetPassword(@RequestBody ResetBody body, HttpServletRequest request) {
		String password = (body.newPassword() != null) ? body.newPassword() : body.password();
		if (password == null) {
			throw new ApiException(ErrorCode.VALIDATION_ERROR, "newPassword is required.");
		}
		this.resets.reset(body.token(), password, ClientInfo.of(request));
		return Map.of("status", "success", "message", "Your password has been changed; sign in with it.");
	}

	@Operation(summary = "Change your name or password; a new password ends your other sessions")
	@PatchMapping("/profile")
	Map<String, Object> profile(@RequestBody ProfileBody body, @AuthenticationPrincipal CurrentUser caller,
			HttpServletRequest request) {
		ClientInfo client = ClientInfo.of(request);
		UserAccount user = this.administration.updateOwnProfile(caller.userId(), body.firstName(), body.lastName(),
				body.currentPassword(), body.newPassword(), client);
		Map<String, Object> response = user(user);
		if (body.newPassword() != null && caller.method() == CurrentUser.AuthenticationMethod.JWT) {
			// every token was just revoked, this caller's too: hand it a fresh pair
			response.putAll(tokens(this.tokens.issue(user, client)));
		}
		return response;
	}

	@Operation(summary = "Sign in with the configured OpenID Connect provider (Google or any issuer)")
	@GetMapping("/google")
	ResponseEntity<Void> google() {
		return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(this.oidc.start())).build();
	}

	@Operation(summary = "Where the provider sends the browser back; answers with tokens (camelCase)")
	@GetMapping("/google/callback")
	Map<String, Object> googleCallback(@RequestParam(required = false) String code,
			@RequestParam(required = false) String state, @RequestParam(required = false) String error,
			HttpServletRequest request) {
		if (error != null) {
			throw new ApiException(ErrorCode.UNAUTHORIZED, "The identity provider did not sign you in.");
		}
		ClientInfo client = ClientInfo.of(request);
		return answer(this.logins.complete(this.oidc.complete(code, state, client), client, "oidc"));
	}

	/** Tokens and the user for a complete login, or the MFA prompt with its token. */
	private static Map<String, Object> answer(TokenLogins.Outcome outcome) {
		if (outcome.tokens() == null) {
			return MfaPrompts.pending(outcome, "mfaToken");
		}
		Map<String, Object> response = tokens(outcome.tokens());
		response.put("user", user(outcome.user()));
		return response;
	}

	private static Map<String, Object> tokens(TokenPair pair) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("accessToken", pair.accessToken());
		body.put("refreshToken", pair.refreshToken());
		body.put("tokenType", "bearer");
		body.put("expiresIn", pair.expiresIn());
		return body;
	}

	static Map<String, Object> user(UserAccount user) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", user.id().value());
		body.put("email", user.email());
		body.put("firstName", user.firstName());
		body.put("lastName", user.lastName());
		body.put("isStaff", user.staff());
		body.put("mfaEnabled", user.mfaEnabled());
		body.put("createdAt", user.createdAt().toString());
		return body;
	}

	record Credentials(String email, String password) {
	}

	record RefreshBody(String refreshToken) {
	}

	record RegisterBody(String email, String password, String firstName, String lastName) {
	}

	record ForgotBody(String email) {
	}

	record ResetBody(String token, String password, String newPassword) {
	}

	record ProfileBody(String firstName, String lastName, String currentPassword, String newPassword) {
	}

}
