package io.quantra.projects;

import io.quantra.OnPostgres;

@OnPostgres
class PostgresProjectsIntegrationTests extends ProjectsContract {

}
