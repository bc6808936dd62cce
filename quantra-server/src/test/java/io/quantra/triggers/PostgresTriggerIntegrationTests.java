package io.quantra.triggers;

import io.quantra.OnPostgres;

@OnPostgres
class PostgresTriggerIntegrationTests extends TriggerContract {

}
