package io.quantra.services;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.quantra.platform.PiiScrubber;
import io.quantra.plugins.PluginFailure;

/**
 * Checks the URL a tool asks a user to authorise it at before the run's members see it on
 * the run's stream, in its results and in webhook deliveries: an absolute {@code http} or
 * {@code https} URL with a host and without credentials, at most {@value #MAX_LENGTH}
 * characters. Query parameters that carry personal data or secrets (an OAuth2
 * {@code login_hint} with an e-mail address, a token) are removed, since a provider asks
 * for them again; personal data in the path cannot be removed, so such a URL is refused.
 */
final class AuthorizationUrls {

	static final int MAX_LENGTH = 2048;

	private AuthorizationUrls() {
	}

	/** The URL as it may be shown. */
	static String shown(String url, String endpointName) throws PluginFailure {
		if (url.length() > MAX_LENGTH) {
			throw refused(endpointName, "is longer than " + MAX_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw refused(endpointName, "is not a valid URL");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !scheme.equals("http")) {
			throw refused(endpointName, "must be an absolute http or https URL");
		}
		if (uri.getHost() == null || uri.getRawUserInfo() != null) {
			throw refused(endpointName, (uri.getHost() == null) ? "has no host" : "carries credentials");
		}
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		if (personal(decoded(path))) {
			throw refused(endpointName, "holds personal data in its path");
		}
		StringBuilder shown = new StringBuilder(url.length()).append(scheme)
			.append("://")
			.append(uri.getRawAuthority())
			.append(path);
		List<String> kept = new ArrayList<>();
		if (uri.getRawQuery() != null) {
			for (String parameter : uri.getRawQuery().split("&")) {
				if (!parameter.isEmpty() && !personalParameter(decoded(parameter))) {
					kept.add(parameter);
				}
			}
		}
		if (!kept.isEmpty()) {
			shown.append('?').append(String.join("&", kept));
		}
		if (uri.getRawFragment() != null && !personal(decoded(uri.getRawFragment()))) {
			shown.append('#').append(uri.getRawFragment());
		}
		return shown.toString();
	}

	/**
	 * A parameter such as {@code redirect_uri} may name a service by its IP address,
	 * which is an address of the service, not of a person: only the rest of such a URL
	 * counts.
	 */
	private static boolean personalParameter(String parameter) {
		int equals = parameter.indexOf('=');
		String value = (equals >= 0) ? parameter.substring(equals + 1) : "";
		if (value.regionMatches(true, 0, "http://", 0, 7) || value.regionMatches(true, 0, "https://", 0, 8)) {
			try {
				URI nested = new URI(value);
				String rest = String.valueOf(nested.getPath()) + "?" + nested.getQuery() + "#" + nested.getFragment();
				return personal(parameter.substring(0, equals + 1)) || personal(rest);
			}
			catch (URISyntaxException ex) {
				return true;
			}
		}
		return personal(parameter);
	}

	private static boolean personal(String text) {
		return !PiiScrubber.scrub(text).equals(text);
	}

	private static String decoded(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

	private static PluginFailure refused(String endpointName, String reason) {
		return new PluginFailure(RemoteTool.SERVICE_FAILED,
				"service endpoint '" + endpointName + "' asked for authorization at a URL that " + reason + ".", false);
	}

}
