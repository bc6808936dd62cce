package io.quantra.platform.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

import io.quantra.platform.Mailer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each mail as an RFC 822 {@code .eml} file under {@code <data>/mail} (readable by
 * the owner only, since it may carry a reset link), for servers without SMTP.
 */
class EmlFileMailer implements Mailer {

	private static final Logger log = LoggerFactory.getLogger(EmlFileMailer.class);

	private final Path directory;

	private final String from;

	private final ExecutorService delivery;

	EmlFileMailer(Path directory, String from, ExecutorService delivery) {
		this.directory = directory;
		this.from = from;
		this.delivery = delivery;
	}

	@Override
	public void send(Mail mail) {
		this.delivery.execute(() -> write(mail));
	}

	private void write(Mail mail) {
		try {
			MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
			message.setFrom(new InternetAddress(this.from));
			message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to()));
			message.setSubject(mail.subject(), "UTF-8");
			message.setText(mail.text(), "UTF-8");
			message.setSentDate(new java.util.Date());
			message.saveChanges();
			Files.createDirectories(this.directory);
			String name = System.currentTimeMillis() + "-" + UUID.randomUUID() + ".eml";
			Path temporary = Files.createTempFile(this.directory, ".mail-", ".part");
			try (OutputStream out = Files.newOutputStream(temporary)) {
				message.writeTo(out);
			}
			Path target = this.directory.resolve(name);
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
			log.info("No SMTP server is configured; wrote the mail '{}' to {}", mail.subject(), target);
		}
		catch (IOException | MessagingException ex) {
			log.warn("Could not write a mail ({}): {}", mail.subject(), ex.getClass().getSimpleName());
		}
	}

}
