package io.quantra.cli;

/**
 * What the CLI remembers about one server: who is logged in there, with which token, and
 * how its certificate is trusted.
 *
 * @param url the server's base URL, such as {@code https://localhost:4443}
 * @param email the account logged in, or null
 * @param token the API token ({@code qapi_…}) commands send, or null after logout
 * @param tokenId the token's id when the CLI created it at login (so logout can revoke
 * it), null for a token the user gave
 * @param tokenExpiresAt when that token expires (ISO-8601), or null
 * @param refreshToken the refresh token of the login that created the token, used once by
 * logout to revoke it; null when none
 * @param insecure whether certificate checks are off for this server
 * @param caCert a PEM file of the certificate authority (or self-signed certificate) to
 * trust for this server, or null
 */
record ServerProfile(String url, String email, String token, Long tokenId, String tokenExpiresAt, String refreshToken,
		boolean insecure, String caCert) {

	static ServerProfile of(String url) {
		return new ServerProfile(url, null, null, null, null, null, false, null);
	}

	ServerProfile withTrust(boolean insecure, String caCert) {
		return new ServerProfile(this.url, this.email, this.token, this.tokenId, this.tokenExpiresAt, this.refreshToken,
				insecure, caCert);
	}

	ServerProfile withLogin(String email, String token, Long tokenId, String tokenExpiresAt, String refreshToken) {
		return new ServerProfile(this.url, email, token, tokenId, tokenExpiresAt, refreshToken, this.insecure,
				this.caCert);
	}

	ServerProfile loggedOut() {
		return new ServerProfile(this.url, null, null, null, null, null, this.insecure, this.caCert);
	}

}
