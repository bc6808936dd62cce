package io.quantra.platform.web;

import java.io.IOException;

/**
 * Raised while reading a request body that turns out larger than the configured limit.
 */
class PayloadTooLargeException extends IOException {

	PayloadTooLargeException(long limit) {
		super("The request body exceeds the limit of " + limit + " bytes");
	}

}
