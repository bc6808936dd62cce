package io.quantra.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Matches requests whose path no controller serves, whatever the method. Such requests
 * are let through so that the caller learns the route does not exist (404) rather than
 * being asked to authenticate for nothing; no data can be reached this way.
 */
class UnmappedRouteMatcher implements RequestMatcher {

	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	UnmappedRouteMatcher(ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		RequestMappingHandlerMapping mapping = this.mappings.getIfAvailable();
		if (mapping == null) {
			return false;
		}
		boolean parsedHere = !ServletRequestPathUtils.hasParsedRequestPath(request);
		if (parsedHere) {
			ServletRequestPathUtils.parseAndCache(request);
		}
		try {
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				PathPatternsRequestCondition paths = info.getPathPatternsCondition();
				if (paths != null && paths.getMatchingCondition(request) != null) {
					return false;
				}
			}
			return true;
		}
		finally {
			if (parsedHere) {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
		}
	}

}
