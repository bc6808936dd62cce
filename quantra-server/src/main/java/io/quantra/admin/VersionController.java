package io.quantra.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /version}: the platform's build version and the API version.
 */
@RestController
class VersionController {

	static final String API_VERSION = "v1";

	private final String platform;

	VersionController(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		this.platform = (properties != null) ? properties.getVersion() : "development";
	}

	@Operation(summary = "Report the platform and API versions")
	@GetMapping("/version")
	Map<String, String> version() {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("platform", this.platform);
		body.put("api_version", API_VERSION);
		return body;
	}

}
