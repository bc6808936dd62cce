package io.quantra.platform;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request came from, as recorded in the audit log: the client's IP address (as
 * seen by the server, or by a trusted proxy when {@code server.forward-headers-strategy}
 * is set) and its user agent, truncated.
 */
public record ClientInfo(String ipAddress, String userAgent) {

	private static final int MAX_USER_AGENT = 512;

	public static ClientInfo of(HttpServletRequest request) {
		String agent = request.getHeader("User-Agent");
		if (agent != null && agent.length() > MAX_USER_AGENT) {
			agent = agent.substring(0, MAX_USER_AGENT);
		}
		return new ClientInfo(request.getRemoteAddr(), agent);
	}

}
