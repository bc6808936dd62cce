package io.quantra.identity;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.quantra.platform.ApiException;
import io.quantra.platform.ErrorCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the OpenID Connect provider: discovery, the code-for-token exchange with PKCE,
 * and validation of the ID token against the provider's published keys (signature,
 * issuer, audience, expiry, nonce).
 */
class OidcClient {

	private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	private final OidcSettings settings;

	private final HttpClient http;

	private final JsonMapper json;

	private final Clock clock;

	private volatile Provider provider;

	private volatile JWKSet keys;

	OidcClient(OidcSettings settings, JsonMapper json, Clock clock) {
		this.settings = settings;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		this.json = json;
		this.clock = clock;
	}

	String authorizationUrl(String redirectUri, String state, String nonce, String codeChallenge) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("response_type", "code");
		query.put("client_id", this.settings.clientId());
		query.put("redirect_uri", redirectUri);
		query.put("scope", String.join(" ", this.settings.scopes()));
		query.put("state", state);
		query.put("nonce", nonce);
		query.put("code_challenge", codeChallenge);
		query.put("code_challenge_method", "S256");
		return provider().authorizationEndpoint() + "?" + form(query);
	}

	/**
	 * Exchanges the authorization code and returns the validated ID token's claims.
	 */
	JWTClaimsSet exchange(String code, String redirectUri, String codeVerifier, String nonce) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", redirectUri);
		form.put("client_id", this.settings.clientId());
		if (this.settings.clientSecret() != null && !this.settings.clientSecret().isBlank()) {
			form.put("client_secret", this.settings.clientSecret());
		}
		form.put("code_verifier", codeVerifier);
		HttpRequest request = HttpRequest.newBuilder(URI.create(provider().tokenEndpoint()))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form(form)))
			.build();
		JsonNode response = call(request, "The identity provider refused the login.");
		JsonNode idToken = response.get("id_token");
		if (idToken == null || !idToken.isString()) {
			throw providerFailure("The identity provider returned no ID token.");
		}
		return validate(idToken.asString(), nonce);
	}

	private JWTClaimsSet validate(String token, String nonce) {
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			JWK key = key(jwt.getHeader().getKeyID(), false);
			if (key == null) {
				key = key(jwt.getHeader().getKeyID(), true);
			}
			if (key == null || !jwt.verify(verifier(key))) {
				throw rejected("its signature does not verify");
			}
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			Date now = Date.from(this.clock.instant());
			if (!provider().issuer().equals(claims.getIssuer())) {
				throw rejected("it comes from another issuer");
			}
			List<String> audience = claims.getAudience();
			if (audience == null || !audience.contains(this.settings.clientId())) {
				throw rejected("it is meant for another client");
			}
			if (claims.getExpirationTime() == null
					|| claims.getExpirationTime().toInstant().plus(CLOCK_SKEW).isBefore(now.toInstant())) {
				throw rejected("it has expired");
			}
			if (!nonce.equals(claims.getStringClaim("nonce"))) {
				throw rejected("its nonce does not match this login");
			}
			return claims;
		}
		catch (ParseException | JOSEException ex) {
			throw rejected("it cannot be read");
		}
	}

	private JWK key(String keyId, boolean refresh) {
		if (this.keys == null || refresh) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(provider().jwksUri()))
				.timeout(Duration.ofSeconds(10))
				.GET()
				.build();
			try {
				this.keys = JWKSet.parse(text(request));
			}
			catch (ParseException ex) {
				throw providerFailure("The identity provider's keys cannot be read.");
			}
		}
		if (keyId != null) {
			return this.keys.getKeyByKeyId(keyId);
		}
		return this.keys.getKeys().isEmpty() ? null : this.keys.getKeys().get(0);
	}

	private static JWSVerifier verifier(JWK key) throws JOSEException {
		if (key instanceof RSAKey rsa) {
			return new RSASSAVerifier(rsa);
		}
		if (key instanceof ECKey ec) {
			return new ECDSAVerifier(ec);
		}
		throw new JOSEException("Unsupported key type " + key.getKeyType());
	}

	private Provider provider() {
		Provider current = this.provider;
		if (current == null) {
			String issuer = this.settings.issuer().endsWith("/")
					? this.settings.issuer().substring(0, this.settings.issuer().length() - 1) : this.settings.issuer();
			HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
				.timeout(Duration.ofSeconds(10))
				.GET()
				.build();
			JsonNode document = call(request, "The identity provider's configuration cannot be read.");
			current = new Provider(document.path("issuer").asString(""),
					document.path("authorization_endpoint").asString(""), document.path("token_endpoint").asString(""),
					document.path("jwks_uri").asString(""));
			if (current.issuer().isEmpty() || current.authorizationEndpoint().isEmpty()
					|| current.tokenEndpoint().isEmpty() || current.jwksUri().isEmpty()) {
				throw providerFailure("The identity provider's configuration is incomplete.");
			}
			this.provider = current;
		}
		return current;
	}

	private JsonNode call(HttpRequest request, String failure) {
		return this.json.readTree(text(request, failure));
	}

	private String text(HttpRequest request) {
		return text(request, "The identity provider cannot be reached.");
	}

	private String text(HttpRequest request, String failure) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw providerFailure(failure);
			}
			return response.body();
		}
		catch (IOException ex) {
			throw providerFailure("The identity provider cannot be reached.");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw providerFailure("The identity provider cannot be reached.");
		}
	}

	private static String form(Map<String, String> values) {
		return values.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static ApiException rejected(String reason) {
		return new ApiException(ErrorCode.UNAUTHORIZED, "The identity provider's ID token is refused: " + reason + ".");
	}

	private static ApiException providerFailure(String message) {
		return new ApiException(ErrorCode.UPSTREAM_FAILED, message);
	}

	private record Provider(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri) {
	}

}
