package io.quantra;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Quantra: one Spring Boot application whose top-level packages are its modules.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QuantraApplication {

	static final String RESTRICTED_HEADERS = "jdk.httpclient.allowRestrictedHeaders";

	public static void main(String[] args) {
		allowHostHeader();
		SpringApplication.run(QuantraApplication.class, args);
	}

	/**
	 * Lets Quantra's HTTP requests carry a Host header of its choosing: a webhook attempt
	 * connects to the address it checked against private networks while naming the
	 * receiver's host. The JDK reads this once, before its first HTTP request.
	 */
	public static void allowHostHeader() {
		String allowed = System.getProperty(RESTRICTED_HEADERS, "");
		for (String header : allowed.split(",")) {
			if (header.strip().equalsIgnoreCase("host")) {
				return;
			}
		}
		System.setProperty(RESTRICTED_HEADERS, allowed.isBlank() ? "host" : allowed + ",host");
	}

}
