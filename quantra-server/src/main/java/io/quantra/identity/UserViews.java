package io.quantra.identity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How accounts appear in responses; the password hash and login counters never do.
 */
final class UserViews {

	private UserViews() {
	}

	/** The user object of seed 000's login response. */
	static Map<String, Object> summary(UserAccount user) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email", user.email());
		body.put("first_name", user.firstName());
		body.put("last_name", user.lastName());
		return body;
	}

	static Map<String, Object> detail(UserAccount user) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", user.id().value());
		body.putAll(summary(user));
		body.put("is_staff", user.staff());
		body.put("is_active", user.active());
		body.put("created_at", user.createdAt().toString());
		return body;
	}

}
