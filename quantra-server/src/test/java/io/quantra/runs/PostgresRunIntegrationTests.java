package io.quantra.runs;

import io.quantra.OnPostgres;

@OnPostgres
class PostgresRunIntegrationTests extends RunContract {

}
