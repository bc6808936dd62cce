package io.quantra.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quantra.platform.RouteAuthorizations;
import io.quantra.platform.SecurityChainContribution;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Serves the console's pages to anyone (they hold no data: every call they make is
 * authorised on its own) under a Content-Security-Policy that lets them run only the
 * scripts of this server. The page's one inline script, its import map, is allowed by its
 * hash.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

	static final String[] CONSOLE_PATHS = { "/", "/index.html", "/favicon.ico", "/console/**" };

	private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>",
			Pattern.DOTALL);

	@Bean
	static RouteAuthorizations consoleRouteRules() {
		return (routes) -> routes.requestMatchers(CONSOLE_PATHS).permitAll();
	}

	@Bean
	SecurityChainContribution consoleContentSecurityPolicy() throws IOException {
		String policy = contentSecurityPolicy(importMapHash());
		RequestMatcher pages = new OrRequestMatcher(
				Arrays.stream(CONSOLE_PATHS).map((path) -> (RequestMatcher) pathPattern(path)).toList());
		return (http) -> http
			.headers((headers) -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(pages,
					new StaticHeadersWriter("Content-Security-Policy", policy))));
	}

	static String contentSecurityPolicy(String importMapHash) {
		return "default-src 'self'; script-src 'self' 'sha256-" + importMapHash + "'; style-src 'self'; "
				+ "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
				+ "form-action 'self'; frame-ancestors 'none'";
	}

	/** The SHA-256 of the import map in {@code index.html}, as CSP writes hashes. */
	static String importMapHash() throws IOException {
		String page;
		try (InputStream in = new ClassPathResource("static/index.html").getInputStream()) {
			page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Matcher map = IMPORT_MAP.matcher(page);
		if (!map.find()) {
			throw new IllegalStateException("static/index.html has no import map");
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(map.group(1).getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
