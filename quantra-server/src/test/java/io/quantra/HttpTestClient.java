package io.quantra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.net.ssl.SSLContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to a started Quantra server over real HTTP, the way any client does.
 */
public final class HttpTestClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final HttpClient client;

	public HttpTestClient(String base) {
		this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
	}

	private HttpTestClient(String base, HttpClient client) {
		this.base = base;
		this.client = client;
	}

	public static HttpTestClient local(int port) {
		return new HttpTestClient("http://localhost:" + port);
	}

	public static HttpTestClient tls(int port, SSLContext trust) {
		return new HttpTestClient("https://localhost:" + port,
				HttpClient.newBuilder().sslContext(trust).connectTimeout(Duration.ofSeconds(5)).build());
	}

	public Response get(String path, String... headers) {
		return send(request(path, headers).GET().build());
	}

	public Response send(String method, String path, String json, String[] auth, String... headers) {
		String[] all = new String[auth.length + headers.length];
		System.arraycopy(auth, 0, all, 0, auth.length);
		System.arraycopy(headers, 0, all, auth.length, headers.length);
		return send(method, path, json, all);
	}

	public Response send(String method, String path, String json, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.method(method, BodyPublishers.ofString(json))
			.build());
	}

	public Response postJson(String path, String json, String... headers) {
		return send(request(path, headers).header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(json))
			.build());
	}

	public Response send(String method, String path, BodyPublisher body, String... headers) {
		return send(request(path, headers).method(method, body).build());
	}

	/**
	 * Reads a whole Server-Sent Events stream until the server ends it: {id, event, data}
	 * per event; {@code lastEventId} (or null) resumes after that event.
	 */
	public java.util.List<String[]> events(String path, String lastEventId, String... auth) throws Exception {
		HttpRequest.Builder request = request(path, auth).timeout(Duration.ofSeconds(60)).GET();
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		HttpResponse<java.util.stream.Stream<String>> response = HttpClient.newHttpClient()
			.send(request.build(), BodyHandlers.ofLines());
		if (response.statusCode() != 200
				|| !response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
			throw new AssertionError("not an event stream: " + response.statusCode() + " " + response.headers());
		}
		java.util.List<String[]> events = new java.util.ArrayList<>();
		String[] current = new String[3];
		for (String line : (Iterable<String>) response.body()::iterator) {
			if (line.startsWith("id:")) {
				current[0] = line.substring(3).trim();
			}
			else if (line.startsWith("event:")) {
				current[1] = line.substring(6).trim();
			}
			else if (line.startsWith("data:")) {
				current[2] = line.substring(5).trim();
			}
			else if (line.isEmpty() && current[0] != null) {
				events.add(current);
				current = new String[3];
			}
		}
		return events;
	}

	/** Posts a multipart/form-data body of the given parts. */
	public Response multipart(String path, String[] auth, Part... parts) {
		String boundary = "----quantra" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (Part part : parts) {
			StringBuilder head = new StringBuilder("--" + boundary + "\r\n");
			head.append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
			if (part.filename() != null) {
				head.append("; filename=\"").append(part.filename().replace("\"", "%22")).append('"');
				head.append("\r\nContent-Type: application/octet-stream");
			}
			head.append("\r\n\r\n");
			body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
			body.writeBytes(part.bytes());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path, auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	public HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30));
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return builder;
	}

	public Response send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.client.send(request, BodyHandlers.ofString());
			return new Response(response);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Request to " + request.uri() + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A response with its body read as text, and as JSON on demand.
	 */
	public record Response(HttpResponse<String> raw) {

		public int status() {
			return this.raw.statusCode();
		}

		public String body() {
			return this.raw.body();
		}

		public String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		public Map<String, java.util.List<String>> headers() {
			return this.raw.headers().map();
		}

		/** The value of a cookie this response sets, or {@code null}. */
		public String cookie(String name) {
			return this.raw.headers()
				.allValues("Set-Cookie")
				.stream()
				.filter((c) -> c.startsWith(name + "="))
				.map((c) -> c.substring(name.length() + 1, c.indexOf(';') > 0 ? c.indexOf(';') : c.length()))
				.findFirst()
				.orElse(null);
		}

		/** The whole Set-Cookie header of a cookie, attributes included. */
		public String setCookie(String name) {
			return this.raw.headers()
				.allValues("Set-Cookie")
				.stream()
				.filter((c) -> c.startsWith(name + "="))
				.findFirst()
				.orElse(null);
		}

		public JsonNode json() {
			return JSON.readTree(this.raw.body());
		}

		@Override
		public String toString() {
			return this.raw.statusCode() + " " + this.raw.body();
		}

	}

	/** One part of a multipart body; a file when it has a filename. */
	public record Part(String name, String filename, byte[] bytes) {
	}

}
