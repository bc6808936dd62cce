package io.quantra.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quantra.identity.RefreshTokenRepository.Family;
import io.quantra.identity.SessionRepository.StoredSession;
import io.quantra.platform.ApiException;
import io.quantra.platform.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /account/sessions}: where the caller is signed in — console sessions and token
 * logins (refresh-token families) — and a way to end any of them.
 */
@RestController
class AccountSessionsController {

	private final SessionRepository sessions;

	private final RefreshTokenRepository refreshTokens;

	private final Clock clock;

	AccountSessionsController(SessionRepository sessions, RefreshTokenRepository refreshTokens, Clock clock) {
		this.sessions = sessions;
		this.refreshTokens = refreshTokens;
		this.clock = clock;
	}

	@Operation(summary = "List your active sessions and token logins")
	@GetMapping("/account/sessions")
	Map<String, Object> list(@AuthenticationPrincipal CurrentUser caller) {
		UserId user = new UserId(caller.userId());
		List<Map<String, Object>> all = new ArrayList<>();
		for (StoredSession session : this.sessions.findActive(user, this.clock.instant())) {
			all.add(view(session.id(), "session", session.createdAt().toString(), session.lastSeenAt().toString(),
					session.client().userAgent(), session.id().equals(caller.credentialId())));
		}
		for (Family family : this.refreshTokens.findActiveFamilies(user, this.clock.instant())) {
			all.add(view(family.id(), "token", family.createdAt().toString(), family.lastSeenAt().toString(),
					family.client().userAgent(), false));
		}
		return Map.of("sessions", all);
	}

	@Operation(summary = "End one of your sessions or token logins")
	@DeleteMapping("/account/sessions/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void end(@PathVariable String id, @AuthenticationPrincipal CurrentUser caller) {
		UserId user = new UserId(caller.userId());
		boolean ended = this.sessions.revoke(user, id, this.clock.instant())
				|| this.refreshTokens.revokeFamily(user, id, this.clock.instant());
		if (!ended) {
			throw ApiException.notFound("No active session " + id + " among yours.");
		}
	}

	private static Map<String, Object> view(String id, String kind, String createdAt, String lastSeenAt,
			String userAgent, boolean current) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", id);
		view.put("kind", kind);
		view.put("created_at", createdAt);
		view.put("last_seen_at", lastSeenAt);
		view.put("user_agent", userAgent);
		view.put("current", current);
		return view;
	}

}
