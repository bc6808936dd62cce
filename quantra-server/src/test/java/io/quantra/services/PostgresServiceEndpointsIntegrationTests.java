package io.quantra.services;

import io.quantra.OnPostgres;

@OnPostgres
class PostgresServiceEndpointsIntegrationTests extends ServiceEndpointsContract {

}
