package io.quantra.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /openapi.json}, read by Swagger UI at {@code /docs} and
 * ReDoc at {@code /redoc}; both are served from the jar, so they work without internet
 * access.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	@Bean
	OpenAPI quantraOpenApi(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		String version = (properties != null) ? properties.getVersion() : "development";
		return new OpenAPI().info(new Info().title("Quantra API")
			.version(version)
			.description("Build, run and watch document and data pipelines. Errors are RFC 9457 problem "
					+ "details with error, code and request_id; every response carries X-Request-ID."));
	}

}
