package io.quantra.platform.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import io.quantra.platform.DataDirectory;
import io.quantra.platform.SecretBox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	@Bean
	DataDirectory dataDirectory(@Value("${quantra.data-dir}") Path path) throws IOException {
		DataDirectory directory = new DataDirectory(path);
		try {
			Files.createDirectories(directory.path());
		}
		catch (IOException ex) {
			throw new IOException("Cannot create the data directory " + directory.path()
					+ "; set QUANTRA_DATA_DIR to a writable directory", ex);
		}
		return directory;
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	SecretBox secretBox(@Value("${quantra.secret-key:}") String key, DataDirectory data) {
		return SecretBox.of(key, data);
	}

}
