package io.quantra.identity;

import java.util.Map;

import io.quantra.TestDatabases;

class H2InitialAdminAccountIntegrationTests extends InitialAdminAccountContract {

	@Override
	Map<String, Object> freshDatabase() {
		return TestDatabases.h2();
	}

}
