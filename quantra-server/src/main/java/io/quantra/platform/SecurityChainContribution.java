package io.quantra.platform;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Lets a module add to the one security filter chain, such as the filter that
 * authenticates credentials. Route rules go through {@link RouteAuthorizations} instead.
 */
@FunctionalInterface
public interface SecurityChainContribution {

	void contribute(HttpSecurity http) throws Exception;

}
