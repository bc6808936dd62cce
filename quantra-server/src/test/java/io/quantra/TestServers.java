package io.quantra;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts whole Quantra servers for tests that need one of their own (first start, several
 * nodes, shipped defaults), on random ports and over plain HTTP unless told otherwise.
 */
public final class TestServers {

	private TestServers() {
	}

	/**
	 * Starts a server; {@code properties} are passed as command-line arguments, which
	 * take precedence over application.yml.
	 */
	public static ConfigurableApplicationContext start(Map<String, Object> properties) {
		Map<String, Object> all = new HashMap<>();
		all.put("quantra.tls", "off");
		all.put("quantra.port", "0");
		all.put("quantra.management-port", "0");
		all.putAll(properties);
		return new SpringApplicationBuilder(QuantraApplication.class)
			.run(all.entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
	}

	public static int port(ConfigurableApplicationContext server) {
		return ((WebServerApplicationContext) server).getWebServer().getPort();
	}

}
