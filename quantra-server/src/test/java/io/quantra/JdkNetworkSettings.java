package io.quantra;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Sets, before any test sends an HTTP request, the JDK networking properties Quantra's
 * main method sets in production, so that the servers tests start behave the same way.
 */
public class JdkNetworkSettings implements LauncherSessionListener {

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		QuantraApplication.allowHostHeader();
	}

}
