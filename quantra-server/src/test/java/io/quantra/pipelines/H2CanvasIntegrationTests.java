package io.quantra.pipelines;

import io.quantra.OnH2;

@OnH2
class H2CanvasIntegrationTests extends CanvasContract {

}
