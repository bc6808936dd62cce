package io.quantra.platform;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes a problem-details response from code that runs outside Spring MVC, such as a
 * servlet filter, in exactly the shape the rest of the API uses.
 */
public interface ProblemWriter {

	void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message)
			throws IOException;

}
