package io.quantra.runs;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quantra.TestDatabases;

class PostgresCrashIntegrationTests extends CrashContract {

	@Override
	Map<String, String> database() {
		Map<String, String> properties = new LinkedHashMap<>();
		TestDatabases.postgres().forEach((key, value) -> properties.put(key, String.valueOf(value)));
		return properties;
	}

}
