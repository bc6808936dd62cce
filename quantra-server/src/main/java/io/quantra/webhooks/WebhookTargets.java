package io.quantra.webhooks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may send. A project admin chooses the URL, so without a check Quantra
 * could be made to call services inside its own network or a cloud metadata endpoint
 * (server-side request forgery). Every address the host resolves to must be public; the
 * check runs when the webhook is created and again before each attempt, so a DNS answer
 * that changes afterwards (rebinding) is caught too, and the attempt connects to the
 * address that was checked.
 */
final class WebhookTargets {

	static final int MAX_URL = 2000;

	private WebhookTargets() {
	}

	/**
	 * The URL a webhook may be created with: absolute http or https, with a host, without
	 * user info or fragment, at most {@link #MAX_URL} characters.
	 * @throws IllegalArgumentException naming what is wrong
	 */
	static URI checkedUrl(String url) {
		if (url == null || url.isBlank()) {
			throw new IllegalArgumentException("url is required: the http or https address to send events to.");
		}
		if (url.length() > MAX_URL) {
			throw new IllegalArgumentException("url must be at most " + MAX_URL + " characters.");
		}
		URI uri;
		try {
			uri = new URI(url.trim());
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("url is not a valid URL: " + ex.getReason() + ".");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!uri.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme))) {
			throw new IllegalArgumentException("url must be an absolute http:// or https:// URL.");
		}
		if (uri.getRawUserInfo() != null) {
			throw new IllegalArgumentException(
					"url must not carry a user name or password; put credentials in the path or query instead.");
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			throw new IllegalArgumentException("url needs a valid host name.");
		}
		if (uri.getRawFragment() != null) {
			throw new IllegalArgumentException("url must not have a #fragment; it is never sent to the receiver.");
		}
		return uri;
	}

	/**
	 * Resolves the URL's host and checks every address.
	 * @param allowPrivate whether staff allowed targets inside the network
	 * @throws RefusedTarget when the host does not resolve or an address is refused
	 */
	static Target vet(URI url, boolean allowPrivate) throws RefusedTarget {
		String host = hostOf(url);
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			throw new RefusedTarget("the host " + host + " could not be resolved");
		}
		if (!allowPrivate) {
			for (InetAddress address : addresses) {
				Optional<String> refusal = refusal(address);
				if (refusal.isPresent()) {
					throw new RefusedTarget(host + " resolves to " + address.getHostAddress() + ", " + refusal.get()
							+ "; webhooks may only reach public addresses unless staff set "
							+ "webhooks_allow_private_targets in /settings");
				}
			}
		}
		return new Target(url, addresses[0]);
	}

	/** The host of the URL, without the brackets of an IPv6 literal. */
	static String hostOf(URI url) {
		String host = url.getHost();
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

	/**
	 * Why Quantra refuses to send to the address, or empty for a public address.
	 */
	static Optional<String> refusal(InetAddress address) {
		byte[] bytes = address.getAddress();
		return (bytes.length == 4) ? refusalV4(bytes) : refusalV6(bytes);
	}

	private static Optional<String> refusalV4(byte[] b) {
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		if (first == 0) {
			return Optional.of("an unspecified (\"this network\") address");
		}
		if (first == 127) {
			return Optional.of("a loopback address");
		}
		if (first == 10 || (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168)) {
			return Optional.of("a private address");
		}
		if (first == 169 && second == 254) {
			return Optional.of("a link-local address (such as a cloud metadata service)");
		}
		if (first == 100 && second >= 64 && second <= 127) {
			return Optional.of("a carrier-grade NAT address");
		}
		if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
			return Optional.of("a reserved protocol address");
		}
		if (first == 198 && (second == 18 || second == 19)) {
			return Optional.of("a reserved benchmarking address");
		}
		if (first >= 224 && first <= 239) {
			return Optional.of("a multicast address");
		}
		if (first >= 240) {
			return Optional.of("a reserved or broadcast address");
		}
		return Optional.empty();
	}

	private static Optional<String> refusalV6(byte[] b) {
		if (zero(b, 0, 15)) {
			return (b[15] == 0) ? Optional.of("an unspecified address")
					: (b[15] == 1) ? Optional.of("a loopback address") : refusalV4(tail(b));
		}
		// IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d and NAT64
		// 64:ff9b::a.b.c.d
		// reach the IPv4 address they carry
		if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
			return refusalV4(tail(b));
		}
		if (zero(b, 0, 12)) {
			return refusalV4(tail(b));
		}
		if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
			return zero(b, 4, 12) ? refusalV4(tail(b)) : Optional.of("a local-use NAT64 address");
		}
		if (b[0] == 0x20 && b[1] == 0x02) {
			// 6to4 2002:a.b.c.d::/48 carries an IPv4 address in bytes 2-5
			return refusalV4(new byte[] { b[2], b[3], b[4], b[5] });
		}
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		if ((first & 0xfe) == 0xfc) {
			return Optional.of("a private (unique local) address");
		}
		if (first == 0xfe && (second & 0xc0) == 0x80) {
			return Optional.of("a link-local address");
		}
		if (first == 0xfe && (second & 0xc0) == 0xc0) {
			return Optional.of("a site-local address");
		}
		if (first == 0xff) {
			return Optional.of("a multicast address");
		}
		if (first == 0x01 && second == 0x00 && zero(b, 2, 8)) {
			return Optional.of("a discard-only address");
		}
		return Optional.empty();
	}

	private static boolean zero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static byte[] tail(byte[] bytes) {
		return new byte[] { bytes[12], bytes[13], bytes[14], bytes[15] };
	}

	/**
	 * A URL whose host resolved to addresses Quantra may reach.
	 *
	 * @param url the webhook's URL
	 * @param address the checked address to connect to
	 */
	record Target(URI url, InetAddress address) {

		/**
		 * The URL with its host replaced by the checked address, so that the connection
		 * cannot go to an address resolved later.
		 */
		URI pinned() {
			String literal = this.address.getHostAddress();
			if (literal.contains(":")) {
				int scope = literal.indexOf('%');
				literal = "[" + ((scope >= 0) ? literal.substring(0, scope) : literal) + "]";
			}
			String path = (this.url.getRawPath() == null || this.url.getRawPath().isEmpty()) ? "/"
					: this.url.getRawPath();
			String query = (this.url.getRawQuery() != null) ? "?" + this.url.getRawQuery() : "";
			String port = (this.url.getPort() != -1) ? ":" + this.url.getPort() : "";
			return URI.create(this.url.getScheme().toLowerCase(Locale.ROOT) + "://" + literal + port + path + query);
		}

		/** The Host header the receiver expects: the URL's own host and port. */
		String hostHeader() {
			return this.url.getRawAuthority();
		}

		boolean https() {
			return "https".equalsIgnoreCase(this.url.getScheme());
		}

	}

	/** Quantra will not send to this URL; the message says why. */
	static final class RefusedTarget extends Exception {

		RefusedTarget(String message) {
			super(message, null, false, false);
		}

	}

}
