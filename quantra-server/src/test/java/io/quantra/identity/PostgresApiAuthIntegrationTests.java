package io.quantra.identity;

import io.quantra.OnPostgres;

@OnPostgres
class PostgresApiAuthIntegrationTests extends ApiAuthContract {

}
