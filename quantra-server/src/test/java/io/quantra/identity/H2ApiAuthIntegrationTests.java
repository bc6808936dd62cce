package io.quantra.identity;

import io.quantra.OnH2;

@OnH2
class H2ApiAuthIntegrationTests extends ApiAuthContract {

}
