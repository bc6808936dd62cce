package io.quantra.triggers;

import io.quantra.platform.RouteAuthorizations;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration(proxyBeanMethods = false)
class TriggerRoutes {

	/**
	 * {@code POST /run} needs a credential, unless it carries a signature, which only the
	 * controller can check (it needs the body); the schedule routes any signed-in user,
	 * each checking the role on the schedule's project. Trigger secrets live under
	 * {@code /projects/**}, which the projects module opens to signed-in users.
	 */
	@Bean
	RouteAuthorizations triggerRouteRules() {
		RequestMatcher signedRun = TriggerRoutes::signedRun;
		return (routes) -> routes.requestMatchers(signedRun)
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/run")
			.authenticated()
			.requestMatchers("/schedules/**")
			.authenticated();
	}

	private static boolean signedRun(HttpServletRequest request) {
		return HttpMethod.POST.matches(request.getMethod()) && "/run".equals(request.getRequestURI())
				&& request.getHeader(TriggerSignature.TIMESTAMP_HEADER) != null
				&& request.getHeader(TriggerSignature.SIGNATURE_HEADER) != null;
	}

}
