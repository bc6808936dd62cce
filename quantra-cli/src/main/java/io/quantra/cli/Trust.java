package io.quantra.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How the CLI trusts a server's certificate: the JDK's certificate authorities (the
 * default), the authority in a PEM file ({@code --ca-cert}, such as Quantra's self-signed
 * {@code data/tls/certificate.pem}), or not at all ({@code --insecure}).
 *
 * @param insecure accept any certificate for any host name
 * @param caCert a PEM file with the certificates to trust instead of the JDK's, or null
 */
record Trust(boolean insecure, Path caCert) {

	static final Trust DEFAULT = new Trust(false, null);

	SSLContext sslContext() {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			if (this.insecure) {
				context.init(null, new TrustManager[] { new AcceptAnyCertificate() }, new SecureRandom());
			}
			else if (this.caCert != null) {
				TrustManagerFactory factory = TrustManagerFactory
					.getInstance(TrustManagerFactory.getDefaultAlgorithm());
				factory.init(keyStore(this.caCert));
				context.init(null, factory.getTrustManagers(), new SecureRandom());
			}
			else {
				return SSLContext.getDefault();
			}
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new CliException(ExitCodes.USAGE, "Cannot set up TLS: " + ex.getMessage(), ex);
		}
	}

	private static KeyStore keyStore(Path pem) throws GeneralSecurityException {
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		try (InputStream in = Files.newInputStream(pem)) {
			store.load(null, null);
			int i = 0;
			for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
				store.setCertificateEntry("ca-" + i++, certificate);
			}
			if (i == 0) {
				throw new CliException(ExitCodes.USAGE, pem + " holds no PEM certificate.");
			}
			return store;
		}
		catch (IOException ex) {
			throw new CliException(ExitCodes.USAGE, "Cannot read the certificate file " + pem + ": " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * Accepts every certificate. Being an extended trust manager, it also takes over the
	 * host name check, which it skips: {@code --insecure} means both.
	 */
	private static final class AcceptAnyCertificate extends X509ExtendedTrustManager {

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
		}

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}

	}

}
