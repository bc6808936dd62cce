package io.quantra.identity;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.quantra.identity.ApiTokenRepository.StoredApiToken;
import io.quantra.identity.JwtTokens.TokenType;
import io.quantra.identity.JwtTokens.Verified;
import io.quantra.identity.SessionRepository.StoredSession;
import io.quantra.platform.CurrentUser;
import io.quantra.platform.CurrentUser.AuthenticationMethod;
import io.quantra.platform.ErrorCode;
import io.quantra.platform.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a request by whichever credential it carries: a bearer JWT access token,
 * a {@code qapi_} API token (as bearer, {@code X-API-Key} or {@code X-API-Token}) or the
 * console session cookie. A presented token that is not valid is answered with 401 at
 * once; a stale session cookie is cleared and the request goes on anonymously.
 * Session-authenticated requests that change state must carry the session's CSRF token.
 */
class CredentialAuthenticationFilter extends OncePerRequestFilter {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	/**
	 * Ending a session needs no CSRF token: forging a logout gains an attacker nothing.
	 */
	private static final Set<String> CSRF_EXEMPT = Set.of("/logout");

	private final JwtTokens jwt;

	private final ApiTokenService apiTokens;

	private final SessionService sessions;

	private final UserRepository users;

	private final ProblemWriter problems;

	CredentialAuthenticationFilter(JwtTokens jwt, ApiTokenService apiTokens, SessionService sessions,
			UserRepository users, ProblemWriter problems) {
		this.jwt = jwt;
		this.apiTokens = apiTokens;
		this.sessions = sessions;
		this.users = users;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String bearer = bearer(request);
		String apiKey = firstNonBlank(request.getHeader("X-API-Key"), request.getHeader("X-API-Token"));
		Optional<CurrentUser> user;
		if (bearer != null) {
			user = bearer.startsWith(ApiTokenService.PREFIX) ? byApiToken(bearer) : byAccessToken(bearer);
			if (user.isEmpty()) {
				this.problems.write(request, response, ErrorCode.UNAUTHORIZED,
						"The bearer token is invalid, revoked or expired.");
				return;
			}
		}
		else if (apiKey != null) {
			user = byApiToken(apiKey);
			if (user.isEmpty()) {
				this.problems.write(request, response, ErrorCode.UNAUTHORIZED,
						"The API token is invalid, revoked or expired.");
				return;
			}
		}
		else {
			String cookie = SessionCookies.read(request, SessionCookies.SESSION);
			Optional<StoredSession> session = (cookie != null) ? this.sessions.find(cookie) : Optional.empty();
			user = session.filter(StoredSession::mfaVerified).flatMap(this::bySession);
			if (cookie != null && session.isEmpty()) {
				SessionCookies.clear(request, response);
			}
			if (user.isPresent() && needsCsrfCheck(request) && !csrfMatches(request, session.get())) {
				this.problems.write(request, response, ErrorCode.PERMISSION_DENIED,
						"Missing or wrong CSRF token: send the value of the " + SessionCookies.CSRF + " cookie in the "
								+ SessionCookies.CSRF_HEADER + " header.");
				return;
			}
		}
		user.ifPresent(CredentialAuthenticationFilter::signIn);
		chain.doFilter(request, response);
	}

	private Optional<CurrentUser> byAccessToken(String token) {
		Optional<Verified> claims = this.jwt.verify(token, TokenType.ACCESS);
		if (claims.isEmpty()) {
			return Optional.empty();
		}
		return this.users.findById(new UserId(claims.get().userId()))
			.filter(UserAccount::active)
			.filter((account) -> account.tokenGeneration() == claims.get().generation())
			.map((account) -> principal(account, AuthenticationMethod.JWT, claims.get().jti()));
	}

	private Optional<CurrentUser> byApiToken(String token) {
		Optional<StoredApiToken> stored = this.apiTokens.authenticate(token);
		return stored.flatMap((t) -> this.users.findById(t.userId()))
			.filter(UserAccount::active)
			.map((account) -> principal(account, AuthenticationMethod.API_TOKEN, Long.toString(stored.get().id())));
	}

	private Optional<CurrentUser> bySession(StoredSession session) {
		return this.users.findById(session.userId())
			.filter(UserAccount::active)
			.map((account) -> principal(account, AuthenticationMethod.SESSION, session.id()));
	}

	private static CurrentUser principal(UserAccount account, AuthenticationMethod method, String credentialId) {
		return new CurrentUser(account.id().value(), account.email(), account.staff(), method, credentialId);
	}

	private static void signIn(CurrentUser user) {
		List<GrantedAuthority> authorities = user.staff()
				? List.of(new SimpleGrantedAuthority(CurrentUser.ROLE_USER),
						new SimpleGrantedAuthority(CurrentUser.ROLE_STAFF))
				: List.of(new SimpleGrantedAuthority(CurrentUser.ROLE_USER));
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
		SecurityContextHolder.setContext(context);
	}

	private static boolean needsCsrfCheck(HttpServletRequest request) {
		return !SAFE_METHODS.contains(request.getMethod()) && !CSRF_EXEMPT.contains(request.getRequestURI());
	}

	private static boolean csrfMatches(HttpServletRequest request, StoredSession session) {
		String presented = request.getHeader(SessionCookies.CSRF_HEADER);
		return presented != null && presented.length() <= 100
				&& SecretTokens.sameHash(SecretTokens.sha256(presented), session.csrfHash());
	}

	private static String bearer(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String token = header.substring(7).trim();
			return token.isEmpty() ? null : token;
		}
		return null;
	}

	private static String firstNonBlank(String a, String b) {
		if (a != null && !a.isBlank()) {
			return a.trim();
		}
		return (b != null && !b.isBlank()) ? b.trim() : null;
	}

}
