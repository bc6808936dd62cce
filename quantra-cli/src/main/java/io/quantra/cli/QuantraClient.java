package io.quantra.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Quantra's REST API over {@link HttpClient}: JSON requests with the API token as bearer
 * credential, problem-details answers turned into {@link ApiError}s, and the run event
 * stream read as Server-Sent Events. With {@code --verbose} it logs each request's
 * method, path, status and request id to standard error, never a header or a body.
 */
final class QuantraClient {

	static final String REQUEST_ID = "X-Request-ID";

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);

	private final URI base;

	private final String token;

	private final HttpClient http;

	private final JsonMapper json;

	private final PrintWriter verbose;

	private final Trust trust;

	QuantraClient(URI base, Trust trust, String token, JsonMapper json, PrintWriter verbose) {
		this.base = base;
		this.trust = trust;
		this.token = token;
		this.json = json;
		this.verbose = verbose;
		HttpClient.Builder builder = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(CONNECT_TIMEOUT)
			.followRedirects(HttpClient.Redirect.NEVER);
		if ("https".equalsIgnoreCase(base.getScheme())) {
			builder.sslContext(trust.sslContext());
		}
		this.http = builder.build();
	}

	URI base() {
		return this.base;
	}

	JsonNode get(String path) {
		return call("GET", path, null, Map.of()).body();
	}

	JsonNode post(String path, JsonNode body) {
		return call("POST", path, body, Map.of()).body();
	}

	JsonNode delete(String path) {
		return call("DELETE", path, null, Map.of()).body();
	}

	/**
	 * Sends one request and answers the response of a 2xx status.
	 * @throws ApiError for any other status
	 * @throws CliException when the server cannot be reached
	 */
	Response call(String method, String path, JsonNode body, Map<String, String> headers) {
		HttpRequest.Builder request = request(path).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
		headers.forEach(request::header);
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		long started = System.nanoTime();
		HttpResponse<String> response = send(request.build(), HttpResponse.BodyHandlers.ofString());
		String requestId = response.headers().firstValue(REQUEST_ID).orElse(null);
		log(method + " " + path + " -> " + response.statusCode() + " in "
				+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms"
				+ ((requestId != null) ? " (request id " + requestId + ")" : ""));
		JsonNode parsed = parse(response.body());
		if (response.statusCode() >= 300) {
			throw ApiError.of(response.statusCode(), parsed, requestId);
		}
		Map<String, String> responseHeaders = new LinkedHashMap<>();
		response.headers().map().forEach((name, values) -> responseHeaders.put(name.toLowerCase(), values.get(0)));
		return new Response(response.statusCode(), responseHeaders, parsed);
	}

	/**
	 * Reads a run's events from {@code path} after {@code lastEventId} and hands each to
	 * {@code handler} until it answers false, the server ends the stream, or no event has
	 * come for {@code idleLimit} (null: wait as long as the server keeps it open).
	 * @return whether the handler asked to stop
	 */
	boolean events(String path, String lastEventId, Duration idleLimit, Predicate<ServerEvent> handler) {
		HttpRequest.Builder request = request(path).header("Accept", "text/event-stream").GET();
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		HttpResponse<InputStream> response = send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		String requestId = response.headers().firstValue(REQUEST_ID).orElse(null);
		log("GET " + path + " -> " + response.statusCode() + " (event stream"
				+ ((requestId != null) ? ", request id " + requestId : "") + ")");
		if (response.statusCode() >= 300) {
			String text;
			try (InputStream in = response.body()) {
				text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				text = "";
			}
			throw ApiError.of(response.statusCode(), parse(text), requestId);
		}
		AtomicLong lastActivity = new AtomicLong(System.nanoTime());
		AtomicBoolean idle = new AtomicBoolean();
		InputStream stream = response.body();
		Thread watchdog = (idleLimit != null) ? watchdog(stream, lastActivity, idleLimit, idle) : null;
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
			String id = null;
			String type = "message";
			StringBuilder data = new StringBuilder();
			String line;
			while ((line = reader.readLine()) != null) {
				lastActivity.set(System.nanoTime());
				if (line.isEmpty()) {
					if (data.length() > 0) {
						String raw = data.toString();
						if (!handler.test(new ServerEvent(id, type, parse(raw), raw))) {
							return true;
						}
					}
					type = "message";
					data.setLength(0);
				}
				else if (line.startsWith("id:")) {
					id = field(line);
				}
				else if (line.startsWith("event:")) {
					type = field(line);
				}
				else if (line.startsWith("data:")) {
					if (data.length() > 0) {
						data.append('\n');
					}
					data.append(field(line));
				}
			}
			return false;
		}
		catch (IOException ex) {
			if (idle.get()) {
				return false;
			}
			throw new StreamInterrupted(ex);
		}
		finally {
			if (watchdog != null) {
				watchdog.interrupt();
			}
		}
	}

	private static Thread watchdog(InputStream stream, AtomicLong lastActivity, Duration limit, AtomicBoolean idle) {
		Thread thread = new Thread(() -> {
			try {
				while (System.nanoTime() - lastActivity.get() < limit.toNanos()) {
					Thread.sleep(50);
				}
				idle.set(true);
				stream.close();
			}
			catch (InterruptedException | IOException ex) {
				// the stream ended first
			}
		}, "quantra-stream-watchdog");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	private static String field(String line) {
		String value = line.substring(line.indexOf(':') + 1);
		return value.startsWith(" ") ? value.substring(1) : value;
	}

	private HttpRequest.Builder request(String path) {
		// relative to the base, so a server behind a path prefix keeps it
		String relative = path.startsWith("/") ? path.substring(1) : path;
		HttpRequest.Builder builder = HttpRequest.newBuilder(this.base.resolve(relative))
			.header("User-Agent", "quantra-cli/" + Version.current());
		if (this.token != null) {
			builder.header("Authorization", "Bearer " + this.token);
		}
		return builder;
	}

	private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
		try {
			return this.http.send(request, handler);
		}
		catch (SSLHandshakeException ex) {
			throw new CliException(ExitCodes.SERVER, "The certificate of " + this.base
					+ " is not trusted (Quantra's own is self-signed). Trust it with --ca-cert FILE (its "
					+ "data/tls/certificate.pem), or skip the check with --insecure (only for a server you know).", ex);
		}
		catch (SSLException ex) {
			throw new CliException(ExitCodes.SERVER, "TLS with " + this.base + " failed: " + ex.getMessage()
					+ ((this.trust.insecure() || this.trust.caCert() != null) ? "" : " (is it an http:// server?)"),
					ex);
		}
		catch (HttpConnectTimeoutException ex) {
			throw new CliException(ExitCodes.SERVER, "Connecting to " + this.base + " timed out.", ex);
		}
		catch (HttpTimeoutException ex) {
			throw new CliException(ExitCodes.SERVER, this.base + " did not answer in time.", ex);
		}
		catch (ConnectException ex) {
			throw new CliException(ExitCodes.SERVER,
					"Cannot connect to " + this.base + ": is Quantra running there (./quantra serve)?", ex);
		}
		catch (IOException ex) {
			if (ex.getCause() instanceof UnresolvedAddressException) {
				throw new CliException(ExitCodes.SERVER, "Unknown host in " + this.base + ".", ex);
			}
			throw new CliException(ExitCodes.SERVER, "The request to " + this.base + " failed: "
					+ ((ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName()), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliException(ExitCodes.SERVER, "Interrupted.", ex);
		}
		catch (IllegalArgumentException ex) {
			throw CliException.usage("Not a valid server address: " + this.base);
		}
	}

	private JsonNode parse(String text) {
		if (text == null || text.isBlank()) {
			return JsonNodeFactory.instance.missingNode();
		}
		try {
			return this.json.readTree(text);
		}
		catch (JacksonException ex) {
			return JsonNodeFactory.instance.stringNode(text);
		}
	}

	private void log(String line) {
		if (this.verbose != null) {
			this.verbose.println("quantra: " + line);
			this.verbose.flush();
		}
	}

	/**
	 * A 2xx answer.
	 *
	 * @param status the HTTP status
	 * @param headers the response headers, names in lower case
	 * @param body the body as JSON (a missing node when empty)
	 */
	record Response(int status, Map<String, String> headers, JsonNode body) {
	}

	/** The event stream broke off before it ended; the caller may resume it. */
	static final class StreamInterrupted extends RuntimeException {

		StreamInterrupted(IOException cause) {
			super(cause.getMessage(), cause);
		}

	}

}
