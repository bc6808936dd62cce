package io.quantra.identity;

import io.quantra.identity.TokenService.TokenPair;
import io.quantra.platform.ClientInfo;

import org.springframework.stereotype.Component;

/**
 * A token login from e-mail and password, shared by {@code /auth/login} and
 * {@code /api/auth/login}: a token pair at once, or an {@code mfa_token} when MFA must
 * follow.
 */
@Component
class TokenLogins {

	private final LoginService logins;

	private final MfaService mfa;

	private final TokenService tokens;

	private final JwtTokens jwt;

	TokenLogins(LoginService logins, MfaService mfa, TokenService tokens, JwtTokens jwt) {
		this.logins = logins;
		this.mfa = mfa;
		this.tokens = tokens;
		this.jwt = jwt;
	}

	Outcome login(String email, String password, ClientInfo client) {
		return complete(this.logins.authenticate(email, password, client), client, "jwt");
	}

	/**
	 * Finishes a login whose first factor was proven ({@code method}: jwt, oidc): tokens
	 * now, or an MFA token when MFA must follow.
	 */
	Outcome complete(UserAccount user, ClientInfo client, String method) {
		if (this.mfa.required(user)) {
			String mfaToken = this.jwt.issue(user.id().value(), user.tokenGeneration(), JwtTokens.TokenType.MFA)
				.token();
			return new Outcome(user, null, mfaToken);
		}
		TokenPair pair = this.tokens.issue(user, client);
		this.logins.succeeded(user, client, method);
		return new Outcome(user, pair, null);
	}

	/**
	 * Either {@code tokens} (the login is complete) or {@code mfaToken} (MFA must
	 * follow).
	 */
	record Outcome(UserAccount user, TokenPair tokens, String mfaToken) {
	}

}
