package io.quantra.runs;

import java.util.Map;

import io.quantra.TestDatabases;

class H2CrashIntegrationTests extends CrashContract {

	@Override
	Map<String, String> database() {
		return Map.of("quantra.data-dir", TestDatabases.newDataDirectory().toString());
	}

}
