package io.quantra.identity;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OpenID Connect provider behind {@code /api/auth/google} — Google, or any other
 * issuer.
 *
 * @param issuer the provider's issuer URL ({@code https://accounts.google.com}); unset
 * turns the login off
 * @param clientId the client id registered with the provider
 * @param clientSecret its secret
 * @param redirectUri the callback URL registered with the provider; defaults to
 * {@code <public-url>/api/auth/google/callback}
 * @param scopes the scopes asked for
 * @param createAccounts whether a verified address without an account gets one
 */
@ConfigurationProperties("quantra.oidc")
record OidcSettings(String issuer, String clientId, String clientSecret, String redirectUri, List<String> scopes,
		boolean createAccounts) {

	OidcSettings {
		scopes = (scopes != null && !scopes.isEmpty()) ? List.copyOf(scopes) : List.of("openid", "email", "profile");
	}

	boolean configured() {
		return this.issuer != null && !this.issuer.isBlank() && this.clientId != null && !this.clientId.isBlank();
	}

}
