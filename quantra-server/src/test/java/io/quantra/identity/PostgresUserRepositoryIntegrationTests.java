package io.quantra.identity;

import io.quantra.OnPostgres;

@OnPostgres
class PostgresUserRepositoryIntegrationTests extends UserRepositoryContract {

}
