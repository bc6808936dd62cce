package io.quantra.services.textstats;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.quantra.sdk.FrameChunker;
import io.quantra.sdk.ToolServer;

/**
 * Starts the service:
 * {@code java -jar quantra-text-stats.jar --port 50051 [--secret S] [--version 1.0.0]
 * [--tls-cert cert.pem --tls-key key.pem] [--max-frame-size bytes]
 * [--auth-port 8085 [--auth-host name]] [--protocol-version 1]}. The secret may also come
 * from {@code QUANTRA_SERVICE_SECRET}, which keeps it out of the process list. With
 * {@code --auth-port} it also serves {@code authorized_echo} and its consent page.
 * {@code --protocol-version} makes it pass for a service built for another revision of
 * the protocol, for compatibility tests.
 */
public final class TextStatsService {

	private static final Set<String> OPTIONS = Set.of("--port", "--secret", "--version", "--tls-cert", "--tls-key",
			"--max-frame-size", "--auth-port", "--auth-host", "--protocol-version");

	private TextStatsService() {
	}

	public static void main(String[] args) throws InterruptedException, IOException {
		Map<String, String> options;
		try {
			options = options(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("text-stats: " + ex.getMessage());
			System.err.println("usage: java -jar quantra-text-stats.jar --port 50051 [--secret S] [--version 1.0.0]"
					+ " [--tls-cert cert.pem --tls-key key.pem] [--max-frame-size bytes]"
					+ " [--auth-port 8085 [--auth-host name]] [--protocol-version " + ToolServer.PROTOCOL_VERSION
					+ "]");
			System.exit(2);
			return;
		}
		ConsentPage consent = options.containsKey("--auth-port") ? ConsentPage.start(
				options.getOrDefault("--auth-host", "localhost"), Integer.parseInt(options.get("--auth-port"))) : null;
		ToolServer server = server(options, consent).start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				server.shutdown(Duration.ofSeconds(30));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "text-stats-shutdown"));
		System.out.println("text-stats " + options.getOrDefault("--version", defaultVersion()) + " serving "
				+ TextStats.PLUGIN_ID + ", " + Echo.PLUGIN_ID + " and " + Sleep.PLUGIN_ID + " on port " + server.port()
				+ (options.containsKey("--tls-cert") ? " (TLS)" : ""));
		if (consent != null) {
			System.out.println("text-stats consent page for " + AuthorizedEcho.PLUGIN_ID + " at http://"
					+ options.getOrDefault("--auth-host", "localhost") + ":" + consent.port() + "/authorize");
		}
		server.awaitTermination();
	}

	static ToolServer server(Map<String, String> options, ConsentPage consent) {
		ToolServer.Builder builder = ToolServer.builder()
			.name("text-stats")
			.version(options.getOrDefault("--version", defaultVersion()))
			.protocolVersion(options.getOrDefault("--protocol-version", ToolServer.PROTOCOL_VERSION))
			.port(Integer.parseInt(options.getOrDefault("--port", "50051")))
			.sharedSecret(options.getOrDefault("--secret", System.getenv("QUANTRA_SERVICE_SECRET")))
			.maxFrameSize(Integer.parseInt(
					options.getOrDefault("--max-frame-size", Integer.toString(FrameChunker.DEFAULT_MAX_FRAME_SIZE))))
			.handler(TextStats.PLUGIN_ID, new TextStats())
			.handler(Echo.PLUGIN_ID, new Echo())
			.handler(Sleep.PLUGIN_ID, new Sleep());
		if (consent != null) {
			builder.handler(AuthorizedEcho.PLUGIN_ID, new AuthorizedEcho(consent));
		}
		if (options.containsKey("--tls-cert") != options.containsKey("--tls-key")) {
			throw new IllegalArgumentException("--tls-cert and --tls-key go together");
		}
		if (options.containsKey("--tls-cert")) {
			builder.tls(new File(options.get("--tls-cert")), new File(options.get("--tls-key")));
		}
		return builder.build();
	}

	static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String name = args[i];
			String value = null;
			int equals = name.indexOf('=');
			if (equals > 0) {
				value = name.substring(equals + 1);
				name = name.substring(0, equals);
			}
			if (!OPTIONS.contains(name)) {
				throw new IllegalArgumentException("unknown option '" + name + "'");
			}
			if (value == null) {
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("option '" + name + "' needs a value");
				}
				value = args[++i];
			}
			options.put(name, value);
		}
		return options;
	}

	private static String defaultVersion() {
		String version = TextStatsService.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "1.0.0";
	}

}
