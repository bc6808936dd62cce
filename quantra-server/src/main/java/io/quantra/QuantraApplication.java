package io.quantra;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Quantra: one Spring Boot application whose top-level packages are its modules.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QuantraApplication {

	public static void main(String[] args) {
		SpringApplication.run(QuantraApplication.class, args);
	}

}
