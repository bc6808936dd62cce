package io.quantra.services.textstats;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for an external OAuth2 provider and the service's redirect endpoint in one:
 * {@code GET /authorize?state=S} approves the request {@code S} at once and answers with
 * a page the user may close. A real tool sends the user to its provider instead and
 * learns of the approval from the provider's redirect to the service; the waiting is the
 * same.
 */
final class ConsentPage implements AutoCloseable {

	private static final Pattern STATE = Pattern.compile("(?:^|&)state=([0-9a-f-]{36})(?:&|$)");

	private final HttpServer server;

	private final String host;

	private final Map<String, CountDownLatch> pending = new ConcurrentHashMap<>();

	private ConsentPage(HttpServer server, String host) {
		this.server = server;
		this.host = host;
	}

	/**
	 * Serves the page on {@code port} ({@code 0} for a free one); {@code host} is the
	 * name users' browsers reach the service by.
	 */
	static ConsentPage start(String host, int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(port), 16);
		ConsentPage page = new ConsentPage(server, host);
		server.createContext("/authorize", page::authorize);
		server.setExecutor(Executors.newFixedThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "text-stats-consent");
			thread.setDaemon(true);
			return thread;
		}));
		server.start();
		return page;
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	/** A new request for authorization: its state and the URL that approves it. */
	Request request() {
		String state = UUID.randomUUID().toString();
		this.pending.put(state, new CountDownLatch(1));
		return new Request(state,
				"http://" + this.host + ":" + port() + "/authorize?client_id=text-stats&state=" + state);
	}

	/**
	 * Waits until the request is approved; false when {@code timeout} passed first.
	 * @throws InterruptedException when the call was cancelled
	 */
	boolean await(Request request, Duration timeout) throws InterruptedException {
		try {
			return this.pending.get(request.state()).await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		finally {
			this.pending.remove(request.state());
		}
	}

	private void authorize(HttpExchange exchange) throws IOException {
		String query = exchange.getRequestURI().getRawQuery();
		Matcher state = STATE.matcher((query != null) ? query : "");
		CountDownLatch waiting = state.find() ? this.pending.get(state.group(1)) : null;
		if (waiting != null) {
			waiting.countDown();
		}
		String page = (waiting != null) ? "Authorised. You can close this tab; the run goes on."
				: "This authorization request is unknown or has expired.";
		byte[] body = page.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
		exchange.sendResponseHeaders((waiting != null) ? 200 : 404, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Request(String state, String url) {
	}

}
