package io.quantra.identity;

import java.util.Map;

import io.quantra.TestDatabases;

class PostgresInitialAdminAccountIntegrationTests extends InitialAdminAccountContract {

	@Override
	Map<String, Object> freshDatabase() {
		return TestDatabases.postgres();
	}

}
