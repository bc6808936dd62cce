package io.quantra.identity;

import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The two cookies of a console session. {@code quantra_session} carries the session token
 * (HttpOnly, so scripts never see it); {@code quantra_csrf} carries the CSRF token, which
 * the console's scripts read and send back in {@code X-CSRF-Token} on every
 * state-changing request. Both are SameSite=Strict and Secure whenever the request came
 * over HTTPS.
 */
final class SessionCookies {

	static final String SESSION = "quantra_session";

	static final String CSRF = "quantra_csrf";

	static final String CSRF_HEADER = "X-CSRF-Token";

	private SessionCookies() {
	}

	static void set(HttpServletRequest request, HttpServletResponse response, String token, String csrf) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, SESSION, token, true, SessionService.MAX_LIFETIME));
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, CSRF, csrf, false, SessionService.MAX_LIFETIME));
	}

	static void clear(HttpServletRequest request, HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, SESSION, "", true, Duration.ZERO));
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, CSRF, "", false, Duration.ZERO));
	}

	static String read(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (name.equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

	private static String cookie(HttpServletRequest request, String name, String value, boolean httpOnly,
			Duration maxAge) {
		return ResponseCookie.from(name, value)
			.httpOnly(httpOnly)
			.secure(request.isSecure())
			.sameSite("Strict")
			.path("/")
			.maxAge(maxAge)
			.build()
			.toString();
	}

}
