package io.quantra.identity;

import io.quantra.OnPostgres;

@OnPostgres
class PostgresUserAdministrationIntegrationTests extends UserAdministrationContract {

}
