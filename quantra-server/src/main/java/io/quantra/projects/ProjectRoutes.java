package io.quantra.projects;

import io.quantra.platform.RouteAuthorizations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProjectRoutes {

	/**
	 * Any signed-in user; the role each route needs is checked through
	 * {@link ProjectAccess}.
	 */
	@Bean
	RouteAuthorizations projectRouteRules() {
		return (routes) -> routes.requestMatchers("/projects", "/projects/**").authenticated();
	}

}
