package io.quantra.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's authorization rules for the routes it serves. Every route needs an explicit
 * rule: whatever no module claims requires an authenticated caller.
 */
@FunctionalInterface
public interface RouteAuthorizations {

	void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes);

}
