package io.quantra.pipelines;

import io.quantra.OnPostgres;

@OnPostgres
class PostgresCanvasIntegrationTests extends CanvasContract {

}
