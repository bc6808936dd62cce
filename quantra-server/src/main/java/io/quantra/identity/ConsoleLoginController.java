package io.quantra.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quantra.identity.SessionRepository.StoredSession;
import io.quantra.identity.SessionService.NewSession;
import io.quantra.platform.ClientInfo;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's cookie login (seed 000): {@code POST /login} and {@code POST /logout}.
 */
@RestController
class ConsoleLoginController {

	private final LoginService logins;

	private final SessionService sessions;

	private final MfaService mfa;

	ConsoleLoginController(LoginService logins, SessionService sessions, MfaService mfa) {
		this.mfa = mfa;
		this.logins = logins;
		this.sessions = sessions;
	}

	@Operation(summary = "Sign in to the console with e-mail and password; sets the session cookie")
	@PostMapping("/login")
	Map<String, Object> login(@RequestBody Credentials credentials, HttpServletRequest request,
			HttpServletResponse response) {
		ClientInfo client = ClientInfo.of(request);
		UserAccount user = this.logins.authenticate(credentials.email(), credentials.password(), client);
		boolean needsMfa = this.mfa.required(user);
		NewSession session = this.sessions.start(user.id(), !needsMfa, client);
		SessionCookies.set(request, response, session.token(), session.csrfToken());
		if (needsMfa) {
			return MfaPrompts.prompt(user);
		}
		this.logins.succeeded(user, client, "session");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", "success");
		body.put("user", UserViews.summary(user));
		return body;
	}

	@Operation(summary = "End the console session")
	@PostMapping("/logout")
	Map<String, Object> logout(HttpServletRequest request, HttpServletResponse response) {
		String cookie = SessionCookies.read(request, SessionCookies.SESSION);
		if (cookie != null) {
			this.sessions.find(cookie).ifPresent(this::end);
		}
		SessionCookies.clear(request, response);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", "success");
		body.put("message", "Logged out successfully.");
		return body;
	}

	private void end(StoredSession session) {
		this.sessions.end(session);
	}

	record Credentials(String email, String password) {
	}

}
