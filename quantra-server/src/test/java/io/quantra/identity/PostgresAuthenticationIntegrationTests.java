package io.quantra.identity;

import io.quantra.OnPostgres;

@OnPostgres
class PostgresAuthenticationIntegrationTests extends AuthenticationContract {

}
