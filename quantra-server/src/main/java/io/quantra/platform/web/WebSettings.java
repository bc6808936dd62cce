package io.quantra.platform.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * HTTP settings shared by every surface.
 *
 * @param maxRequestBody the largest request body accepted outside multipart uploads
 * @param allowedOrigins browser origins allowed to call the API ({@code ALLOWED_ORIGINS})
 */
@ConfigurationProperties("quantra.http")
record WebSettings(DataSize maxRequestBody, List<String> allowedOrigins) {

	WebSettings {
		maxRequestBody = (maxRequestBody != null) ? maxRequestBody : DataSize.ofMegabytes(5);
		allowedOrigins = (allowedOrigins != null) ? allowedOrigins : List.of("http://localhost:3000");
	}

}
