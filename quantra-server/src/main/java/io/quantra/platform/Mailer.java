package io.quantra.platform;

/**
 * Sends e-mail: through SMTP when {@code QUANTRA_SMTP_HOST} is set, otherwise into
 * {@code <data>/mail} as {@code .eml} files an operator can open.
 */
public interface Mailer {

	/**
	 * Hands the message over for delivery without making the caller wait for the mail
	 * server.
	 */
	void send(Mail mail);

	/**
	 * A plain-text message to one recipient.
	 */
	record Mail(String to, String subject, String text) {
	}

}
