package io.quantra.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1, as a customer would write one: it records every
 * request, answers with the status it is told to, and verifies signatures the way the
 * Standard Webhooks specification describes, independently of Quantra's code.
 */
final class WebhookReceiver implements AutoCloseable {

	/** The tolerance the specification suggests for {@code webhook-timestamp}. */
	static final Duration TOLERANCE = Duration.ofMinutes(5);

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private volatile int status = 200;

	private volatile String answer = "ok";

	private WebhookReceiver() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	static WebhookReceiver start() {
		return new WebhookReceiver();
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	String url(String path) {
		return "http://127.0.0.1:" + port() + path;
	}

	/** From now on, answers every request with this status and body. */
	void answer(int status, String body) {
		this.answer = body;
		this.status = status;
	}

	List<Received> received(String path) {
		return this.received.stream().filter((r) -> r.path().equals(path)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			Map<String, String> headers = new TreeMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
			this.received.add(new Received(Instant.now(), exchange.getRequestMethod(),
					exchange.getRequestURI().getPath(), headers, body));
			byte[] answer = this.answer.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(this.status, (answer.length == 0) ? -1 : answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/** One request as it arrived. */
	record Received(Instant at, String method, String path, Map<String, String> headers, String body) {

		String header(String name) {
			return this.headers.get(name);
		}

		/**
		 * Whether the request carries a valid {@code v1} signature by {@code secret} and
		 * a timestamp within the tolerance of when it arrived.
		 */
		boolean signedWith(String secret) {
			String id = header("webhook-id");
			String timestamp = header("webhook-timestamp");
			String signatures = header("webhook-signature");
			if (id == null || timestamp == null || signatures == null || !timestamp.matches("\\d{1,12}")) {
				return false;
			}
			Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
			if (Duration.between(sent, this.at).abs().compareTo(TOLERANCE) > 0) {
				return false;
			}
			byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
			byte[] expected;
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(key, "HmacSHA256"));
				expected = mac.doFinal((id + "." + timestamp + "." + this.body).getBytes(StandardCharsets.UTF_8));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
			for (String signature : signatures.split(" ")) {
				String[] parts = signature.split(",", 2);
				if (parts.length == 2 && parts[0].equals("v1") && MessageDigest.isEqual(expected,
						Base64.getDecoder().decode(parts[1].getBytes(StandardCharsets.US_ASCII)))) {
					return true;
				}
			}
			return false;
		}

	}

}
