package io.quantra.runs;

import io.quantra.OnH2;

@OnH2
class H2RunIntegrationTests extends RunContract {

}
