package io.quantra.identity;

import io.quantra.platform.CurrentUser;
import io.quantra.platform.ProblemWriter;
import io.quantra.platform.RouteAuthorizations;
import io.quantra.platform.SecurityChainContribution;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Plugs identity into the security chain: the filter that turns credentials into a
 * {@link io.quantra.platform.CurrentUser}, and the rules for the sign-in routes.
 */
@Configuration(proxyBeanMethods = false)
class IdentitySecurity {

	@Bean
	SecurityChainContribution credentialAuthentication(JwtTokens jwt, ApiTokenService apiTokens,
			SessionService sessions, UserRepository users, ProblemWriter problems) {
		CredentialAuthenticationFilter filter = new CredentialAuthenticationFilter(jwt, apiTokens, sessions, users,
				problems);
		return (http) -> http.addFilterBefore(filter, AnonymousAuthenticationFilter.class);
	}

	/**
	 * Signing in, out and refreshing are open to anyone; everything about one's account
	 * needs a login.
	 */
	@Bean
	RouteAuthorizations identityRouteRules() {
		return (routes) -> routes
			.requestMatchers(HttpMethod.POST, "/login", "/logout", "/auth/login", "/auth/register", "/auth/refresh",
					"/auth/logout", "/mfa/verify", "/mfa/setup", "/mfa/enable", "/api/auth/login", "/api/auth/register",
					"/api/auth/refresh", "/api/auth/logout", "/api/auth/forgot-password", "/api/auth/reset-password")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/api/auth/google", "/api/auth/google/callback")
			.permitAll()
			.requestMatchers("/mfa/disable")
			.authenticated()
			.requestMatchers("/users", "/users/**")
			.hasAuthority(CurrentUser.ROLE_STAFF)
			.requestMatchers("/auth/me", "/account/**", "/api/auth/me", "/api/auth/profile")
			.authenticated();
	}

}
