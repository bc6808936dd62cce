package io.quantra.identity;

import io.quantra.OnPostgres;

@OnPostgres
class PostgresMfaIntegrationTests extends MfaContract {

}
