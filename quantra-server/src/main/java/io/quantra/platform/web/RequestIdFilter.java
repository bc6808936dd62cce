package io.quantra.platform.web;

import java.io.IOException;

import io.quantra.platform.RequestId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id before anything else runs: the caller's well-formed
 * {@code X-Request-ID}, or a new UUID. The id goes back in the response header, into the
 * log context and into every problem-details body.
 */
class RequestIdFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = RequestId.acceptOrCreate(request.getHeader(RequestId.HEADER));
		request.setAttribute(RequestId.ATTRIBUTE, id);
		response.setHeader(RequestId.HEADER, id);
		MDC.put(RequestId.ATTRIBUTE, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(RequestId.ATTRIBUTE);
		}
	}

}
