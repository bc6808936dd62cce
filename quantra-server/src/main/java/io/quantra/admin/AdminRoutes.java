package io.quantra.admin;

import io.quantra.platform.CurrentUser;
import io.quantra.platform.RouteAuthorizations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AdminRoutes {

	/** Settings and the audit log are for staff only. */
	@Bean
	RouteAuthorizations adminRouteRules() {
		return (routes) -> routes.requestMatchers("/settings", "/audit-logs").hasAuthority(CurrentUser.ROLE_STAFF);
	}

}
