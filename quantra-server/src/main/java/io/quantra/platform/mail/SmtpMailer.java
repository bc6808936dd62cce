package io.quantra.platform.mail;

import java.util.concurrent.ExecutorService;

import io.quantra.platform.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Delivers mail through the configured SMTP server, one message at a time, off the
 * request thread. Failures are logged without the recipient's address.
 */
class SmtpMailer implements Mailer {

	private static final Logger log = LoggerFactory.getLogger(SmtpMailer.class);

	private final JavaMailSender sender;

	private final String from;

	private final ExecutorService delivery;

	SmtpMailer(JavaMailSender sender, String from, ExecutorService delivery) {
		this.sender = sender;
		this.from = from;
		this.delivery = delivery;
	}

	@Override
	public void send(Mail mail) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(mail.to());
		message.setSubject(mail.subject());
		message.setText(mail.text());
		this.delivery.execute(() -> {
			try {
				this.sender.send(message);
			}
			catch (MailException ex) {
				log.warn("Could not deliver a mail ({}): {}", mail.subject(), ex.getClass().getSimpleName());
			}
		});
	}

}
