package io.quantra.cli;

import java.net.URI;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Revokes the API token a login created. An API token cannot revoke itself, so the
 * refresh token of that login is used, once, for a short sign-in that deletes the token
 * and ends the login.
 */
final class Logout {

	private final JsonMapper json;

	private final CliEnvironment environment;

	private final String program;

	Logout(JsonMapper json, CliEnvironment environment, String program) {
		this.json = json;
		this.environment = environment;
		this.program = program;
	}

	/**
	 * Revokes the profile's token on its server.
	 * @return null when it is revoked (or was not the CLI's to revoke), otherwise why not
	 */
	String revoke(ServerProfile profile, Trust trust) {
		if (profile.tokenId() == null) {
			return null;
		}
		if (profile.refreshToken() == null) {
			return "no sign-in is left to revoke it with";
		}
		QuantraClient anonymous = new QuantraClient(URI.create(profile.url() + "/"), trust, null, this.json, null);
		try {
			JsonNode pair = anonymous.post("/auth/refresh",
					this.json.createObjectNode().put("refresh_token", profile.refreshToken()));
			QuantraClient signedIn = new QuantraClient(anonymous.base(), trust, Json.text(pair, "access_token"),
					this.json, null);
			signedIn.delete("/account/api-tokens/" + profile.tokenId());
			anonymous.post("/auth/logout",
					this.json.createObjectNode().put("refresh_token", Json.text(pair, "refresh_token")));
			return null;
		}
		catch (ApiError ex) {
			if (ex.status() == 404) {
				// revoked already, in the console
				return null;
			}
			return ex.getMessage();
		}
		catch (CliException ex) {
			return ex.getMessage();
		}
	}

	/** Revokes a token being replaced, telling the user only when it could not be. */
	void revokeQuietly(ServerProfile profile, Trust trust) {
		if (profile.token() == null) {
			return;
		}
		String problem = revoke(profile, trust);
		if (problem != null) {
			this.environment.err()
				.println(this.program + ": the previous API token of " + profile.url() + " could not be revoked ("
						+ problem + "); revoke it among your API tokens in the console.");
		}
	}

}
