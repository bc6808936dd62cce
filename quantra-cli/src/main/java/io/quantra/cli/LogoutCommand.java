package io.quantra.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** {@code quantra logout}: revokes the token login created and forgets it. */
@Command(name = "logout",
		description = "Revoke the API token the last login created and remove it from " + "the credentials file.")
class LogoutCommand extends CliCommand implements Callable<Integer> {

	@Override
	public Integer call() {
		Session session = session();
		ServerProfile profile = session.profile();
		if (profile.token() == null) {
			out().println("Not logged in to " + session.server() + ".");
			return ExitCodes.OK;
		}
		String problem = new Logout(json(), environment(), cli().name()).revoke(profile, session.trust());
		session.store().save(session.store().load().with(profile.loggedOut(), false));
		if (profile.tokenId() == null) {
			out().println("Logged out of " + session.server()
					+ ". The token you gave is forgotten here, not revoked; revoke it in the console if you are "
					+ "done with it.");
		}
		else if (problem == null) {
			out().println("Logged out of " + session.server() + "; its API token is revoked.");
		}
		else {
			out().println("Logged out of " + session.server() + ".");
			note(cli().name() + ": the API token could not be revoked (" + problem + "); it expires "
					+ ((profile.tokenExpiresAt() != null) ? profile.tokenExpiresAt().substring(0, 10) : "later")
					+ ". Revoke it among your API tokens in the console.");
		}
		return ExitCodes.OK;
	}

}
