package io.quantra.identity;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small OpenID Connect provider on 127.0.0.1 for tests: discovery, JWKS and a token
 * endpoint that checks PKCE. A test decides what the user "approved" by registering a
 * code.
 */
class MockOidcProvider implements AutoCloseable {

	static final String CLIENT_ID = "quantra-test-client";

	static final String CLIENT_SECRET = "quantra-test-secret";

	private final HttpServer server;

	private final RSAKey key;

	private final Map<String, Grant> grants = new ConcurrentHashMap<>();

	MockOidcProvider() throws Exception {
		this.key = new RSAKeyGenerator(2048).keyID("test-key").generate();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/.well-known/openid-configuration",
				(exchange) -> json(exchange, 200,
						"{\"issuer\": \"" + issuer() + "\", \"authorization_endpoint\": \"" + issuer()
								+ "/authorize\", " + "\"token_endpoint\": \"" + issuer() + "/token\", \"jwks_uri\": \""
								+ issuer() + "/jwks\"}"));
		this.server.createContext("/jwks",
				(exchange) -> json(exchange, 200, new JWKSet(this.key.toPublicJWK()).toString()));
		this.server.createContext("/token", this::token);
		this.server.start();
	}

	String issuer() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * What the provider will vouch for when Quantra redeems {@code code}.
	 */
	String approve(String email, boolean verified, String nonce, String codeChallenge, RSAKey signingKey) {
		String code = UUID.randomUUID().toString();
		this.grants.put(code,
				new Grant(email, verified, nonce, codeChallenge, (signingKey != null) ? signingKey : this.key));
		return code;
	}

	String approve(String email, String nonce, String codeChallenge) {
		return approve(email, true, nonce, codeChallenge, this.key);
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		Grant grant = this.grants.remove(form.getOrDefault("code", ""));
		if (grant == null || !CLIENT_ID.equals(form.get("client_id"))
				|| !CLIENT_SECRET.equals(form.get("client_secret"))
				|| !"authorization_code".equals(form.get("grant_type"))
				|| !grant.codeChallenge().equals(s256(form.getOrDefault("code_verifier", "")))) {
			json(exchange, 400, "{\"error\": \"invalid_grant\"}");
			return;
		}
		try {
			JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer())
				.audience(List.of(CLIENT_ID))
				.subject("sub-" + grant.email())
				.issueTime(new Date())
				.expirationTime(Date.from(Instant.now().plusSeconds(300)))
				.claim("nonce", grant.nonce())
				.claim("email", grant.email())
				.claim("email_verified", grant.verified())
				.claim("given_name", "Oidc")
				.claim("family_name", "User")
				.build();
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(grant.signingKey().getKeyID()).build(), claims);
			jwt.sign(new RSASSASigner(grant.signingKey()));
			json(exchange, 200, "{\"access_token\": \"opaque\", \"token_type\": \"Bearer\", \"id_token\": \""
					+ jwt.serialize() + "\"}");
		}
		catch (Exception ex) {
			json(exchange, 500, "{\"error\": \"server_error\"}");
		}
	}

	static String s256(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Map<String, String> parse(String query) {
		Map<String, String> values = new HashMap<>();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return values;
	}

	private static void json(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private record Grant(String email, boolean verified, String nonce, String codeChallenge, RSAKey signingKey) {
	}

}
