package io.quantra.platform.web;

import java.util.List;

import io.quantra.platform.RouteAuthorizations;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only routes that exercise the HTTP conventions every real endpoint relies on: a
 * JSON endpoint with validation, one that fails unexpectedly and one that needs
 * authentication.
 */
@RestController
class ConventionsProbeController {

	static final String SECRET_IN_FAILURE = "jdbc password=hunter2 at db.internal";

	@PostMapping(path = "/test-probe/echo", consumes = MediaType.APPLICATION_JSON_VALUE)
	Echo echo(@Valid @RequestBody Echo body) {
		return body;
	}

	@GetMapping("/test-probe/boom")
	String boom() {
		throw new IllegalStateException(SECRET_IN_FAILURE);
	}

	@GetMapping("/test-probe/private")
	String privateRoute() {
		return "secret";
	}

	record Echo(@NotBlank String name, int count, List<String> tags) {
	}

	@Configuration(proxyBeanMethods = false)
	static class ProbeRoutes {

		@Bean
		RouteAuthorizations probeRoutes() {
			return (routes) -> routes.requestMatchers("/test-probe/echo", "/test-probe/boom").permitAll();
		}

	}

}
