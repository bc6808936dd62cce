package io.quantra.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jwt.JWTClaimsSet;
import io.quantra.admin.AuditEvent;
import io.quantra.admin.AuditLog;
import io.quantra.identity.UserRepository.NewUser;
import io.quantra.platform.ApiException;
import io.quantra.platform.ClientInfo;
import io.quantra.platform.ErrorCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in through an OpenID Connect provider (seed 002's Google login, for any issuer):
 * the authorization-code flow with PKCE (S256), a single-use state and a nonce bound to
 * the ID token. Only a verified e-mail address is trusted, and it signs in the account
 * with that address; a new account is created only when
 * {@code QUANTRA_OIDC_CREATE_ACCOUNTS=true}.
 */
@Service
@EnableConfigurationProperties(OidcSettings.class)
class OidcLoginService {

	static final Duration REQUEST_VALIDITY = Duration.ofMinutes(10);

	private final OidcSettings settings;

	private final OidcClient client;

	private final JdbcClient jdbc;

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final AuditLog audit;

	private final Clock clock;

	private final String redirectUri;

	OidcLoginService(OidcSettings settings, JsonMapper json, JdbcClient jdbc, UserRepository users,
			PasswordEncoder passwords, AuditLog audit, Clock clock,
			@Value("${quantra.public-url:https://localhost:4443}") String publicUrl) {
		this.settings = settings;
		this.client = new OidcClient(settings, json, clock);
		this.jdbc = jdbc;
		this.users = users;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
		this.redirectUri = (settings.redirectUri() != null && !settings.redirectUri().isBlank())
				? settings.redirectUri() : publicUrl.replaceAll("/+$", "") + "/api/auth/google/callback";
	}

	/** Where to send the browser to sign in at the provider. */
	String start() {
		requireConfigured();
		String state = SecretTokens.random(32);
		String verifier = SecretTokens.random(48);
		String nonce = SecretTokens.random(24);
		Instant now = this.clock.instant();
		this.jdbc.sql("delete from oidc_login_requests where expires_at < :now")
			.param("now", Timestamp.from(now))
			.update();
		this.jdbc
			.sql("insert into oidc_login_requests (state_hash, code_verifier, nonce, created_at, expires_at) "
					+ "values (:state, :verifier, :nonce, :now, :expires)")
			.param("state", SecretTokens.sha256(state))
			.param("verifier", verifier)
			.param("nonce", nonce)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(REQUEST_VALIDITY)))
			.update();
		return this.client.authorizationUrl(this.redirectUri, state, nonce, challenge(verifier));
	}

	/**
	 * Completes the login the provider redirected back with.
	 */
	@Transactional(noRollbackFor = ApiException.class)
	UserAccount complete(String code, String state, ClientInfo client) {
		requireConfigured();
		if (code == null || state == null || code.length() > 4096 || state.length() > 100) {
			throw ApiException.badRequest("The identity provider's answer lacks its code or state.");
		}
		String stateHash = SecretTokens.sha256(state);
		Optional<String[]> request = this.jdbc
			.sql("select code_verifier, nonce from oidc_login_requests where state_hash = :state and expires_at > :now")
			.param("state", stateHash)
			.param("now", Timestamp.from(this.clock.instant()))
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional();
		int deleted = this.jdbc.sql("delete from oidc_login_requests where state_hash = :state")
			.param("state", stateHash)
			.update();
		if (request.isEmpty() || deleted == 0) {
			throw ApiException.badRequest("This sign-in attempt is unknown, used or expired; start again.");
		}
		JWTClaimsSet claims = this.client.exchange(code, this.redirectUri, request.get()[0], request.get()[1]);
		String email = verifiedEmail(claims);
		UserAccount user = this.users.findByEmail(email).orElseGet(() -> create(email, claims));
		if (!user.active()) {
			throw new ApiException(ErrorCode.UNAUTHORIZED, "This account is deactivated.");
		}
		return user;
	}

	private UserAccount create(String email, JWTClaimsSet claims) {
		if (!this.settings.createAccounts()) {
			throw ApiException
				.permissionDenied("There is no Quantra account for this e-mail address; ask an administrator for one.");
		}
		try {
			String first = truncate(claim(claims, "given_name"));
			String last = truncate(claim(claims, "family_name"));
			// the account signs in through the provider; its password is random and
			// unknown
			UserId id = this.users
				.insert(new NewUser(email, first, last, this.passwords.encode(SecretTokens.random(32)), false, false));
			this.audit.record(new AuditEvent("user_registered", id.value(), email, "user", Long.toString(id.value()),
					null, Map.of("method", "oidc")));
			return this.users.findById(id).orElseThrow();
		}
		catch (DuplicateKeyException ex) {
			return this.users.findByEmail(email).orElseThrow();
		}
	}

	private static String verifiedEmail(JWTClaimsSet claims) {
		try {
			String email = claims.getStringClaim("email");
			Boolean verified = claims.getBooleanClaim("email_verified");
			if (email == null || !Boolean.TRUE.equals(verified)) {
				throw new ApiException(ErrorCode.UNAUTHORIZED,
						"The identity provider did not vouch for an e-mail address; it must be verified there.");
			}
			return UserAdministration.Emails.require(email);
		}
		catch (ParseException ex) {
			throw new ApiException(ErrorCode.UNAUTHORIZED, "The identity provider's claims cannot be read.");
		}
	}

	private static String claim(JWTClaimsSet claims, String name) {
		try {
			String value = claims.getStringClaim(name);
			return (value != null) ? value : "";
		}
		catch (ParseException ex) {
			return "";
		}
	}

	private static String truncate(String name) {
		return (name.length() > 150) ? name.substring(0, 150) : name;
	}

	private void requireConfigured() {
		if (!this.settings.configured()) {
			throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
					"Sign-in with an identity provider is not configured; set QUANTRA_OIDC_ISSUER and "
							+ "QUANTRA_OIDC_CLIENT_ID.");
		}
	}

	static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
