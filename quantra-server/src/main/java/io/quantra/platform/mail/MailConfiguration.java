package io.quantra.platform.mail;

import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.quantra.platform.DataDirectory;
import io.quantra.platform.Mailer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMTP from {@code QUANTRA_SMTP_HOST}, {@code _PORT}, {@code _USERNAME},
 * {@code _PASSWORD}, {@code _FROM} and {@code _STARTTLS}; without a host, mail goes to
 * {@code .eml} files.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	@Bean(destroyMethod = "shutdown")
	ExecutorService mailDelivery() {
		return Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "mail-delivery");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Bean
	Mailer mailer(@Value("${quantra.smtp.host:}") String host, @Value("${quantra.smtp.port:587}") int port,
			@Value("${quantra.smtp.username:}") String username, @Value("${quantra.smtp.password:}") String password,
			@Value("${quantra.smtp.starttls:true}") boolean starttls,
			@Value("${quantra.smtp.from:quantra@localhost}") String from, DataDirectory dataDirectory,
			ExecutorService mailDelivery) {
		if (host.isBlank()) {
			return new EmlFileMailer(dataDirectory.resolve("mail"), from, mailDelivery);
		}
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(host);
		sender.setPort(port);
		if (!username.isBlank()) {
			sender.setUsername(username);
			sender.setPassword(password);
		}
		Properties properties = sender.getJavaMailProperties();
		properties.put("mail.smtp.auth", Boolean.toString(!username.isBlank()));
		properties.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
		properties.put("mail.smtp.connectiontimeout", "10000");
		properties.put("mail.smtp.timeout", "10000");
		properties.put("mail.smtp.writetimeout", "10000");
		return new SmtpMailer(sender, from, mailDelivery);
	}

}
