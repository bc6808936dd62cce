package io.quantra.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Response;
import io.quantra.OnH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every failure a client can provoke is answered with problem details that carry error,
 * code, detail and request_id, over real HTTP against a started server.
 */
@OnH2
class ConventionsIntegrationTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	HttpTestClient http;

	@BeforeEach
	void connect() {
		this.http = HttpTestClient.local(this.port);
	}

	@Test
	void unknownRouteIsNotFound() {
		Response response = this.http.get("/no/such/route");
		assertProblem(response, 404, "NOT_FOUND");
		assertThat(response.json().get("error").asString()).contains("GET /no/such/route");
		assertThat(response.json().get("instance").asString()).isEqualTo("/no/such/route");
	}

	@Test
	void wrongMethodIsNotAllowedAndNamesTheAllowedOnes() {
		Response response = this.http.send("DELETE", "/version", BodyPublishers.noBody());
		assertProblem(response, 405, "METHOD_NOT_ALLOWED");
		assertThat(response.header("Allow")).contains("GET");
		assertThat(response.json().get("error").asString()).contains("DELETE").contains("GET");
	}

	@Test
	void wrongContentTypeIsUnsupportedMediaType() {
		Response response = this.http.send("POST", "/test-probe/echo", BodyPublishers.ofString("name=x"),
				"Content-Type", "text/plain");
		assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
		assertThat(response.json().get("error").asString()).contains("text/plain").contains("application/json");
	}

	@Test
	void malformedJsonIsBadRequestWithItsPosition() {
		Response response = this.http.postJson("/test-probe/echo", "{\"name\": \"a\",\n \"count\": }");
		assertProblem(response, 400, "BAD_REQUEST");
		assertThat(response.json().get("error").asString()).startsWith("Malformed JSON").contains("line 2");
	}

	@Test
	void wrongJsonTypeIsBadRequestNamingTheField() {
		Response response = this.http.postJson("/test-probe/echo", "{\"name\": \"a\", \"count\": \"many\"}");
		assertProblem(response, 400, "BAD_REQUEST");
		assertThat(response.json().get("error").asString()).contains("'count'").contains("a number");
	}

	@Test
	void missingBodyIsBadRequest() {
		Response response = this.http.postJson("/test-probe/echo", "");
		assertProblem(response, 400, "BAD_REQUEST");
		assertThat(response.json().get("error").asString()).contains("request body is required");
	}

	@Test
	void invalidFieldIsValidationErrorListingTheField() {
		Response response = this.http.postJson("/test-probe/echo", "{\"name\": \" \", \"count\": 2}");
		assertProblem(response, 400, "VALIDATION_ERROR");
		JsonNode errors = response.json().get("errors");
		assertThat(errors.size()).isEqualTo(1);
		assertThat(errors.get(0).get("field").asString()).isEqualTo("name");
	}

	@Test
	void validJsonIsAccepted() {
		Response response = this.http.postJson("/test-probe/echo",
				"{\"name\": \"a\", \"count\": 2, \"tags\": [\"x\"]}");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("tags").get(0).asString()).isEqualTo("x");
	}

	@Test
	void oversizedBodyWithDeclaredLengthIsRefusedBeforeItIsSent() throws IOException {
		// Only the headers go out: the server must answer from the declared length alone.
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			String head = "POST /test-probe/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Content-Length: " + (6 * 1024 * 1024) + "\r\nExpect: 100-continue\r\n\r\n";
			socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			String response = new String(socket.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
			assertThat(response).startsWith("HTTP/1.1 413")
				.contains("application/problem+json")
				.contains("\"code\":\"PAYLOAD_TOO_LARGE\"")
				.contains("\"request_id\"");
		}
	}

	@Test
	void oversizedChunkedBodyIsRefusedWhileReading() {
		byte[] body = jsonOfSize(6 * 1024 * 1024);
		Response response = this.http.send(this.http.request("/test-probe/echo", "Content-Type", "application/json")
			.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build());
		assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
	}

	@Test
	void unhandledFailureIsInternalErrorWithoutInternals() {
		Response response = this.http.get("/test-probe/boom");
		assertProblem(response, 500, "INTERNAL_ERROR");
		assertThat(response.body()).doesNotContain("IllegalStateException")
			.doesNotContain("hunter2")
			.doesNotContain("io.quantra")
			.doesNotContain("\tat ");
		assertThat(response.json().get("error").asString()).contains("request id");
	}

	@Test
	void routeWithoutAPublicRuleNeedsAuthentication() {
		Response response = this.http.get("/test-probe/private");
		assertProblem(response, 401, "UNAUTHORIZED");
		assertThat(response.body()).doesNotContain("secret");
	}

	@Test
	void wellFormedRequestIdIsEchoed() {
		Response response = this.http.get("/version", "X-Request-ID", "client-trace.42");
		assertThat(response.header("X-Request-ID")).isEqualTo("client-trace.42");
		Response failure = this.http.get("/missing", "X-Request-ID", "client-trace.43");
		assertThat(failure.json().get("request_id").asString()).isEqualTo("client-trace.43");
	}

	@Test
	void malformedRequestIdIsReplacedWithAUuid() {
		String tooLong = "x".repeat(200);
		for (String bad : new String[] { "has spaces", tooLong, "semi;colon" }) {
			Response response = this.http.get("/version", "X-Request-ID", bad);
			assertThat(response.header("X-Request-ID")).isNotEqualTo(bad)
				.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		}
	}

	@Test
	void everyResponseCarriesSecurityHeaders() {
		for (Response response : new Response[] { this.http.get("/version"), this.http.get("/missing"),
				this.http.get("/test-probe/private") }) {
			assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
			assertThat(response.header("X-Request-ID")).isNotBlank();
			// HSTS is only sent over TLS
			assertThat(response.header("Strict-Transport-Security")).isNull();
		}
	}

	@Test
	void corsPreflightFromAllowedOriginIsAnswered() {
		Response response = this.http.send("OPTIONS", "/version", BodyPublishers.noBody(), "Origin",
				"http://localhost:3000", "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers",
				"Authorization, X-Request-ID");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
		assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
		assertThat(response.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
	}

	@Test
	void corsRequestFromUnknownOriginIsRefused() {
		Response response = this.http.send("OPTIONS", "/version", BodyPublishers.noBody(), "Origin",
				"https://evil.example", "Access-Control-Request-Method", "GET");
		assertProblem(response, 403, "PERMISSION_DENIED");
		assertThat(response.header("Access-Control-Allow-Origin")).isNull();
		assertThat(response.json().get("error").asString()).contains("ALLOWED_ORIGINS");
	}

	@Test
	void versionReportsTheBuildVersion() {
		Response response = this.http.get("/version");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("platform").asString()).matches("\\d+\\.\\d+\\.\\d+.*");
		assertThat(response.json().get("api_version").asString()).isEqualTo("v1");
	}

	@Test
	void healthReportsEachCheck() {
		Response response = this.http.get("/health");
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("status").asString()).isEqualTo("healthy");
		for (String check : new String[] { "api", "database", "disk", "memory" }) {
			assertThat(body.get("checks").get(check).get("status").asString()).as(check).isEqualTo("up");
		}
	}

	@Test
	void apiReferenceIsServedFromTheJar() {
		Response spec = this.http.get("/openapi.json");
		assertThat(spec.status()).isEqualTo(200);
		assertThat(spec.json().get("openapi").asString()).startsWith("3.1");
		assertThat(spec.json().get("paths").has("/version")).isTrue();
		assertThat(spec.json().get("paths").has("/health")).isTrue();

		Response swagger = this.http.get("/swagger-ui/index.html");
		assertThat(swagger.status()).isEqualTo(200);
		assertThat(swagger.body()).contains("swagger-ui");
		Response docs = this.http.get("/docs");
		assertThat(docs.status()).isIn(200, 302);

		Response redoc = this.http.get("/redoc");
		assertThat(redoc.status()).isEqualTo(200);
		assertThat(redoc.body()).contains("spec-url=\"/openapi.json\"");
		Response script = this.http.get("/webjars/redoc/redoc.standalone.js");
		assertThat(script.status()).isEqualTo(200);
		assertThat(script.body().length()).isGreaterThan(100_000);
	}

	@Test
	void metricsAreOnTheManagementPortOnly() {
		HttpTestClient management = HttpTestClient.local(this.managementPort);
		Response metrics = management.get("/manage/prometheus");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
		assertThat(this.http.get("/manage/prometheus").status()).isIn(401, 404);
	}

	static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode body = response.json();
		assertThat(body.get("status").asInt()).isEqualTo(status);
		assertThat(body.get("code").asString()).isEqualTo(code);
		assertThat(body.get("error").asString()).isNotBlank();
		assertThat(body.get("detail").asString()).isNotBlank();
		assertThat(body.get("title").asString()).isNotBlank();
		assertThat(body.get("request_id").asString()).isNotBlank().isEqualTo(response.header("X-Request-ID"));
	}

	private static byte[] jsonOfSize(int size) {
		byte[] body = new byte[size];
		Arrays.fill(body, (byte) ' ');
		byte[] start = "{\"name\": \"".getBytes();
		System.arraycopy(start, 0, body, 0, start.length);
		Arrays.fill(body, start.length, size - 2, (byte) 'a');
		body[size - 2] = '"';
		body[size - 1] = '}';
		return body;
	}

}
