package io.quantra.platform;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling: the authenticated principal of every request, whichever way the caller
 * signed in. Controllers receive it with
 * {@code @AuthenticationPrincipal CurrentUser user}.
 *
 * @param userId the account's id
 * @param email the account's e-mail address (never to be logged)
 * @param staff whether the account may administer Quantra
 * @param method how this request was authenticated
 * @param credentialId the session, refresh-token family or API token behind the request
 */
public record CurrentUser(long userId, String email, boolean staff, AuthenticationMethod method, String credentialId) {

	/** Authority every signed-in caller holds. */
	public static final String ROLE_USER = "ROLE_USER";

	/** Authority of staff accounts, required by the administration routes. */
	public static final String ROLE_STAFF = "ROLE_STAFF";

	/**
	 * The caller of the request being served, if one is signed in.
	 */
	public static Optional<CurrentUser> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	/**
	 * How a request proved who sent it.
	 */
	public enum AuthenticationMethod {

		/** The session cookie from {@code POST /login}. */
		SESSION,

		/** A JWT access token from {@code /auth/login} or {@code /api/auth/login}. */
		JWT,

		/** A {@code qapi_} API token. */
		API_TOKEN

	}

}
