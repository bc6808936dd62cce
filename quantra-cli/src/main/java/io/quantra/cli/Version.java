package io.quantra.cli;

import picocli.CommandLine.IVersionProvider;

/** The CLI's version, from its jar's manifest. */
final class Version implements IVersionProvider {

	static String current() {
		String version = Version.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "dev";
	}

	@Override
	public String[] getVersion() {
		return new String[] { "quantra CLI " + current(), "Java " + Runtime.version() };
	}

}
