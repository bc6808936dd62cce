package io.quantra.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Response;
import io.quantra.OnH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's files over HTTP: served to anyone from the jar, under a policy that lets
 * the page run only this server's scripts, and nothing else of the jar reachable.
 */
@OnH2
class ConsolePagesIntegrationTests {

	@LocalServerPort
	int port;

	HttpTestClient http;

	@BeforeEach
	void connect() {
		this.http = HttpTestClient.local(this.port);
	}

	@Test
	void thePageAllowsItsImportMapByHashAndNoOtherInlineScript() throws Exception {
		Response page = this.http.get("/");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		Matcher map = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL).matcher(page.body());
		assertThat(map.find()).isTrue();
		String hash = Base64.getEncoder()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(map.group(1).getBytes(StandardCharsets.UTF_8)));
		String policy = page.header("Content-Security-Policy");
		assertThat(policy).contains("script-src 'self' 'sha256-" + hash + "'")
			.contains("frame-ancestors 'none'")
			.contains("object-src 'none'")
			.doesNotContain("unsafe-inline")
			.doesNotContain("unsafe-eval");
		assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(page.body()).doesNotContain("http://").doesNotContain("https://");
	}

	@Test
	void scriptsAndPreactComeFromThisServerWithoutSigningIn() {
		Response app = this.http.get("/console/app.js");
		assertThat(app.status()).isEqualTo(200);
		assertThat(app.header("Content-Type")).contains("javascript");
		assertThat(app.header("Content-Security-Policy")).isNotNull();
		assertThat(this.http.get("/webjars/preact/dist/preact.module.js").status()).isEqualTo(200);
		assertThat(this.http.get("/webjars/preact/hooks/dist/hooks.module.js").status()).isEqualTo(200);
		assertThat(this.http.get("/favicon.ico").status()).isEqualTo(200);
	}

	@Test
	void nothingOutsideTheConsolesFolderIsServed() {
		assertThat(this.http.get("/console/missing.js").status()).isEqualTo(404);
		assertThat(this.http.get("/console/../application.yml").status()).isIn(400, 404);
		assertThat(this.http.get("/console/%2e%2e/application.yml").status()).isIn(400, 404);
		assertThat(this.http.get("/application.yml").status()).isIn(401, 404);
	}

}
