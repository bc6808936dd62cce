package io.quantra.platform.web;

import java.util.List;

import io.quantra.platform.ErrorCode;
import io.quantra.platform.RouteAuthorizations;
import io.quantra.platform.SecurityChainContribution;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The one security filter chain: CORS, security headers, problem-details answers for 401
 * and 403, and the route rules every module declares through {@link RouteAuthorizations}.
 * A route no module claims requires an authenticated caller.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebSettings.class)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, List<RouteAuthorizations> modules,
			List<SecurityChainContribution> contributions,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings,
			Problems problems) throws Exception {
		// Bearer and API tokens are never attached by a browser on its own: nothing to
		// forge.
		http.csrf((csrf) -> csrf.disable())
			// picks up the bean named corsFilter below
			.cors(Customizer.withDefaults())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.headers((headers) -> headers
				.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
				.frameOptions((frame) -> frame.deny())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problems.write(response, HttpStatus.UNAUTHORIZED,
						ErrorCode.UNAUTHORIZED, "Authentication is required: sign in or send a bearer token.", request))
				.accessDeniedHandler((request, response, ex) -> problems.write(response, HttpStatus.FORBIDDEN,
						ErrorCode.PERMISSION_DENIED, "You do not have permission to do this.", request)))
			.authorizeHttpRequests((routes) -> {
				// error pages, forwards and the async completion of an already authorized
				// request (streams)
				routes.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD, DispatcherType.ASYNC)
					.permitAll();
				routes.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll();
				modules.forEach((module) -> module.configure(routes));
				routes.requestMatchers(new UnmappedRouteMatcher(mappings)).permitAll();
				routes.anyRequest().authenticated();
			});
		for (SecurityChainContribution contribution : contributions) {
			contribution.contribute(http);
		}
		return http.build();
	}

	/**
	 * Routes the platform itself serves, all public: version, health and the API
	 * reference.
	 */
	@Bean
	RouteAuthorizations platformRoutes() {
		return (routes) -> routes
			.requestMatchers("/version", "/health", "/openapi.json", "/openapi.json/**", "/docs", "/docs/**",
					"/swagger-ui/**", "/redoc", "/webjars/**")
			.permitAll();
	}

	@Bean
	CorsFilter corsFilter(WebSettings settings, Problems problems) {
		CorsConfiguration cors = new CorsConfiguration();
		boolean anyOrigin = settings.allowedOrigins().contains("*");
		if (anyOrigin) {
			cors.addAllowedOriginPattern("*");
		}
		else {
			settings.allowedOrigins()
				.stream()
				.map(String::trim)
				.filter((o) -> !o.isEmpty())
				.forEach(cors::addAllowedOrigin);
		}
		// cookies only travel to origins the operator named; "*" means token-only access
		cors.setAllowCredentials(!anyOrigin);
		cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "X-Request-ID", "X-API-Key",
				"X-API-Token", "X-CSRF-Token", "X-XSRF-TOKEN", "Idempotency-Key", "Last-Event-ID"));
		cors.setExposedHeaders(List.of("X-Request-ID", "Location", "Retry-After", "X-RateLimit-Limit",
				"X-RateLimit-Remaining", "X-RateLimit-Reset"));
		cors.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/**", cors);
		CorsFilter filter = new CorsFilter(source);
		filter.setCorsProcessor(new ProblemCorsProcessor(problems));
		return filter;
	}

	/** The CORS filter runs inside the security chain only. */
	@Bean
	FilterRegistrationBean<CorsFilter> corsFilterRegistration(CorsFilter corsFilter) {
		FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(corsFilter);
		registration.setEnabled(false);
		return registration;
	}

	/**
	 * Answers {@code Expect: 100-continue} only once the application reads the body, so a
	 * body refused up front (too large, unauthenticated) is never sent over the wire.
	 */
	@Bean
	TomcatConnectorCustomizer continueOnRead() {
		return (connector) -> connector.setProperty("continueResponseTiming", "onRead");
	}

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(WebSettings settings, Problems problems) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(settings.maxRequestBody(), problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
