package io.quantra.identity;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.quantra.HttpTestClient;
import io.quantra.HttpTestClient.Response;
import io.quantra.TestDatabases;
import io.quantra.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in through an OpenID Connect provider (the authorization-code flow with PKCE),
 * against a mock provider started by the test.
 */
class OidcLoginIntegrationTests {

	static MockOidcProvider provider;

	static ConfigurableApplicationContext server;

	static HttpTestClient http;

	@BeforeAll
	static void start() throws Exception {
		provider = new MockOidcProvider();
		Map<String, Object> properties = new HashMap<>(TestDatabases.h2());
		properties.put("quantra.oidc.issuer", provider.issuer());
		properties.put("quantra.oidc.client-id", MockOidcProvider.CLIENT_ID);
		properties.put("quantra.oidc.client-secret", MockOidcProvider.CLIENT_SECRET);
		properties.put("quantra.rate-limits.enabled", "false");
		server = TestServers.start(properties);
		http = HttpTestClient.local(TestServers.port(server));
	}

	@AfterAll
	static void stop() {
		server.close();
		provider.close();
	}

	@Test
	void aVerifiedAddressSignsInItsAccount() {
		String email = server.getBean(TestAccounts.class).user("oidc");
		Map<String, String> authorize = authorize();
		assertThat(authorize.get("client_id")).isEqualTo(MockOidcProvider.CLIENT_ID);
		assertThat(authorize.get("code_challenge_method")).isEqualTo("S256");
		assertThat(authorize.get("scope")).contains("openid").contains("email");
		assertThat(authorize.get("redirect_uri")).endsWith("/api/auth/google/callback");

		String code = provider.approve(email, authorize.get("nonce"), authorize.get("code_challenge"));
		Response callback = callback(code, authorize.get("state"));
		assertThat(callback.status()).isEqualTo(200);
		assertThat(callback.json().get("user").get("email").asString()).isEqualTo(email);
		String access = callback.json().get("accessToken").asString();
		assertThat(http.get("/api/auth/me", "Authorization", "Bearer " + access).status()).isEqualTo(200);

		assertThat(callback(code, authorize.get("state")).status()).as("state is single use").isEqualTo(400);
	}

	@Test
	void unknownStateIsRefused() {
		assertThat(callback("some-code", "forged-state").status()).isEqualTo(400);
	}

	@Test
	void anIdTokenForAnotherLoginIsRefused() {
		String email = server.getBean(TestAccounts.class).user("nonce");
		Map<String, String> authorize = authorize();
		String code = provider.approve(email, "another-nonce", authorize.get("code_challenge"));
		Response callback = callback(code, authorize.get("state"));
		assertThat(callback.status()).isEqualTo(401);
		assertThat(callback.json().get("error").asString()).contains("nonce");
	}

	@Test
	void anIdTokenSignedWithAnotherKeyIsRefused() throws Exception {
		String email = server.getBean(TestAccounts.class).user("forged");
		Map<String, String> authorize = authorize();
		String code = provider.approve(email, true, authorize.get("nonce"), authorize.get("code_challenge"),
				new RSAKeyGenerator(2048).keyID("test-key").generate());
		Response callback = callback(code, authorize.get("state"));
		assertThat(callback.status()).isEqualTo(401);
		assertThat(callback.json().get("error").asString()).contains("signature");
	}

	@Test
	void anUnverifiedAddressIsRefused() {
		String email = server.getBean(TestAccounts.class).user("unverified");
		Map<String, String> authorize = authorize();
		String code = provider.approve(email, false, authorize.get("nonce"), authorize.get("code_challenge"), null);
		Response callback = callback(code, authorize.get("state"));
		assertThat(callback.status()).isEqualTo(401);
		assertThat(callback.json().get("error").asString()).contains("verified");
	}

	@Test
	void anAddressWithoutAnAccountGetsNoneUnlessConfigured() {
		Map<String, String> authorize = authorize();
		String code = provider.approve("stranger-" + System.nanoTime() + "@example.com", authorize.get("nonce"),
				authorize.get("code_challenge"));
		Response callback = callback(code, authorize.get("state"));
		assertThat(callback.status()).isEqualTo(403);
		assertThat(callback.json().get("code").asString()).isEqualTo("PERMISSION_DENIED");
	}

	private static Map<String, String> authorize() {
		Response start = http.get("/api/auth/google");
		assertThat(start.status()).isEqualTo(302);
		URI location = URI.create(start.header("Location"));
		assertThat(location.toString()).startsWith(provider.issuer() + "/authorize?");
		return MockOidcProvider.parse(location.getRawQuery());
	}

	private static Response callback(String code, String state) {
		return http.get("/api/auth/google/callback?code=" + code + "&state=" + state);
	}

}
