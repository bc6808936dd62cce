package io.quantra.platform.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.quantra.platform.tls.SelfSignedKeyStore;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.apache.commons.logging.Log;

/**
 * Turns Quantra's few start-up settings into the Spring properties they imply, before
 * anything starts: the absolute data directory, and HTTPS with the operator's key store
 * or a self-signed certificate generated on first start and kept in the data directory.
 */
public class QuantraEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE = "quantraDerived";

	private final Log log;

	public QuantraEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(QuantraEnvironmentPostProcessor.class);
	}

	@Override
	public int getOrder() {
		// after application.yml and the environment have been read
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> derived = new LinkedHashMap<>();
		Path dataDir = Path.of(environment.getProperty("quantra.data-dir", "./data")).toAbsolutePath().normalize();
		derived.put("quantra.data-dir", dataDir.toString());
		if (tlsEnabled(environment.getProperty("quantra.tls", "on"))) {
			derived.putAll(tlsProperties(environment, dataDir));
		}
		else {
			derived.put("server.ssl.enabled", "false");
		}
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, derived));
	}

	private Map<String, Object> tlsProperties(ConfigurableEnvironment environment, Path dataDir) {
		Map<String, Object> ssl = new LinkedHashMap<>();
		ssl.put("server.ssl.enabled", "true");
		ssl.put("server.ssl.key-store-type", "PKCS12");
		String keyStore = environment.getProperty("quantra.tls.keystore");
		if (keyStore != null && !keyStore.isBlank()) {
			ssl.put("server.ssl.key-store", Path.of(keyStore).toAbsolutePath().toUri().toString());
			ssl.put("server.ssl.key-store-password", environment.getProperty("quantra.tls.keystore-password", ""));
			return ssl;
		}
		SelfSignedKeyStore selfSigned = new SelfSignedKeyStore(dataDir.resolve("tls"));
		if (selfSigned.ensureExists()) {
			this.log.info("Generated a self-signed TLS certificate in " + selfSigned.directory()
					+ "; set QUANTRA_TLS_KEYSTORE to serve your own");
		}
		ssl.put("server.ssl.key-store", selfSigned.keyStore().toUri().toString());
		ssl.put("server.ssl.key-store-password", selfSigned.password());
		ssl.put("server.ssl.key-alias", SelfSignedKeyStore.ALIAS);
		return ssl;
	}

	static boolean tlsEnabled(String value) {
		return switch (value.trim().toLowerCase(Locale.ROOT)) {
			case "off", "false", "no", "0", "disabled" -> false;
			case "on", "true", "yes", "1", "enabled" -> true;
			default -> throw new IllegalArgumentException("QUANTRA_TLS must be 'on' or 'off', not '" + value + "'");
		};
	}

}
