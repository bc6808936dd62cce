package io.quantra.triggers;

import io.quantra.OnPostgres;

@OnPostgres
class PostgresScheduleIntegrationTests extends ScheduleContract {

}
