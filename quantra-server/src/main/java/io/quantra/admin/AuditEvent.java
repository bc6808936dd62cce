package io.quantra.admin;

import java.util.Map;

import io.quantra.platform.ClientInfo;
import io.quantra.platform.CurrentUser;

/**
 * One fact for the audit log: what happened ({@code login_failed},
 * {@code settings_updated} …), who did it, to what, and from where.
 *
 * @param type the event type, lower snake case
 * @param actorId the acting user's id, if known
 * @param actorEmail the acting user's e-mail address (or the one attempted at a failed
 * login)
 * @param targetType what was acted on ({@code user}, {@code settings}, {@code api_token}
 * …)
 * @param targetId the id of what was acted on
 * @param client where the request came from
 * @param details further facts, never secrets
 */
public record AuditEvent(String type, Long actorId, String actorEmail, String targetType, String targetId,
		ClientInfo client, Map<String, Object> details) {

	public AuditEvent {
		details = (details != null) ? Map.copyOf(details) : Map.of();
	}

	/**
	 * An event caused by the signed-in {@code actor}.
	 */
	public static AuditEvent by(CurrentUser actor, String type, String targetType, Object targetId, ClientInfo client,
			Map<String, Object> details) {
		return new AuditEvent(type, actor.userId(), actor.email(), targetType,
				(targetId != null) ? targetId.toString() : null, client, details);
	}

}
