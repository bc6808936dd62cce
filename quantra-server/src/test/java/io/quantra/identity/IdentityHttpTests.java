package io.quantra.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Response;
import io.quantra.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What identity tests over real HTTP share: a client for the test server, accounts with
 * known passwords, the server's clock, and the steps of each way to sign in.
 */
abstract class IdentityHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestClock clock;

	HttpTestClient http;

	@BeforeEach
	void connect() {
		this.http = HttpTestClient.local(this.port);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	Response login(String email, String password) {
		return this.http.postJson("/login", "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}");
	}

	Response tokenLogin(String email, String password) {
		return this.http.postJson("/auth/login", "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}");
	}

	Response refresh(String refreshToken) {
		return this.http.postJson("/auth/refresh", "{\"refresh_token\": \"" + refreshToken + "\"}");
	}

	String staffToken() {
		return tokenLogin(this.accounts.staff("admin"), TestAccounts.PASSWORD).json().get("access_token").asString();
	}

	static String[] bearer(String token) {
		return new String[] { "Authorization", "Bearer " + token };
	}

	static String cookies(Response login) {
		return "quantra_session=" + login.cookie("quantra_session") + "; quantra_csrf=" + login.cookie("quantra_csrf");
	}

	static JsonNode claims(String jwt) {
		String payload = jwt.split("\\.")[1];
		return JsonMapper.builder()
			.build()
			.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
	}

}
