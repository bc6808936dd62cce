package io.quantra.platform.web;

import java.io.IOException;

import io.quantra.platform.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS checks, answering a rejected cross-origin request with problem details
 * rather than a bare text body.
 */
class ProblemCorsProcessor extends DefaultCorsProcessor {

	private final Problems problems;

	private final ThreadLocal<HttpServletRequest> current = new ThreadLocal<>();

	ProblemCorsProcessor(Problems problems) {
		this.problems = problems;
	}

	@Override
	public boolean processRequest(CorsConfiguration configuration, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		this.current.set(request);
		try {
			return super.processRequest(configuration, request, response);
		}
		finally {
			this.current.remove();
		}
	}

	@Override
	protected void rejectRequest(ServerHttpResponse response) throws IOException {
		HttpServletResponse servletResponse = ((ServletServerHttpResponse) response).getServletResponse();
		this.problems.write(servletResponse, HttpStatus.FORBIDDEN, ErrorCode.PERMISSION_DENIED,
				"This origin may not call Quantra; an operator can allow it with ALLOWED_ORIGINS.", this.current.get());
	}

}
