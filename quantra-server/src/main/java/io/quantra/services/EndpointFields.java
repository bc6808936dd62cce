package io.quantra.services;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.quantra.platform.ApiException;
import io.quantra.platform.ErrorCode;

/**
 * The checks on what staff send for a service endpoint. Each failure names the field,
 * what was wrong and what would be right.
 */
final class EndpointFields {

	static final int MAX_NAME = 100;

	static final int MAX_HOST = 253;

	static final int MAX_PLUGINS = 50;

	static final int MAX_PLUGIN_ID = 64;

	static final int MAX_SECRET = 500;

	static final int MAX_CA_CERTIFICATE = 20_000;

	static final List<String> PROTOCOLS = List.of(Endpoint.GRPC, Endpoint.GRPCS);

	private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+(%[a-z0-9]+)?");

	private static final Pattern PLUGIN_ID = Pattern.compile("[a-z][a-z0-9_]*");

	private EndpointFields() {
	}

	static String name(String name) {
		String text = (name != null) ? name.strip() : "";
		if (text.isEmpty() || text.length() > MAX_NAME) {
			throw invalid("name must be 1 to " + MAX_NAME + " characters.");
		}
		if (text.chars().anyMatch(Character::isISOControl)) {
			throw invalid("name must not contain control characters.");
		}
		return text;
	}

	/**
	 * A host name or an IP address (IPv6 with or without brackets), lower-cased; never
	 * looked up here.
	 */
	static String host(String host) {
		if (host == null || host.isEmpty()) {
			throw invalid("host is required: a host name or IP address such as ocr.internal or 10.0.0.7.");
		}
		if (host.length() > MAX_HOST) {
			throw invalid("host must be at most " + MAX_HOST + " characters.");
		}
		if (host.chars().anyMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			throw invalid("host must not contain whitespace.");
		}
		if (host.contains("://")) {
			throw invalid("host must be a bare host name without a scheme such as grpc://; set protocol instead.");
		}
		if (host.contains("/") || host.contains("?") || host.contains("#") || host.contains("@")) {
			throw invalid("host must be a bare host name or IP address, without a path, query or user.");
		}
		String value = host.toLowerCase(Locale.ROOT);
		if (value.startsWith("[") && value.endsWith("]")) {
			value = value.substring(1, value.length() - 1);
		}
		if (value.contains(":")) {
			if (!IPV6.matcher(value).matches() || !ipv6(value)) {
				throw invalid("host '" + host + "' is neither a host name nor an IP address; "
						+ "give the port in the port field, not after a colon.");
			}
			return value;
		}
		if (IPV4.matcher(value).matches()) {
			if (!ipv4(value)) {
				throw invalid("host '" + host + "' is not a valid IPv4 address.");
			}
			return value;
		}
		String name = value.endsWith(".") ? value.substring(0, value.length() - 1) : value;
		for (String label : name.split("\\.", -1)) {
			if (!LABEL.matcher(label).matches()) {
				throw invalid("host '" + host + "' is not a valid host name: each dot-separated part must be 1 to "
						+ "63 letters, digits or hyphens, not starting or ending with a hyphen.");
			}
		}
		return name;
	}

	static int port(Integer port) {
		if (port == null || port < 1 || port > 65535) {
			throw invalid("port must be between 1 and 65535" + ((port != null) ? ", not " + port : "") + ".");
		}
		return port;
	}

	static String protocol(String protocol) {
		if (protocol == null || !PROTOCOLS.contains(protocol)) {
			throw invalid("protocol must be grpc (plain text) or grpcs (TLS)"
					+ ((protocol != null) ? ", not '" + protocol + "'" : "") + ".");
		}
		return protocol;
	}

	/** Distinct plugin ids in the order given. */
	static List<String> pluginIds(List<String> pluginIds) {
		if (pluginIds == null) {
			return List.of();
		}
		if (pluginIds.size() > MAX_PLUGINS) {
			throw invalid("plugin_ids may list at most " + MAX_PLUGINS + " plugins, not " + pluginIds.size() + ".");
		}
		Set<String> ids = new LinkedHashSet<>();
		List<String> wrong = new ArrayList<>();
		for (String id : pluginIds) {
			if (id != null && id.length() <= MAX_PLUGIN_ID && PLUGIN_ID.matcher(id).matches()) {
				ids.add(id);
			}
			else {
				wrong.add(String.valueOf(id));
			}
		}
		if (!wrong.isEmpty()) {
			throw invalid("plugin_ids must be lower snake case ids of at most " + MAX_PLUGIN_ID
					+ " characters, such as ocr_tool; these are not: " + String.join(", ", wrong) + ".");
		}
		return List.copyOf(ids);
	}

	static String secret(String secret) {
		if (secret == null || secret.isEmpty() || secret.length() > MAX_SECRET) {
			throw invalid("secret must be 1 to " + MAX_SECRET + " characters; send null to remove it.");
		}
		return secret;
	}

	/**
	 * PEM text of one or more X.509 certificates, checked by parsing it; returned as
	 * given, trimmed.
	 */
	static String caCertificate(String pem) {
		if (pem == null || pem.isBlank()) {
			throw invalid("ca_certificate must be PEM text of X.509 certificates; send null to trust the "
					+ "server's default certificate authorities.");
		}
		if (pem.length() > MAX_CA_CERTIFICATE) {
			throw invalid("ca_certificate must be at most " + MAX_CA_CERTIFICATE + " characters.");
		}
		if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
			throw invalid("ca_certificate must be PEM text starting with -----BEGIN CERTIFICATE-----.");
		}
		try {
			Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
				.generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
			if (certificates.isEmpty()) {
				throw invalid("ca_certificate holds no certificate.");
			}
		}
		catch (CertificateException ex) {
			throw invalid("ca_certificate is not a readable X.509 certificate in PEM form.");
		}
		return pem.strip();
	}

	/** A CA certificate says whom to trust over TLS, so it goes with grpcs only. */
	static void caCertificateFits(String protocol, String caCertificate) {
		if (caCertificate != null && !Endpoint.GRPCS.equals(protocol)) {
			throw invalid("ca_certificate applies to protocol grpcs only; remove it (send null) or use grpcs.");
		}
	}

	private static boolean ipv4(String address) {
		for (String part : address.split("\\.")) {
			if (Integer.parseInt(part) > 255) {
				return false;
			}
		}
		return true;
	}

	private static boolean ipv6(String address) {
		try {
			// in brackets the JDK parses the literal and never looks it up
			InetAddress.getByName("[" + address + "]");
			return true;
		}
		catch (UnknownHostException | SecurityException ex) {
			return false;
		}
	}

	static ApiException invalid(String message) {
		return new ApiException(ErrorCode.VALIDATION_ERROR, message);
	}

}
